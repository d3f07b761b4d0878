import type { DatabaseConfig } from '../config.ts';
import { KyselyStore } from './kysely-store.ts';
import { createPostgresDatabase, isPostgresUniqueViolation, outboxSignals, walInsertPosition } from './postgres.ts';
import { createSqliteDatabase, isSqliteUniqueViolation } from './sqlite.ts';

/** Connects to the configured database and brings its schema up to date (one process at a time). */
export async function openStore(config: DatabaseConfig): Promise<KyselyStore> {
  let store: KyselyStore;
  let migrated = () => {};
  if (config.kind === 'sqlite') {
    const { db, changeMark } = createSqliteDatabase(config.path);
    store = new KyselyStore(db, { name: 'sqlite', isUniqueViolation: isSqliteUniqueViolation, changeMark });
  } else {
    const { db, statements } = await createPostgresDatabase(config.url, config.schema);
    migrated = () => statements.enable();
    store = new KyselyStore(db, {
      name: 'postgres',
      isUniqueViolation: isPostgresUniqueViolation,
      schema: config.schema ?? 'public',
      changeMark: walInsertPosition(db),
      outbox: outboxSignals(config.url, config.schema ?? 'public'),
    });
  }
  try {
    await store.exclusively(() => migrateRetryingDroppedSchema(store));
    migrated();
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}

/**
 * Kysely's migrator looks for its tables among every schema of the database; a schema that another
 * user drops meanwhile makes that look-up fail with "schema does not exist" (3F000), or with
 * "relation does not exist" (42P01) for that schema's tables, though ours are there, or with
 * "column does not exist" (42703) from `pg_get_serial_sequence`, which the look-up calls for each
 * column of each table (a plain 42703 is a real error of ours and is not tried again). Such a
 * failure is tried again, a few times, a little later each time.
 */
export function changedMeanwhile(error: unknown): boolean {
  const cause = (error as { cause?: { code?: unknown; routine?: unknown } }).cause;
  return cause?.code === '3F000' || cause?.code === '42P01' || (cause?.code === '42703' && cause.routine === 'pg_get_serial_sequence');
}

async function migrateRetryingDroppedSchema(store: KyselyStore): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await store.migrate();
    } catch (error) {
      if (store.dialect !== 'postgres' || !changedMeanwhile(error) || attempt >= 6) throw error;
      // Schemas being dropped come in bursts (a test suite cleaning up): let it pass.
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    }
  }
}
