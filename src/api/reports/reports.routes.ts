import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { anyOf } from '../../domain/auth/scopes.ts';
import { badRequest } from '../../domain/errors.ts';
import type { ReportService } from '../../domain/reports/report-service.ts';
import { REPORT_TEMPLATES } from '../../domain/reports/report-templates.ts';
import { decodeIdValue, encodeId } from '../../domain/webex-ids.ts';
import { operations as partner } from '../../generated/webex/partner-reports-templates.ts';
import { operations as reports } from '../../generated/webex/reports.ts';
import { principalOf } from '../../http/auth.ts';
import { publicBase } from '../../http/host.ts';
import { sendEmpty } from '../../http/replies.ts';
import type { Server } from '../../http/types.ts';
import { webexRoute } from '../../http/webex-route.ts';
import type { StoredReport } from '../../store/reports-store.ts';

// Reports and Partner Reports/Templates, made from the detailed call history. A report's
// downloadURL is this server's own (GET …/download with the same token), answering the CSV.
// Callplane has no partner organizations: the partner operations act on the caller's own
// organization, and a sub-partner other than it is a 404.

const read = anyOf('analytics:read_all', 'spark-admin:reports_read');
const write = anyOf('analytics:read_all', 'spark-admin:reports_write');
const reportIdOf = (id: string) => decodeIdValue(id, 'REPORT');
/** Webex shows creation as "YYYY-MM-DD HH:MM:SS". */
const createdAt = (iso: string) => iso.slice(0, 19).replace('T', ' ');

function present(request: FastifyRequest, r: Omit<StoredReport, 'content'>, service: ReportService) {
  const template = service.template(r.templateId);
  const id = encodeId('REPORT', r.id);
  const base = publicBase(request);
  base.pathname = `${base.pathname.replace(/\/$/, '')}/v1/reports/${id}/download`;
  return {
    id,
    title: template.title,
    service: template.service,
    startDate: r.startDate,
    endDate: r.endDate,
    timeZone: r.timeZone,
    created: createdAt(r.created),
    createdBy: encodeId('PEOPLE', r.createdBy),
    scheduledFrom: 'API',
    status: 'done',
    downloadURL: base.toString(),
  };
}

function ownOrganization(request: FastifyRequest) {
  const onBehalf = (request.query as { onBehalfOfSubPartnerOrgId?: string }).onBehalfOfSubPartnerOrgId;
  if (onBehalf !== undefined && decodeIdValue(onBehalf, 'ORGANIZATION') !== request.orgId) throw badRequest('onBehalfOfSubPartnerOrgId is not an organization this partner manages.');
}

type ListQuery = { reportId?: string; templateId?: number; from?: string; to?: string };

export function reportRoutes(server: Server, deps: { reports: ReportService }): void {
  const service = deps.reports;
  const list = (partnerApi: boolean) => async (request: FastifyRequest) => {
    if (partnerApi) ownOrganization(request);
    const q = request.query as ListQuery;
    const id = q.reportId === undefined ? undefined : (reportIdOf(q.reportId) ?? '');
    // Template IDs are small whole numbers: any other names no template (and would overflow an integer column).
    if (q.templateId !== undefined && !(Number.isSafeInteger(q.templateId) && Math.abs(q.templateId) < 2 ** 31)) return { 'Report Attributes': [] };
    const rows = await service.list(request.orgId, { partner: partnerApi, id, templateId: q.templateId, from: q.from, to: q.to });
    return { 'Report Attributes': rows.map((r) => present(request, r, service)) };
  };
  const create = (partnerApi: boolean) => async (request: FastifyRequest) => {
    if (partnerApi) ownOrganization(request);
    const report = await service.create(request.orgId, principalOf(request).personId, request.body as { templateId: number }, partnerApi);
    return partnerApi ? { reportId: encodeId('REPORT', report.id), createdTime: createdAt(report.created) } : { id: encodeId('REPORT', report.id) };
  };
  const get = (partnerApi: boolean) => async (request: FastifyRequest) => {
    if (partnerApi) ownOrganization(request);
    return present(request, await service.get(request.orgId, reportIdOf((request.params as { reportId: string }).reportId), partnerApi), service);
  };
  const remove = (partnerApi: boolean) => async (request: FastifyRequest, reply: FastifyReply) => {
    if (partnerApi) ownOrganization(request);
    await service.delete(request.orgId, reportIdOf((request.params as { reportId: string }).reportId), partnerApi);
    sendEmpty(reply, 204);
  };

  webexRoute(server, reports.listReports, { auth: read, handler: list(false) as never });
  webexRoute(server, reports.createaReport, { auth: write, handler: create(false) as never });
  webexRoute(server, reports.getReportDetails, { auth: read, handler: get(false) as never });
  webexRoute(server, reports.deleteAReport, { auth: write, handler: remove(false) as never });
  webexRoute(server, partner.listReportsPartner, { auth: read, handler: list(true) as never });
  webexRoute(server, partner.createAReportPartner, { auth: write, handler: create(true) as never });
  webexRoute(server, partner.getReportDetailsPartner, { auth: read, handler: get(true) as never });
  webexRoute(server, partner.deleteAReportPartner, { auth: write, handler: remove(true) as never });
  webexRoute(server, partner.listReportTemplates, {
    auth: read,
    handler: (async (request: FastifyRequest) => {
      ownOrganization(request);
      return {
        'Template Collection': REPORT_TEMPLATES.map((t) => ({ templateId: String(t.id), title: t.title, service: t.service, category: t.category, maxDays: t.maxDays })),
      };
    }) as never,
  });

  // Not a Webex operation: where downloadURL points. The CSV of either API's report.
  server.get(
    '/v1/reports/:reportId/download',
    { schema: { params: Type.Object({ reportId: Type.String() }) }, config: { auth: read } },
    async (request, reply) => {
      const id = reportIdOf(request.params.reportId);
      const report = await service.get(request.orgId, id, false).catch(() => service.get(request.orgId, id, true));
      reply.header('content-type', 'text/csv; charset=utf-8');
      reply.header('content-disposition', 'attachment; filename="report.csv"');
      return report.content;
    },
  );
}
