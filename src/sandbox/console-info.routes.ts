import { Type } from 'typebox';
import { notFound } from '../domain/errors.ts';
import { encodeId } from '../domain/webex-ids.ts';
import { ErrorBody } from '../http/schemas.ts';
import type { Server } from '../http/types.ts';
import type { Store } from '../store/store.ts';

// What the web console's sign-in page may know before anyone signs in: whether this server has
// the demo organization, and its administrator's token when Callplane generated it (the token
// `npm start` prints). A token chosen with CALLPLANE_ADMIN_TOKEN is never served: whoever chose
// it knows it, and the store keeps only its hash.

// The settings demo-organization.ts writes (its KEYS).
const DEMO_ORG_ID = 'demo.orgId';
const DEMO_ADMIN_ID = 'demo.adminPersonId';
const DEMO_GENERATED_TOKEN = 'demo.generatedAdminToken';

const DemoInfo = {
  summary: 'The demo organization, for the console sign-in',
  description:
    "Needs no token. 404 when the store has no demo organization. `adminToken` is the demo administrator's token when Callplane generated it (the one `npm start` prints); absent when it was set with CALLPLANE_ADMIN_TOKEN. CALLPLANE_SANDBOX=off removes this, as every sandbox route.",
  tags: ['Sandbox'],
  response: {
    200: Type.Object({
      orgId: Type.String(),
      displayName: Type.String(),
      adminEmail: Type.String(),
      adminToken: Type.Optional(Type.String()),
    }),
    404: ErrorBody,
  },
};

async function demoFacts(store: Store) {
  const orgId = await store.settings.get(DEMO_ORG_ID);
  const adminId = await store.settings.get(DEMO_ADMIN_ID);
  const organization = orgId ? await store.organizations.get(orgId) : undefined;
  const admin = orgId && adminId ? await store.people.get(orgId, adminId) : undefined;
  if (!organization || !admin) return undefined;
  const adminToken = await store.settings.get(DEMO_GENERATED_TOKEN);
  return {
    orgId: encodeId('ORGANIZATION', organization.id),
    displayName: organization.displayName,
    adminEmail: admin.email,
    ...(adminToken ? { adminToken } : {}),
  };
}

export function consoleInfoRoutes(server: Server, deps: { store: Store }): void {
  server.get('/sandbox/v1/demo', { schema: DemoInfo }, async () => {
    const facts = await demoFacts(deps.store);
    if (!facts) throw notFound('This server has no demo organization.');
    return facts;
  });
}
