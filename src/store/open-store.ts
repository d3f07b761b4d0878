import type { DatabaseConfig } from '../config.ts';
import { KyselyStore } from './kysely-store.ts';
import { createPostgresDatabase, isPostgresUniqueViolation } from './postgres.ts';
import { createSqliteDatabase, isSqliteUniqueViolation } from './sqlite.ts';

/** Connects to the configured database and brings its schema up to date (one process at a time). */
export async function openStore(config: DatabaseConfig): Promise<KyselyStore> {
  const store =
    config.kind === 'sqlite'
      ? new KyselyStore(createSqliteDatabase(config.path), { name: 'sqlite', isUniqueViolation: isSqliteUniqueViolation })
      : new KyselyStore(await createPostgresDatabase(config.url, config.schema), {
          name: 'postgres',
          isUniqueViolation: isPostgresUniqueViolation,
          schema: config.schema ?? 'public',
        });
  try {
    await store.exclusively(() => store.migrate());
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}
