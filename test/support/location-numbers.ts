import assert from 'node:assert/strict';
import type { Client } from './client.ts';
import { createCallingLocation, createPerson, freeExtension, unique, usNational } from './factories.ts';

// Factories for the location-numbers suite: calling locations with a known inventory and
// calling users in them, made through the public API.

const FRANCE = { timeZone: 'Europe/Paris', address: { address1: '1 Rue de Rivoli', city: 'Paris', state: 'IDF', postalCode: '75001', country: 'FR' } };

/** A new location enabled for calling, in the US or in France, without numbers (so without a main number). */
export async function callingLocation(api: Client, country: 'US' | 'FR' = 'US'): Promise<{ id: string; name: string }> {
  return createCallingLocation(api, { name: unique(country === 'FR' ? 'Paris ' : 'Branch '), ...(country === 'FR' ? FRANCE : {}) });
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
