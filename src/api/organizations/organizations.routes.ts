import { anyOf } from '../../domain/auth/scopes.ts';
import type { OrganizationService } from '../../domain/organizations/organization-service.ts';
import { principalOf } from '../../http/auth.ts';
import type { Server } from '../../http/types.ts';
import { presentOrganization } from './organizations.presenters.ts';
import { GetOrganization, ListOrganizations } from './organizations.schemas.ts';

const read = { auth: anyOf('spark-admin:organizations_read') };

export function organizationRoutes(server: Server, deps: { organizations: OrganizationService }): void {
  server.get('/v1/organizations', { schema: ListOrganizations, config: read }, async (request) => {
    const organizations = await deps.organizations.list(principalOf(request));
    return { items: organizations.map(presentOrganization) };
  });

  server.get('/v1/organizations/:orgId', { schema: GetOrganization, config: read }, async (request) => {
    return presentOrganization(await deps.organizations.get(principalOf(request), request.params.orgId));
  });
}
