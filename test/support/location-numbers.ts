import assert from 'node:assert/strict';
import type { Client } from './client.ts';
import { createLocation, createPerson, freeExtension, unique, usNational } from './factories.ts';
import type { TestServer } from './server.ts';

// Factories for the location-numbers suite: calling locations with a known inventory and
// calling users in them, made through the public API.

/** How the last enableCalling call did it: through the Webex endpoint, or in the store while that endpoint answers 501. */
export let lastEnableCallingPath: 'api' | 'store' | undefined;

/**
 * Enables a location for Webex Calling the way a client does: GET /v1/locations/{id} and POST it
 * to /v1/telephony/config/locations. While that endpoint is not served (501), flips the flag in
 * the store instead, the way the store would after it.
 */
export async function enableCalling(server: TestServer, api: Client, locationId: string): Promise<void> {
  const location = await api.get(`/v1/locations/${locationId}`);
  assert.equal(location.status, 200, location.text);
  const reply = await api.post('/v1/telephony/config/locations', location.body);
  if (reply.status !== 501) {
    assert.equal(reply.status, 201, reply.text);
    lastEnableCallingPath = 'api';
    return;
  }
  lastEnableCallingPath = 'store';
  const uuid = Buffer.from(locationId, 'base64url').toString().split('/').pop()!;
  await server.app.store.transaction(async (tx) => {
    const stored = await tx.locations.get(server.demo.orgId, uuid);
    assert.ok(stored, 'the location is in the store');
    await tx.locations.update({ ...stored, callingEnabled: true });
  });
}

const FRANCE = { timeZone: 'Europe/Paris', address: { address1: '1 Rue de Rivoli', city: 'Paris', state: 'IDF', postalCode: '75001', country: 'FR' } };

/** A new location of the demo organization enabled for calling, without numbers (so without a main number). */
export async function callingLocation(server: TestServer, api: Client, country: 'US' | 'FR' = 'US'): Promise<{ id: string; name: string }> {
  const name = unique(country === 'FR' ? 'Paris ' : 'Branch ');
  const { id } = await createLocation(api, { name, ...(country === 'FR' ? FRANCE : {}) });
  await enableCalling(server, api, id);
  return { id, name };
}

const issued = new Set<string>();
/** A number never issued before in this process: `+1 <area> 777 xxxx` in the US, `+33 1 57 7x xx xx` in France. */
export function newNumber(country: 'US' | 'FR' = 'US', areaCode = '571'): string {
  for (;;) {
    const tail = String(Math.floor(Math.random() * 100000)).padStart(5, '0');
    const number = country === 'FR' ? `+331577${tail}` : `+1${areaCode}77${tail}`;
    if (!issued.has(number)) {
      issued.add(number);
      return number;
    }
  }
}

/** Adds numbers to a location's inventory (201 expected). */
export async function addNumbers(api: Client, locationId: string, phoneNumbers: string[], extra: Record<string, unknown> = {}): Promise<void> {
  const reply = await api.post(`/v1/telephony/config/locations/${locationId}/numbers`, { phoneNumbers, ...extra });
  assert.equal(reply.status, 201, reply.text);
}

export type CallingUser = { id: string; firstName: string; lastName: string; displayName: string; extension: string; phoneNumber: string | undefined };

/** A calling user of the location holding `phoneNumber` (E.164, already in the location's inventory) and a new extension. */
export async function callingUserIn(api: Client, locationId: string, license: string, phoneNumber?: string): Promise<CallingUser> {
  const extension = freeExtension();
  const value = phoneNumber?.startsWith('+1') ? usNational(phoneNumber) : phoneNumber;
  const person = await createPerson(
    api,
    { locationId, extension, licenses: [license], ...(value ? { phoneNumbers: [{ type: 'work', value }] } : {}) },
    { callingData: 'true' },
  );
  return {
    id: person.id,
    firstName: person.firstName as string,
    lastName: person.lastName as string,
    displayName: person.displayName,
    extension,
    phoneNumber,
  };
}
