import { randomUUID } from 'node:crypto';
import type { Store } from '../../store/store.ts';
import type { ReportFilter, StoredReport } from '../../store/reports-store.ts';
import { offsetMinutes, type CallRecordData } from '../call-records/call-records.ts';
import { checkTimeZone } from '../locations/location-rules.ts';
import type { Clock } from '../clock.ts';
import { timestamp } from '../clock.ts';
import { badRequest, notFound } from '../errors.ts';
import { templateOf, type ReportTemplate } from './report-templates.ts';

// Reports: made from a template and a date range (in a time zone, UTC by default), from the
// detailed call history of those days. Callplane has the records at hand, so a report is done
// when it is created; its CSV is kept until the report is deleted.

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY = 86_400_000;

export type ReportRequest = { templateId: number; startDate?: string; endDate?: string; timeZone?: string };

function day(name: string, value: string | undefined): number {
  const at = value !== undefined && DATE.test(value) ? Date.parse(`${value}T00:00:00Z`) : Number.NaN;
  if (Number.isNaN(at)) throw badRequest(`${name} is required, formatted as YYYY-MM-DD.`);
  return at;
}

/** The UTC instant of local midnight starting a day (ms at 00:00 UTC) in a time zone. */
const localMidnight = (dayUtc: number, timeZone: string) => dayUtc - offsetMinutes(timeZone, new Date(dayUtc).toISOString()) * 60_000;

export class ReportService {
  private readonly store: Store;
  private readonly clock: Clock;

  constructor(store: Store, clock: Clock) {
    this.store = store;
    this.clock = clock;
  }

  template(templateId: number): ReportTemplate {
    const template = templateOf(templateId);
    if (!template) throw badRequest(`templateId ${templateId} is not a report template; list them with GET /v1/partner/reports/templates.`);
    return template;
  }

  async create(orgId: string, createdBy: string, request: ReportRequest, partner: boolean): Promise<StoredReport> {
    const template = this.template(request.templateId);
    const start = day('startDate', request.startDate);
    const end = day('endDate', request.endDate);
    if (end < start) throw badRequest('endDate must not be before startDate.');
    if ((end - start) / DAY + 1 > template.maxDays) throw badRequest(`A ${template.title} report covers at most ${template.maxDays} days.`);
    const timeZone = request.timeZone === undefined ? 'UTC' : checkTimeZone(request.timeZone);
    const records = await this.recordsBetween(orgId, new Date(localMidnight(start, timeZone)).toISOString(), new Date(localMidnight(end + DAY, timeZone) - 1).toISOString());
    const report: StoredReport = {
      id: randomUUID(),
      orgId,
      templateId: template.id,
      startDate: request.startDate!,
      endDate: request.endDate!,
      timeZone,
      created: timestamp(this.clock),
      createdBy,
      partner,
      content: template.render(records),
    };
    await this.store.reports.insert(report);
    return report;
  }

  list(orgId: string, filter: ReportFilter) {
    if ((filter.from === undefined) !== (filter.to === undefined)) throw badRequest('from and to must be given together.');
    return this.store.reports.list(orgId, filter);
  }

  async get(orgId: string, id: string | undefined, partner: boolean): Promise<StoredReport> {
    const report = id === undefined ? undefined : await this.store.reports.get(orgId, id);
    if (!report || report.partner !== partner) throw notFound('Report not found.');
    return report;
  }

  async delete(orgId: string, id: string | undefined, partner: boolean): Promise<void> {
    await this.get(orgId, id, partner);
    await this.store.reports.delete(orgId, id!);
  }

  private async recordsBetween(orgId: string, from: string, to: string): Promise<CallRecordData[]> {
    const out: CallRecordData[] = [];
    let after: { reportTime: string; id: string } | undefined;
    for (;;) {
      const page = await this.store.callRecords.list({ orgId, from, to, after, limit: 1000 });
      out.push(...page.map((r) => r.data as CallRecordData));
      const last = page.at(-1);
      if (page.length < 1000 || !last) return out;
      after = { reportTime: last.reportTime, id: last.id };
    }
  }
}
