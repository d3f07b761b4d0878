import { anyOf } from '../../domain/auth/scopes.ts';
import type { OrganizationService } from '../../domain/organizations/organization-service.ts';
import { principalOf } from '../../http/auth.ts';
import type { Server } from '../../http/types.ts';
import { webexRoute } from '../../http/webex-route.ts';
import { operations } from '../../generated/webex/organizations.ts';
import { presentOrganization } from './organizations.presenters.ts';

const auth = anyOf('spark-admin:organizations_read');

// Both operations take their schemas from Cisco's admin document.
export function organizationRoutes(server: Server, deps: { organizations: OrganizationService }): void {
  webexRoute(server, operations.listOrganizations, {
    auth,
    handler: async (request) => {
      const organizations = await deps.organizations.list(principalOf(request));
      return { items: organizations.map(presentOrganization) };
    },
  });

  webexRoute(server, operations.getOrganizationDetails, {
    auth,
    handler: async (request) => presentOrganization(await deps.organizations.get(principalOf(request), request.params.orgId)),
  });
}
