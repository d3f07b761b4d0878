import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { Client } from './client.ts';

// Small factories that create test data through the public API, as a client would.

let sequence = 0;
export const unique = (prefix = 'x') => `${prefix}${++sequence}${randomBytes(3).toString('hex')}`;

export type Licenses = { professional: string; basic: string; workspaces: string; messaging: string; meetings: string };

export async function licenses(api: Client): Promise<Licenses> {
  const reply = await api.get('/v1/licenses');
  assert.equal(reply.status, 200, reply.text);
  const byName = (name: string) => {
    const license = reply.body.items.find((l: { name: string }) => l.name === name);
    assert.ok(license, `license ${name}`);
    return license.id as string;
  };
  return {
    professional: byName('Webex Calling - Professional'),
    basic: byName('Webex Calling - Basic'),
    workspaces: byName('Webex Calling - Workspaces'),
    messaging: byName('Messaging'),
    meetings: byName('Meeting - Webex Meeting Center'),
  };
}

/** The organization's default location (the first one, enabled for calling). */
export async function defaultLocation(api: Client): Promise<{ id: string; name: string; address: { country: string } }> {
  const reply = await api.get('/v1/locations', { max: 1 });
  assert.equal(reply.status, 200, reply.text);
  return reply.body.items[0];
}

/** Free numbers of a location, E.164. */
export async function freeNumbers(api: Client, locationId: string, count = 1): Promise<string[]> {
  const reply = await api.get('/v1/telephony/config/numbers', { locationId, available: true, numberType: 'NUMBER', max: count });
  assert.equal(reply.status, 200, reply.text);
  assert.ok(reply.body.phoneNumbers.length >= count, 'enough free numbers');
  return reply.body.phoneNumbers.map((n: { phoneNumber: string }) => n.phoneNumber);
}

/** The People API's form of a US number: 10 digits, no country code. */
export const usNational = (e164: string) => e164.replace(/^\+1/, '');

/** A free extension: unused 4-to-6-digit numbers starting with 7. */
// Sequential from a random start: random draws collided (a birthday clash every few hundred runs).
let extensionSeq = Math.floor(Math.random() * 90000);
export const freeExtension = () => `7${String((extensionSeq++ % 90000) + 10000)}`;

export async function createPerson(api: Client, overrides: Record<string, unknown> = {}, query?: Record<string, string>) {
  const name = unique('person');
  const reply = await api.post(
    '/v1/people',
    { emails: [`${name}@example.com`], displayName: `Person ${name}`, firstName: 'Person', lastName: name, ...overrides },
    query,
  );
  assert.equal(reply.status, 200, reply.text);
  return reply.body as { id: string; emails: string[]; displayName: string; [key: string]: unknown };
}

/**
 * A calling user in the default location with a free number and an extension. Overrides that
 * give the number (phoneNumbers) take no free number of the default location.
 */
export async function createCallingUser(api: Client, overrides: Record<string, unknown> = {}) {
  const location = await defaultLocation(api);
  const given = (overrides.phoneNumbers as { value: string }[] | undefined)?.[0]?.value;
  const number = given !== undefined ? (given.startsWith('+') ? given : `+1${given}`) : (await freeNumbers(api, location.id))[0]!;
  const { professional } = await licenses(api);
  const person = await createPerson(
    api,
    { phoneNumbers: [{ type: 'work', value: usNational(number) }], extension: freeExtension(), licenses: [professional], ...overrides },
    { callingData: 'true' },
  );
  return { ...person, phoneNumber: number, locationId: location.id };
}

/** A valid body for POST /v1/locations: a new name in Austin, TX. */
export const locationBody = (overrides: Record<string, unknown> = {}) => ({
  name: unique('Branch '),
  timeZone: 'America/Chicago',
  preferredLanguage: 'en_us',
  announcementLanguage: 'en_us',
  address: { address1: '1 Test Way', city: 'Austin', state: 'TX', postalCode: '78701', country: 'US' },
  ...overrides,
});

export async function createLocation(api: Client, overrides: Record<string, unknown> = {}) {
  const reply = await api.post('/v1/locations', locationBody(overrides));
  assert.equal(reply.status, 201, reply.text);
  return reply.body as { id: string };
}

/**
 * A new location enabled for Webex Calling the way an admin tool does it: GET /v1/locations/{id}
 * and POST that object to /v1/telephony/config/locations. It has no numbers, so no main number.
 */
export async function createCallingLocation(api: Client, overrides: Record<string, unknown> = {}): Promise<{ id: string; name: string }> {
  const { id } = await createLocation(api, overrides);
  const location = await api.get(`/v1/locations/${id}`);
  assert.equal(location.status, 200, location.text);
  const enabled = await api.post('/v1/telephony/config/locations', location.body);
  assert.equal(enabled.status, 201, enabled.text);
  return { id, name: location.body.name };
}

/** A new sandbox organization with its full administrator. */
export async function createOrganization(anonymous: Client, displayName = unique('Org ')) {
  const reply = await anonymous.post('/sandbox/v1/orgs', { displayName });
  assert.equal(reply.status, 201, reply.text);
  const { orgId, personId, accessToken } = reply.body as { orgId: string; personId: string; accessToken: string };
  return { orgId, personId, admin: anonymous.withToken(accessToken) };
}

/** A client whose token holds exactly these scopes (the person must be allowed them). */
export async function clientWithScopes(admin: Client, personId: string, scopes: string[]): Promise<Client> {
  const reply = await admin.post('/sandbox/v1/tokens', { personId, scopes });
  assert.equal(reply.status, 201, reply.text);
  return admin.withToken(reply.body.access_token);
}

/** Asserts Webex's error body and TrackingID header on an error reply. */
export function assertWebexError(reply: { status: number; headers: Headers; body: any; text: string }, status: number, pattern?: RegExp) {
  assert.equal(reply.status, status, reply.text);
  assert.equal(typeof reply.body?.message, 'string', reply.text);
  assert.ok(Array.isArray(reply.body.errors) && reply.body.errors.length > 0, reply.text);
  assert.equal(typeof reply.body.errors[0].description, 'string');
  assert.equal(typeof reply.body.trackingId, 'string');
  assert.equal(reply.headers.get('trackingid'), reply.body.trackingId);
  if (pattern) assert.match(reply.body.message, pattern);
}
