import type { CallRecordQuery, CallRecordRepository, StoredCallRecord } from '../call-records-store.ts';
import type { Insertable } from 'kysely';
import type { CallRecordsTable } from '../tables/call-records.ts';
import { chunks, fixedStatement, rowsOf, type RepositoryContext } from './context.ts';

// Each ended call writes its records (issue 17): built and compiled once per number of records.
const RECORD_COLUMNS = ['id', 'org_id', 'location_id', 'report_time', 'data'] as const;
const insertRecords = fixedStatement((db, values: unknown[]) => db.insertInto('call_records').values(rowsOf<Insertable<CallRecordsTable>>(RECORD_COLUMNS, values)));

export class KyselyCallRecordRepository implements CallRecordRepository {
  private readonly ctx: RepositoryContext;
  constructor(ctx: RepositoryContext) {
    this.ctx = ctx;
  }

  async add(records: readonly StoredCallRecord[]): Promise<void> {
    for (const chunk of chunks(records, 100)) {
      const values: unknown[] = [];
      for (const r of chunk) values.push(r.id, r.orgId, r.locationId ?? null, r.reportTime, JSON.stringify(r.data));
      await insertRecords(this.ctx, values);
    }
  }

  async list(q: CallRecordQuery): Promise<StoredCallRecord[]> {
    if (q.locationIds && q.locationIds.length === 0) return [];
    let query = this.ctx.db
      .selectFrom('call_records')
      .selectAll()
      .where('org_id', '=', q.orgId)
      .where('report_time', '>=', q.from)
      .where('report_time', '<=', q.to);
    if (q.locationIds) query = query.where('location_id', 'in', [...q.locationIds]);
    if (q.after) {
      const { reportTime, id } = q.after;
      query = query.where((eb) => eb.or([eb('report_time', '>', reportTime), eb.and([eb('report_time', '=', reportTime), eb('id', '>', id)])]));
    }
    const rows = await query.orderBy('report_time').orderBy('id').limit(q.limit).execute();
    return rows.map((row) => ({
      id: row.id,
      orgId: row.org_id,
      locationId: row.location_id,
      reportTime: row.report_time,
      data: JSON.parse(row.data) as Record<string, unknown>,
    }));
  }
}
