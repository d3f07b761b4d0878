import assert from 'node:assert/strict';
import { decodeId } from '../../src/domain/webex-ids.ts';
import type { Client } from './client.ts';
import { unique } from './factories.ts';
import type { TestServer } from './server.ts';

// Factories for the Call Routing API's premises PSTN: trunks, route groups, dial plans.

export const PSTN = '/v1/telephony/config/premisePstn';
export const TRUNKS = `${PSTN}/trunks`;
export const ROUTE_GROUPS = `${PSTN}/routeGroups`;
export const DIAL_PLANS = `${PSTN}/dialPlans`;
export const VALIDATE_DIAL_PATTERNS = `${PSTN}/actions/validateDialPatterns/invoke`;
export const ROUTE_CHOICES = '/v1/telephony/config/routeChoices';
export const dialPatternsOf = (dialPlanId: string) => `${DIAL_PLANS}/${dialPlanId}/dialPatterns`;

export const TRUNK_PASSWORD = 'Trunk-Pass-1234';

/** A unique name within the 24 characters Webex allows a trunk. */
export const trunkName = (prefix = 'T') => unique(prefix);

export type Named = { id: string; name: string };

/** A REGISTERING trunk in a calling location (overrides may make it certificate-based). */
export async function createTrunk(api: Client, locationId: string, overrides: Record<string, unknown> = {}): Promise<Named> {
  const body = { name: trunkName(), locationId, password: TRUNK_PASSWORD, trunkType: 'REGISTERING', ...overrides };
  const reply = await api.post(TRUNKS, body);
  assert.equal(reply.status, 201, reply.text);
  return { id: reply.body.id, name: body.name as string };
}

export const certificateBased = (overrides: Record<string, unknown> = {}) => ({
  trunkType: 'CERTIFICATE_BASED',
  password: undefined,
  address: 'sbc1.example.com',
  domain: 'example.com',
  port: 5061,
  maxConcurrentCalls: 250,
  ...overrides,
});

/** A route group of these trunks, with priorities 1, 2, ... in the order given. */
export async function createRouteGroup(api: Client, trunkIds: string[], overrides: Record<string, unknown> = {}): Promise<Named> {
  const body = { name: unique('RG '), localGateways: trunkIds.map((id, i) => ({ id, priority: i + 1 })), ...overrides };
  const reply = await api.post(ROUTE_GROUPS, body);
  assert.equal(reply.status, 201, reply.text);
  return { id: reply.body.id, name: body.name as string };
}

export async function createDialPlan(
  api: Client,
  route: { id: string; type: 'TRUNK' | 'ROUTE_GROUP' },
  dialPatterns: string[] = [],
  overrides: Record<string, unknown> = {},
): Promise<Named> {
  const body = { name: unique('DP '), routeId: route.id, routeType: route.type, dialPatterns, ...overrides };
  const reply = await api.post(DIAL_PLANS, body);
  assert.equal(reply.status, 201, reply.text);
  return { id: reply.body.id, name: body.name as string };
}

/** E.164 dial patterns never issued twice in a process: +1 and 7 random digits, then XXX. */
const issued = new Set<string>();
export function newDialPattern(suffix = 'XXX'): string {
  for (;;) {
    const pattern = `+1${String(2000000 + Math.floor(Math.random() * 7999999))}${suffix}`;
    if (!issued.has(pattern)) {
      issued.add(pattern);
      return pattern;
    }
  }
}

/**
 * Makes a trunk or route group the PSTN connection of a calling location, through the Location
 * Call Settings API as a client would. Webex offers no way to clear a connection, so `null`
 * clears it in the store (to undo the setting after a test).
 */
export async function setPstnConnection(server: TestServer, locationId: string, connection: { type: 'TRUNK' | 'ROUTE_GROUP'; id: string } | null) {
  if (connection) {
    const reply = await server.admin.put(`/v1/telephony/config/locations/${locationId}`, { connection });
    assert.equal(reply.status, 204, reply.text);
    return;
  }
  const store = server.app.store;
  const current = await store.locationCalling.get(decodeId(locationId, 'LOCATION')!);
  assert.ok(current, 'a location enabled for calling');
  await store.locationCalling.update({ ...current, connection: null });
}
