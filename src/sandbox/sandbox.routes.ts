import { randomBytes } from 'node:crypto';
import { ROLE_FULL_ADMIN } from '../domain/auth/scopes.ts';
import type { TokenService } from '../domain/auth/token-service.ts';
import { conflict, forbidden, notFound } from '../domain/errors.ts';
import type { LicenseService } from '../domain/licenses/license-service.ts';
import type { OrganizationService } from '../domain/organizations/organization-service.ts';
import { presentLicense } from '../api/licenses/licenses.presenters.ts';
import { decodeId, encodeId } from '../domain/webex-ids.ts';
import { principalOf } from '../http/auth.ts';
import type { Server } from '../http/types.ts';
import type { SandboxClock } from './sandbox-clock.ts';
import { AdvanceClock, CreateOrganization, CreateToken, GetClock, SetClockMode, SetLicenseUnits } from './sandbox.schemas.ts';

// Our own API, not Webex's: sandbox organizations and tokens, under /sandbox/v1.

const emailDomain = (displayName: string) =>
  `${displayName.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 32) || 'org'}-${randomBytes(3).toString('hex')}.callplane.example`;

const requireFullAdmin = (principal: { roles: readonly string[] }, what: string) => {
  if (!principal.roles.includes(ROLE_FULL_ADMIN)) throw forbidden(`${what} needs a full administrator of the organization.`);
};

export function sandboxRoutes(
  server: Server,
  deps: { organizations: OrganizationService; tokens: TokenService; licenses: LicenseService; clock: SandboxClock },
): void {
  const { clock } = deps;
  const clockState = () => ({ now: clock.now().toISOString(), mode: clock.currentMode, pendingTasks: clock.pending() });

  server.post('/sandbox/v1/orgs', { schema: CreateOrganization }, async (request, reply) => {
    const displayName = request.body.displayName.trim();
    const provisioned = await deps.organizations.provision({
      displayName,
      admin: { email: `admin@${emailDomain(displayName)}`, firstName: 'Org', lastName: 'Admin' },
    });
    reply.code(201);
    return {
      orgId: encodeId('ORGANIZATION', provisioned.organization.id),
      personId: encodeId('PEOPLE', provisioned.admin.id),
      accessToken: provisioned.accessToken,
    };
  });

  server.post('/sandbox/v1/tokens', { schema: CreateToken, config: { auth: 'token' } }, async (request, reply) => {
    const principal = principalOf(request);
    requireFullAdmin(principal, 'Issuing tokens');
    const personId = decodeId(request.body.personId, 'PEOPLE');
    if (!personId) throw notFound('Person not found.');
    const { scopes } = request.body;
    const requested = typeof scopes === 'string' ? scopes.split(/\s+/).filter(Boolean) : scopes;
    const issued = await deps.tokens.issue(principal.orgId, personId, requested, request.body.expiresIn);
    reply.code(201);
    return { access_token: issued.accessToken, token_type: 'Bearer' as const, expires_in: issued.expiresIn ?? 0, scope: issued.scopes.join(' ') };
  });

  server.put('/sandbox/v1/licenses/:licenseId', { schema: SetLicenseUnits, config: { auth: 'token' } }, async (request) => {
    const principal = principalOf(request);
    requireFullAdmin(principal, 'Resizing licenses');
    const usage = await deps.licenses.setTotalUnits(principal.orgId, request.params.licenseId, request.body.totalUnits);
    return presentLicense(usage, true);
  });

  server.get('/sandbox/v1/clock', { schema: GetClock, config: { auth: 'token' } }, async () => clockState());

  // The clock is the whole server's: only full administrators move it.
  server.put('/sandbox/v1/clock', { schema: SetClockMode, config: { auth: 'token' } }, async (request) => {
    requireFullAdmin(principalOf(request), 'Changing the clock');
    clock.setMode(request.body.mode);
    return clockState();
  });

  server.post('/sandbox/v1/clock/advance', { schema: AdvanceClock, config: { auth: 'token' } }, async (request) => {
    requireFullAdmin(principalOf(request), 'Moving the clock');
    if (clock.currentMode !== 'manual') throw conflict('The clock runs in real time; switch it to manual mode first (PUT /sandbox/v1/clock).');
    await clock.advance(request.body.ms);
    return clockState();
  });
}
