import { anyOf } from '../../domain/auth/scopes.ts';
import type { LicenseService } from '../../domain/licenses/license-service.ts';
import { encodeId } from '../../domain/webex-ids.ts';
import { principalOf } from '../../http/auth.ts';
import { clampMax, decodeCursor, encodeCursor, linkNext } from '../../http/pagination.ts';
import type { Server } from '../../http/types.ts';
import { licenseId, presentLicense, presentLicenseUser, presentSiteUrls } from './licenses.presenters.ts';
import { AssignLicenses, GetLicense, ListLicenses } from './licenses.schemas.ts';

const read = { auth: anyOf('spark-admin:licenses_read') };
const MAX_USERS = 300;

export function licenseRoutes(server: Server, deps: { licenses: LicenseService }): void {
  server.get('/v1/licenses', { schema: ListLicenses, config: read }, async (request) => {
    const orgId = request.orgId;
    const showCallingUsage = principalOf(request).scopes.has('spark-admin:people_write');
    const usages = await deps.licenses.list(orgId);
    return { items: usages.map((usage) => presentLicense(usage, showCallingUsage)) };
  });

  server.get('/v1/licenses/:licenseId', { schema: GetLicense, config: read }, async (request, reply) => {
    const { query } = request;
    const orgId = request.orgId;
    const usage = await deps.licenses.get(orgId, request.params.licenseId);
    const license = presentLicense(usage, principalOf(request).scopes.has('spark-admin:people_write'));
    if (query.includeAssignedTo !== 'user') return license;
    const limit = clampMax(query.limit, MAX_USERS, MAX_USERS);
    const page = await deps.licenses.holders(usage.license, decodeCursor(query.next), limit);
    if (page.next) linkNext(request, reply, { next: encodeCursor(page.next), limit: String(limit) });
    return { ...license, users: page.items.map(presentLicenseUser) };
  });

  server.patch('/v1/licenses/users', { schema: AssignLicenses, config: { auth: anyOf('spark-admin:people_write') } }, async (request, reply) => {
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
  });
}
