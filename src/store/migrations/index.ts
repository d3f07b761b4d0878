import type { Migration } from 'kysely/migration';
import * as foundation from './0001-foundation.ts';

// Every migration, in order. Names are permanent: a migration that has run is never edited,
// a change is a new entry.
export const migrations: Record<string, Migration> = {
  '0001-foundation': foundation,
};
