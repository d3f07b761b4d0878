import { anyOf } from '../../domain/auth/scopes.ts';
import type { LicenseService } from '../../domain/licenses/license-service.ts';
import { encodeId } from '../../domain/webex-ids.ts';
import { principalOf } from '../../http/auth.ts';
import { clampMax, decodeCursor, encodeCursor, linkNext } from '../../http/pagination.ts';
import type { Server } from '../../http/types.ts';
import { webexRoute } from '../../http/webex-route.ts';
import { operations } from '../../generated/webex/licenses.ts';
import { licenseId, presentLicense, presentLicenseUser, presentSiteUrls } from './licenses.presenters.ts';
import { AssignLicenses, GetLicense, ListLicenses } from './licenses.schemas.ts';

const read = anyOf('spark-admin:licenses_read');
const MAX_USERS = 300;

// The operations come from Cisco's admin document; the responses (and the stricter request
// schemas of two of them) stay hand-written: they state which fields Callplane always sends.

export function licenseRoutes(server: Server, deps: { licenses: LicenseService }): void {
  webexRoute(server, operations.List_Licenses, {
    auth: read,
    schema: { response: ListLicenses.response },
    handler: async (request) => {
      const orgId = request.orgId;
      const showCallingUsage = principalOf(request).scopes.has('spark-admin:people_write');
      const usages = await deps.licenses.list(orgId);
      return { items: usages.map((usage) => presentLicense(usage, showCallingUsage)) };
    },
  });

  const getSchema = { querystring: GetLicense.querystring, response: GetLicense.response };
  webexRoute(server, operations.Get_License_Details, {
    auth: read,
    schema: getSchema,
    handler: async (request, reply) => {
      const { query } = request;
      const orgId = request.orgId;
      const usage = await deps.licenses.get(orgId, request.params.licenseId);
      const license = presentLicense(usage, principalOf(request).scopes.has('spark-admin:people_write'));
      if (query.includeAssignedTo !== 'user') return license;
      const limit = clampMax(query.limit, MAX_USERS, MAX_USERS);
      const page = await deps.licenses.holders(usage.license, decodeCursor(query.next), limit);
      if (page.next) linkNext(request, reply, { next: encodeCursor(page.next), limit: String(limit) });
      return { ...license, users: page.items.map(presentLicenseUser) };
    },
  });

  const assignSchema = { body: AssignLicenses.body, response: AssignLicenses.response };
  webexRoute(server, operations.Assign_Licenses_to_Users, {
    auth: anyOf('spark-admin:people_write'),
    schema: assignSchema,
    handler: async (request, reply) => {
      const orgId = request.orgId;
      const result = await deps.licenses.assign(orgId, request.body);
      reply.code(result.failures.length > 0 ? 206 : 200);
      return {
        orgId: encodeId('ORGANIZATION', orgId),
        personId: encodeId('PEOPLE', result.person.id),
        email: result.person.email,
        licenses: result.licenses.map(licenseId),
        siteUrls: presentSiteUrls(result.person.siteUrls),
      };
    },
  });
}
