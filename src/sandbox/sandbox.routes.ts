import { randomBytes } from 'node:crypto';
import type { RateLimitConfig } from '../config.ts';
import { anyOf } from '../domain/auth/scopes.ts';
import type { TokenService } from '../domain/auth/token-service.ts';
import { conflict, notFound } from '../domain/errors.ts';
import type { LicenseService } from '../domain/licenses/license-service.ts';
import type { OrganizationService } from '../domain/organizations/organization-service.ts';
import { presentLicense } from '../api/licenses/licenses.presenters.ts';
import { decodeId, encodeId } from '../domain/webex-ids.ts';
import { fullAdmin, OPERATOR_ONLY, principalOf } from '../http/auth.ts';
import type { Server } from '../http/types.ts';
import type { SandboxClock } from './sandbox-clock.ts';
import { AdvanceClock, CreateOrganization, CreateToken, GetClock, SetClockMode, SetLicenseUnits } from './sandbox.schemas.ts';

// Our own API, not Webex's: sandbox organizations and tokens, under /sandbox/v1. Who may call
// what is in docs/security.md: each route's config says it, checked before the body is read.

const emailDomain = (displayName: string) =>
  `${displayName.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 32) || 'org'}-${randomBytes(3).toString('hex')}.callplane.example`;

export type SignupPolicy = { mode: 'open' | 'operator'; rateLimit: RateLimitConfig };

export function sandboxRoutes(
  server: Server,
  deps: { organizations: OrganizationService; tokens: TokenService; licenses: LicenseService; clock: SandboxClock; signup: SignupPolicy },
): void {
  const { clock, signup } = deps;
  const clockState = () => ({ now: clock.now().toISOString(), mode: clock.currentMode, pendingTasks: clock.pending() });

  // Sign-up: open (no token) or the operator's; either way limited per client address, even when
  // the server's general rate limit is off.
  const signupConfig = {
    ...(signup.mode === 'operator' ? OPERATOR_ONLY : {}),
    rateLimit: { max: signup.rateLimit.max, timeWindow: signup.rateLimit.windowMs, keyGenerator: (request: { ip: string }) => `signup:${request.ip}` },
  };
  server.post('/sandbox/v1/orgs', { schema: CreateOrganization, config: signupConfig }, async (request, reply) => {
    const displayName = request.body.displayName.trim();
    const provisioned = await deps.organizations.provision({
      displayName,
      admin: { email: `admin@${emailDomain(displayName)}`, firstName: 'Org', lastName: 'Admin' },
    });
    reply.code(201);
    return {
      orgId: encodeId('ORGANIZATION', provisioned.organization.id),
      personId: encodeId('PEOPLE', provisioned.admin.id),
      // OAuth's spelling, as POST /sandbox/v1/tokens answers; accessToken stays for older clients.
      access_token: provisioned.accessToken,
      accessToken: provisioned.accessToken,
    };
  });

  // A token never grants more than the caller's own token holds (TokenService.issueFor).
  server.post('/sandbox/v1/tokens', { schema: CreateToken, config: fullAdmin(anyOf('spark-admin:people_write')) }, async (request, reply) => {
    const principal = principalOf(request);
    const personId = decodeId(request.body.personId, 'PEOPLE');
    if (!personId) throw notFound('Person not found.');
    const { scopes } = request.body;
    const requested = typeof scopes === 'string' ? scopes.split(/\s+/).filter(Boolean) : scopes;
    const issued = await deps.tokens.issueFor(principal, personId, requested, request.body.expiresIn);
    reply.code(201);
    return { access_token: issued.accessToken, token_type: 'Bearer' as const, expires_in: issued.expiresIn ?? 0, scope: issued.scopes.join(' ') };
  });

  server.put('/sandbox/v1/licenses/:licenseId', { schema: SetLicenseUnits, config: fullAdmin(anyOf('spark-admin:people_write')) }, async (request) => {
    const principal = principalOf(request);
    const usage = await deps.licenses.setTotalUnits(principal.orgId, request.params.licenseId, request.body.totalUnits);
    return presentLicense(usage, true);
  });

  server.get('/sandbox/v1/clock', { schema: GetClock, config: { auth: 'token' } }, async () => clockState());

  // The clock is the whole server's: every organization's tokens expire and timers run by it.
  // Only the operator moves it.
  server.put('/sandbox/v1/clock', { schema: SetClockMode, config: OPERATOR_ONLY }, async (request) => {
    clock.setMode(request.body.mode);
    return clockState();
  });

  server.post('/sandbox/v1/clock/advance', { schema: AdvanceClock, config: OPERATOR_ONLY }, async (request) => {
    if (clock.currentMode !== 'manual') throw conflict('The clock runs in real time; switch it to manual mode first (PUT /sandbox/v1/clock).');
    await clock.advance(request.body.ms);
    return clockState();
  });
}
