import { sql, type Kysely } from 'kysely';
import type { Database } from '../database.ts';
import type { SnapshotRepository, SnapshotRows, SnapshotScope, TableShape } from '../snapshots-store.ts';
import { chunks, guardUnique, type RepositoryContext } from './context.ts';

// Whole tables as rows, for export, import and the sandbox reset. It reads the schema from the
// database itself rather than from a list kept by hand, so a table added by a later migration is
// exported and restored without touching this file. Reading the schema is the one thing the two
// dialects spell differently (the catalogue queries below); the rows are the same values on both
// (text, integers, and bytes for announcement files).

type Raw = Kysely<any>;

export type ShapeCache = { shapes?: Promise<TableShape[]> };

async function sqliteShapes(db: Raw): Promise<TableShape[]> {
  const tables = await sql<{ name: string }>`select name from sqlite_master where type = 'table'
    and name not like 'sqlite_%' and name not like 'kysely_%' order by rowid`.execute(db);
  const shapes: TableShape[] = [];
  for (const { name } of tables.rows) {
    const columns = await sql<{ name: string }>`select name from pragma_table_info(${name})`.execute(db);
    const keys = await sql<{ from: string; table: string; to: string | null }>`select "from", "table", "to" from pragma_foreign_key_list(${name})`.execute(db);
    shapes.push({
      name,
      columns: columns.rows.map((c) => c.name),
      references: keys.rows.map((k) => ({ column: k.from, table: k.table, parentColumn: k.to ?? 'id' })),
    });
  }
  return shapes;
}

async function postgresShapes(db: Raw): Promise<TableShape[]> {
  const columns = await sql<{ table_name: string; column_name: string }>`select table_name, column_name from information_schema.columns
    where table_schema = current_schema() and table_name not like 'kysely_%' order by table_name, ordinal_position`.execute(db);
  const keys = await sql<{ tbl: string; col: string; ref: string; refcol: string }>`select cl.relname as tbl, a.attname as col,
      rl.relname as ref, af.attname as refcol
    from pg_constraint c
    join pg_class cl on cl.oid = c.conrelid
    join pg_class rl on rl.oid = c.confrelid
    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
    join pg_attribute af on af.attrelid = c.confrelid and af.attnum = c.confkey[1]
    where c.contype = 'f' and c.connamespace = current_schema()::regnamespace`.execute(db);
  const byName = new Map<string, TableShape>();
  for (const row of columns.rows) {
    const shape = byName.get(row.table_name) ?? { name: row.table_name, columns: [], references: [] };
    shape.columns.push(row.column_name);
    byName.set(row.table_name, shape);
  }
  for (const key of keys.rows) byName.get(key.tbl)?.references.push({ column: key.col, table: key.ref, parentColumn: key.refcol });
  return [...byName.values()];
}

/** Parents before children, so rows insert in this order and delete in the reverse. */
function parentsFirst(shapes: TableShape[]): TableShape[] {
  const byName = new Map(shapes.map((s) => [s.name, s]));
  const done = new Set<string>();
  const ordered: TableShape[] = [];
  const visit = (shape: TableShape, path: Set<string>) => {
    if (done.has(shape.name) || path.has(shape.name)) return;
    path.add(shape.name);
    for (const ref of shape.references) {
      const parent = byName.get(ref.table);
      if (parent && parent !== shape) visit(parent, path);
    }
    done.add(shape.name);
    ordered.push(shape);
  };
  for (const shape of [...shapes].sort((a, b) => a.name.localeCompare(b.name))) visit(shape, new Set());
  return ordered;
}

export class KyselySnapshotRepository implements SnapshotRepository {
  private readonly ctx: RepositoryContext;
  private readonly db: Raw;
  private readonly dialect: 'sqlite' | 'postgres';
  private readonly cache: ShapeCache;

  /** `cache` is shared by a store and its transactions. */
  constructor(ctx: RepositoryContext, dialect: 'sqlite' | 'postgres', cache: ShapeCache) {
    this.ctx = ctx;
    this.db = ctx.db as Kysely<Database> as Raw;
    this.dialect = dialect;
    this.cache = cache;
  }

  /** The schema is fixed once migrated, so it is read once per store. */
  shapes(): Promise<TableShape[]> {
    this.cache.shapes ??= (this.dialect === 'sqlite' ? sqliteShapes(this.db) : postgresShapes(this.db)).then(parentsFirst);
    return this.cache.shapes;
  }

  async countRows(): Promise<number> {
    let total = 0;
    for (const shape of await this.shapes()) {
      const row = await this.db.selectFrom(shape.name).select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
      total += Number(row?.n ?? 0);
    }
    return total;
  }

  async dump(scope: SnapshotScope): Promise<SnapshotRows> {
    const out: SnapshotRows = {};
    const kept = new Map<string, SnapshotRows[string]>();
    for (const shape of await this.shapes()) {
      let rows: Record<string, unknown>[];
      if (scope.kind === 'store') {
        rows = (await this.db.selectFrom(shape.name).selectAll().execute()) as Record<string, unknown>[];
      } else if (shape.name === 'organizations') {
        rows = (await this.db.selectFrom('organizations').selectAll().where('id', '=', scope.orgId).execute()) as Record<string, unknown>[];
      } else if (shape.columns.includes('org_id')) {
        rows = (await this.db.selectFrom(shape.name).selectAll().where('org_id', '=', scope.orgId).execute()) as Record<string, unknown>[];
      } else {
        // A table without org_id belongs to the organization through a parent already dumped.
        const ref = shape.references.find((r) => kept.has(r.table));
        if (!ref) continue;
        const parentKeys = new Set(kept.get(ref.table)!.map((row) => row[ref.parentColumn]));
        if (parentKeys.size === 0) continue;
        const all = (await this.db.selectFrom(shape.name).selectAll().execute()) as Record<string, unknown>[];
        rows = all.filter((row) => parentKeys.has(row[ref.column]));
      }
      kept.set(shape.name, rows);
      out[shape.name] = rows;
    }
    return out;
  }

  async clear(scope: SnapshotScope): Promise<void> {
    if (scope.kind === 'organization') {
      // Every table of an organization cascades from its row.
      await this.db.deleteFrom('organizations').where('id', '=', scope.orgId).execute();
      return;
    }
    for (const shape of [...(await this.shapes())].reverse()) await this.db.deleteFrom(shape.name).execute();
  }

  async load(rows: SnapshotRows): Promise<number> {
    let count = 0;
    for (const shape of await this.shapes()) {
      const tableRows = rows[shape.name];
      if (!tableRows || tableRows.length === 0) continue;
      // Several hundred rows per statement keeps well under SQLite's bound-value limit.
      for (const part of chunks(tableRows, Math.max(1, Math.floor(20_000 / shape.columns.length)))) {
        await guardUnique(this.ctx, shape.name, () => this.db.insertInto(shape.name).values(part).execute());
        count += part.length;
      }
    }
    return count;
  }
}
