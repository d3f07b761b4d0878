import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { fixedStatement, type RepositoryContext } from '../../src/store/repositories/context.ts';
import { createSqliteDatabase, isSqliteUniqueViolation } from '../../src/store/sqlite.ts';

// fixedStatement sends a statement compiled once with each call's values: a value that would not be
// a bound parameter of its own must be refused, not frozen into the text of the first call.

const rows = (result: { rows: object[] }) => result.rows.map((row) => ({ ...row }));
const context = (): RepositoryContext => ({ db: createSqliteDatabase(':memory:').db, dialect: 'sqlite', isUniqueViolation: isSqliteUniqueViolation });

describe('fixedStatement', () => {
  it('answers each call with its own values, for lists of each length and for a value left out', async () => {
    const ctx = context();
    const pick = fixedStatement((db, first: string, rest: string[], last: string | undefined) =>
      db.selectNoFrom((eb) => [eb.val(first).as('first'), eb.fn<string>('json_array', rest.map((v) => eb.val(v))).as('rest'), last === undefined ? sql<string>`'none'`.as('last') : eb.val(last).as('last')]),
    );
    assert.deepEqual(rows(await pick(ctx, 'a', ['b'], 'c')), [{ first: 'a', rest: '["b"]', last: 'c' }]);
    assert.deepEqual(rows(await pick(ctx, 'd', ['e', 'f'], undefined)), [{ first: 'd', rest: '["e","f"]', last: 'none' }]);
    assert.deepEqual(rows(await pick(ctx, 'g', ['h'], 'i')), [{ first: 'g', rest: '["h"]', last: 'i' }]);
    assert.deepEqual(rows(await pick(ctx, 'j', ['k', 'l'], undefined)), [{ first: 'j', rest: '["k","l"]', last: 'none' }]);
  });

  it('refuses a statement that puts a value into its text', async () => {
    const ctx = context();
    const inlined = fixedStatement((db, value: string) => db.selectNoFrom(sql.lit(value).as('v')));
    await assert.rejects(inlined(ctx, 'x'), /not a parameter of its own/);
  });
});
