import packageJson from '../../package.json' with { type: 'json' };
import { badRequest, conflict, notFound } from '../domain/errors.ts';
import { decodeId, encodeId } from '../domain/webex-ids.ts';
import type { SnapshotRows, SnapshotScope } from '../store/snapshots-store.ts';
import type { Store } from '../store/store.ts';
import { UniqueViolation } from '../store/store.ts';
import type { ClockMode, SandboxClock } from './sandbox-clock.ts';
import type { FaultInjector } from './faults.ts';

// The whole state of a sandbox as data: export and import as one JSON document, the reset to the
// state the server started with, and the removal of one organization. Rows travel as the store
// holds them, so a document made on SQLite imports on PostgreSQL and back.

export const STATE_FORMAT = 1;

/**
 * The start state is kept in memory for reset(); a store larger than this at start (a long-lived
 * or benchmark store rather than a sandbox) keeps none, and reset() says so.
 */
export const BASELINE_MAX_ROWS = 50_000;

export type StateDocument = {
  callplane: string;
  format: number;
  scope: 'store' | 'organization';
  /** The organization's public ID, for an organization's document. */
  orgId?: string;
  exported: string;
  tables: SnapshotRows;
};

/** Runtime parts that hold state beside the store; the reset pauses and clears them. */
export type StateRuntime = {
  clock: SandboxClock;
  clockMode: ClockMode;
  faults: FaultInjector;
  /** Stops webhook deliveries under way, and starts them again. */
  pauseDeliveries(): Promise<void>;
  resumeDeliveries(): void;
};

// Bytes (announcement files) become { $bytes: base64 } in JSON and bytes again on import.
const encodeValue = (value: unknown) => (value instanceof Uint8Array ? { $bytes: Buffer.from(value).toString('base64') } : value);
const decodeValue = (value: unknown) =>
  value !== null && typeof value === 'object' && typeof (value as { $bytes?: unknown }).$bytes === 'string'
    ? Buffer.from((value as { $bytes: string }).$bytes, 'base64')
    : value;

function mapRows(rows: SnapshotRows, map: (value: unknown) => unknown): SnapshotRows {
  const out: SnapshotRows = {};
  for (const [table, list] of Object.entries(rows)) {
    out[table] = list.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, map(v)])));
  }
  return out;
}

export class SandboxState {
  private readonly store: Store;
  private readonly runtime: StateRuntime;
  private baseline: SnapshotRows | 'too large' | undefined;

  constructor(store: Store, runtime: StateRuntime) {
    this.store = store;
    this.runtime = runtime;
  }

  /** Remembers the current state as the one reset() returns to (called once start-up, demo and seed are done). */
  async markBaseline(): Promise<void> {
    const rows = await this.store.snapshots.countRows();
    this.baseline = rows > BASELINE_MAX_ROWS ? 'too large' : await this.store.snapshots.dump({ kind: 'store' });
  }

  /** Back to the state the server started with: every later change, call, fault and clock move is gone. */
  async reset(): Promise<void> {
    if (!this.baseline) await this.markBaseline();
    const baseline = this.baseline!;
    if (baseline === 'too large') {
      throw conflict(`The store held more than ${BASELINE_MAX_ROWS} rows at start, too many to keep its start state for a reset; reset is for sandboxes (--db memory, or a small store).`);
    }
    await this.runtime.pauseDeliveries();
    try {
      this.runtime.faults.clearAll();
      this.runtime.clock.reset(this.runtime.clockMode);
      await this.store.transaction(async (tx) => {
        await tx.snapshots.clear({ kind: 'store' });
        await tx.snapshots.load(baseline);
      });
    } finally {
      this.runtime.resumeDeliveries();
    }
  }

  async deleteOrganization(publicId: string): Promise<void> {
    const orgId = decodeId(publicId, 'ORGANIZATION');
    if (!orgId || !(await this.store.organizations.get(orgId))) throw notFound('Organization not found.');
    this.runtime.faults.clear(orgId);
    await this.store.snapshots.clear({ kind: 'organization', orgId });
  }

  async export(publicOrgId?: string): Promise<StateDocument> {
    let scope: SnapshotScope = { kind: 'store' };
    if (publicOrgId !== undefined) {
      const orgId = decodeId(publicOrgId, 'ORGANIZATION');
      if (!orgId || !(await this.store.organizations.get(orgId))) throw notFound('Organization not found.');
      scope = { kind: 'organization', orgId };
    }
    const rows = await this.store.snapshots.dump(scope);
    return {
      callplane: packageJson.version,
      format: STATE_FORMAT,
      scope: scope.kind,
      ...(scope.kind === 'organization' ? { orgId: encodeId('ORGANIZATION', scope.orgId) } : {}),
      exported: new Date().toISOString(),
      tables: mapRows(rows, encodeValue),
    };
  }

  /**
   * A store document replaces everything; an organization's document replaces that organization
   * (or adds it). Answers how many rows were written.
   */
  async import(document: unknown): Promise<{ scope: 'store' | 'organization'; orgId?: string; rows: number }> {
    const doc = await this.check(document);
    const rows = mapRows(doc.tables, decodeValue);
    let scope: SnapshotScope = { kind: 'store' };
    if (doc.scope === 'organization') {
      const org = rows.organizations?.[0];
      if (!org || rows.organizations!.length !== 1 || typeof org.id !== 'string') {
        throw badRequest('An organization document holds exactly one row in "organizations".');
      }
      for (const [table, list] of Object.entries(rows)) {
        if (list.some((row) => 'org_id' in row && row.org_id !== org.id)) throw badRequest(`Table "${table}" holds rows of another organization.`);
      }
      scope = { kind: 'organization', orgId: org.id };
    }
    await this.runtime.pauseDeliveries();
    try {
      const count = await this.store.transaction(async (tx) => {
        await tx.snapshots.clear(scope);
        return tx.snapshots.load(rows);
      });
      return { scope: scope.kind, ...(scope.kind === 'organization' ? { orgId: encodeId('ORGANIZATION', scope.orgId) } : {}), rows: count };
    } catch (error) {
      if (error instanceof UniqueViolation) {
        throw conflict('The document clashes with data already in the store (the same ID, email, number or extension).');
      }
      // Anything else the database refuses (a row whose parent is missing, a missing required
      // column) is the document's fault.
      throw badRequest(`The document does not fit the store: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.runtime.resumeDeliveries();
    }
  }

  private async check(document: unknown): Promise<StateDocument> {
    const doc = document as Partial<StateDocument> | null;
    if (doc === null || typeof doc !== 'object' || doc.format !== STATE_FORMAT || (doc.scope !== 'store' && doc.scope !== 'organization')) {
      throw badRequest(`Not a Callplane state document (format ${STATE_FORMAT}, scope "store" or "organization"): export one with GET /sandbox/v1/state or \`callplane export\`.`);
    }
    if (doc.tables === null || typeof doc.tables !== 'object' || Array.isArray(doc.tables)) throw badRequest('"tables" must be an object of row lists.');
    const shapes = new Map((await this.store.snapshots.shapes()).map((s) => [s.name, new Set(s.columns)]));
    for (const [table, list] of Object.entries(doc.tables)) {
      const columns = shapes.get(table);
      if (!columns) throw badRequest(`Table "${table}" is not part of this version's store.`);
      if (!Array.isArray(list)) throw badRequest(`Table "${table}" must be a list of rows.`);
      for (const row of list) {
        if (row === null || typeof row !== 'object' || Array.isArray(row)) throw badRequest(`Table "${table}" holds a row that is not an object.`);
        for (const column of Object.keys(row)) if (!columns.has(column)) throw badRequest(`Column "${column}" is not part of table "${table}".`);
      }
    }
    return doc as StateDocument;
  }
}
