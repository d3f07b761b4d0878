import assert from 'node:assert/strict';
import { it } from 'node:test';
import pg from 'pg';
import { changedMeanwhile } from '../../src/store/open-store.ts';

// Opening a PostgreSQL store tries its migration again when another user of the database changed
// its schemas meanwhile (Kysely looks for its tables among every schema): judged from the errors
// PostgreSQL itself gives, wrapped as KyselyStore.migrate wraps them.

if (process.env.TEST_DATABASE_URL) {
  it('tries again after a schema or table dropped meanwhile, not after a real error of our own', async () => {
    const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await client.connect();
    const failure = async (text: string) => {
      const error = await client.query(text).then(
        () => assert.fail(`${text} should fail`),
        (error: unknown) => error,
      );
      return new Error('store migration failed', { cause: error });
    };
    try {
      // What the migrator's look-up meets when a schema, a table or a column of another schema
      // goes while it reads them (pg_get_serial_sequence runs for every column it lists).
      assert.equal(changedMeanwhile(await failure("select pg_get_serial_sequence('callplane_gone_meanwhile.t', 'id')")), true);
      assert.equal(changedMeanwhile(await failure('select * from callplane_gone_meanwhile_table')), true);
      assert.equal(changedMeanwhile(await failure("select pg_get_serial_sequence('pg_catalog.pg_class', 'gone_meanwhile')")), true);
      // A migration of ours naming a column that is not there is a bug, not a race.
      assert.equal(changedMeanwhile(await failure('select gone_meanwhile from pg_catalog.pg_class')), false);
      assert.equal(changedMeanwhile(await failure('select 1/0')), false);
    } finally {
      await client.end();
    }
  });
}
