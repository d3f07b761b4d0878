import { Type } from 'typebox';
import { isLoopbackHost } from '../config.ts';
import { forbidden, notFound } from '../domain/errors.ts';
import { addressedToKnownName } from '../http/host.ts';
import { encodeId } from '../domain/webex-ids.ts';
import { ErrorBody } from '../http/schemas.ts';
import type { Server } from '../http/types.ts';
import type { Store } from '../store/store.ts';
import { DEMO_KEYS } from './demo-organization.ts';

// What the web console's sign-in page may know before anyone signs in: whether this server has
// the demo organization, and its administrator's token when Callplane generated it (the token
// `npm start` prints) and the server listens on loopback only: reachable from this machine alone,
// the token is no more exposed than in the terminal. A server listening beyond loopback (HOST=
// 0.0.0.0) never serves it, nor a token chosen with CALLPLANE_ADMIN_TOKEN: whoever chose it knows
// it, and the store keeps only its hash. And only to a request addressed to a loopback name
// (localhost, 127.0.0.1, [::1]) or the configured public name: a web page whose own name a DNS
// rebinding points at 127.0.0.1 would otherwise read the token (403).

const DemoInfo = {
  summary: 'The demo organization, for the console sign-in',
  description:
    "Needs no token. 403 unless the request is addressed (Host) to localhost, 127.0.0.1, [::1] or the host of CALLPLANE_PUBLIC_URL. 404 when the store has no demo organization. `adminToken` is the demo administrator's token when Callplane generated it (the one `npm start` prints) and the server listens on a loopback address only; absent when it was set with CALLPLANE_ADMIN_TOKEN or the server listens beyond loopback. CALLPLANE_SANDBOX=off removes this, as every sandbox route.",
  tags: ['Sandbox'],
  response: {
    403: ErrorBody,
    200: Type.Object({
      orgId: Type.String(),
      displayName: Type.String(),
      adminEmail: Type.String(),
      adminToken: Type.Optional(Type.String()),
    }),
    404: ErrorBody,
  },
};

export { isLoopbackHost };

async function demoFacts(store: Store, serveToken: boolean) {
  const orgId = await store.settings.get(DEMO_KEYS.orgId);
  const adminId = await store.settings.get(DEMO_KEYS.adminPersonId);
  const organization = orgId ? await store.organizations.get(orgId) : undefined;
  const admin = orgId && adminId ? await store.people.get(orgId, adminId) : undefined;
  if (!organization || !admin) return undefined;
  const adminToken = serveToken ? await store.settings.get(DEMO_KEYS.generatedToken) : undefined;
  return {
    orgId: encodeId('ORGANIZATION', organization.id),
    displayName: organization.displayName,
    adminEmail: admin.email,
    ...(adminToken ? { adminToken } : {}),
  };
}

export function consoleInfoRoutes(server: Server, deps: { store: Store; host: string }): void {
  const serveToken = isLoopbackHost(deps.host);
  server.get('/sandbox/v1/demo', { schema: DemoInfo }, async (request) => {
    if (!addressedToKnownName(request)) {
      throw forbidden('The demo organization is described only to requests addressed to localhost, 127.0.0.1, [::1] or the public name of this server.');
    }
    const facts = await demoFacts(deps.store, serveToken);
    if (!facts) throw notFound('This server has no demo organization.');
    return facts;
  });
}
