import type { Selectable } from 'kysely';
import type { ReportFilter, ReportRepository, StoredReport } from '../reports-store.ts';
import type { ReportsTable } from '../tables/reports.ts';
import { flag, type RepositoryContext } from './context.ts';

const toReport = (row: Selectable<ReportsTable>): StoredReport => ({
  id: row.id,
  orgId: row.org_id,
  templateId: Number(row.template_id),
  startDate: row.start_date,
  endDate: row.end_date,
  timeZone: row.time_zone,
  created: row.created,
  createdBy: row.created_by,
  partner: Number(row.partner) === 1,
  content: row.content,
});

export class KyselyReportRepository implements ReportRepository {
  private readonly ctx: RepositoryContext;
  constructor(ctx: RepositoryContext) {
    this.ctx = ctx;
  }

  async insert(r: StoredReport): Promise<void> {
    await this.ctx.db
      .insertInto('reports')
      .values({
        id: r.id,
        org_id: r.orgId,
        template_id: r.templateId,
        start_date: r.startDate,
        end_date: r.endDate,
        time_zone: r.timeZone,
        created: r.created,
        created_by: r.createdBy,
        partner: flag(r.partner),
        content: r.content,
      })
      .execute();
  }

  async list(orgId: string, f: ReportFilter): Promise<Omit<StoredReport, 'content'>[]> {
    let query = this.ctx.db
      .selectFrom('reports')
      .select(['id', 'org_id', 'template_id', 'start_date', 'end_date', 'time_zone', 'created', 'created_by', 'partner'])
      .where('org_id', '=', orgId)
      .where('partner', '=', flag(f.partner));
    if (f.id !== undefined) query = query.where('id', '=', f.id);
    if (f.templateId !== undefined) query = query.where('template_id', '=', f.templateId);
    if (f.from !== undefined) query = query.where('created', '>=', f.from);
    if (f.to !== undefined) query = query.where('created', '<', f.to);
    const rows = await query.orderBy('created', 'desc').orderBy('id').execute();
    return rows.map((row) => {
      const { content: _, ...rest } = toReport({ ...row, content: '' });
      return rest;
    });
  }

  async get(orgId: string, id: string): Promise<StoredReport | undefined> {
    const row = await this.ctx.db.selectFrom('reports').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
    return row && toReport(row);
  }

  async delete(orgId: string, id: string): Promise<boolean> {
    const result = await this.ctx.db.deleteFrom('reports').where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}
