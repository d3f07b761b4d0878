import type { FastifyRequest } from 'fastify';
import type { MyCallingService } from '../../domain/for-me/my-calling.ts';
import { operations as phase4 } from '../../generated/webex/call-settings-for-me-phase-4.ts';
import { operations } from '../../generated/webex/call-settings-for-me.ts';
import { operations as untagged } from '../../generated/webex/untagged.ts';
import { principalOf } from '../../http/auth.ts';
import { publicBase } from '../../http/host.ts';
import type { Server } from '../../http/types.ts';
import { webexRoute } from '../../http/webex-route.ts';
import { myRead } from './for-me.routes.ts';

// Call Settings For Me that show the token's person what the administrator set for them
// (domain/for-me/my-calling.ts): profile, guest calling numbers and contact center extensions.
// Read-only, each one domain call. Call recording, feature access codes and services are a line's
// (the person's own or a secondary line's): my-line.routes.ts serves them, through the same service.

const me = (request: FastifyRequest) => principalOf(request);

/**
 * The web clients Webex links a person to (receptionist client, calling host, attendant console):
 * Callplane's console on this server plays all three.
 */
function clientUrls(request: FastifyRequest) {
  const console = new URL('/console', publicBase(request)).toString();
  return { receptionistUrl: console, callingHostUrl: publicBase(request).origin, attendantConsoleUrl: console };
}

export function myCallingRoutes(server: Server, deps: { myCalling: MyCallingService }): void {
  const { myCalling } = deps;
  const reads = [
    [operations.getMyOwnDetailsTelephonyConfig, (r: FastifyRequest) => myCalling.profile(me(r).orgId, me(r).personId, clientUrls(r))],
    [phase4.getMyGuestCallingNumbers, (r: FastifyRequest) => myCalling.guestCallingNumbers(me(r).orgId, me(r).personId)],
    [untagged.readTheContactCenterExtensions, (r: FastifyRequest) => myCalling.contactCenterExtensions(me(r).orgId, me(r).personId)],
  ] as const;
  for (const [operation, read] of reads) {
    webexRoute(server, operation, { auth: myRead(operation.operationId), handler: (async (request: FastifyRequest) => read(request)) as never });
  }
}
