// Whole tables as rows: what export, import and the sandbox reset need of persistence.

/** A table as the database describes it: its columns and the columns that reference a parent. */
export type TableShape = {
  name: string;
  columns: string[];
  references: { column: string; table: string; parentColumn: string }[];
};

/** Rows by table name, each row as the store holds it (text, numbers, null, bytes). */
export type SnapshotRows = Record<string, Record<string, unknown>[]>;

/** The whole store, or one organization and everything that belongs to it. */
export type SnapshotScope = { kind: 'store' } | { kind: 'organization'; orgId: string };

export interface SnapshotRepository {
  /** Every table of the store (migration bookkeeping excluded), parents before children. */
  shapes(): Promise<TableShape[]>;
  /** Rows in every table together. */
  countRows(): Promise<number>;
  dump(scope: SnapshotScope): Promise<SnapshotRows>;
  /** Deletes every row of the scope: all tables, or the organization's row and all that cascades from it. */
  clear(scope: SnapshotScope): Promise<void>;
  /** Inserts the rows, parents first; answers how many. Columns must be the store's own. */
  load(rows: SnapshotRows): Promise<number>;
}
