import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { Store } from '../../store/store.ts';
import { badRequest } from '../errors.ts';
import { MAX_NUMBERS_PER_REQUEST } from './number-service.ts';

// validateNumbers: whether numbers could be added to the organization's inventory, each with
// Webex's state: Invalid (not an E.164 number), Duplicate In List (given twice), Duplicate (in
// this organization's inventory already), Unavailable (another organization's), else Available.

export type NumberValidation = { number: string; state: 'Available' | 'Duplicate' | 'Duplicate In List' | 'Invalid' | 'Unavailable'; tollFreeNumber: boolean; detail?: string[] };

export async function validateNumbers(store: Store, orgId: string, phoneNumbers: readonly string[]): Promise<{ status: 'OK' | 'ERRORS'; numbers: NumberValidation[] }> {
  if (phoneNumbers.length === 0) throw badRequest('phoneNumbers must name at least one number.');
  if (phoneNumbers.length > MAX_NUMBERS_PER_REQUEST) throw badRequest(`At most ${MAX_NUMBERS_PER_REQUEST} numbers can be validated at once.`);
  const parsed = phoneNumbers.map((value) => {
    const number = /^\+[1-9]\d{6,14}$/.test(value) ? parsePhoneNumberFromString(value) : undefined;
    return { value, valid: number?.isValid() === true, tollFree: number?.getType() === 'TOLL_FREE' };
  });
  const stored = new Map((await store.numbers.getMany(parsed.filter((p) => p.valid).map((p) => p.value))).map((n) => [n.phoneNumber, n]));
  const seen = new Set<string>();
  const numbers = parsed.map(({ value, valid, tollFree }): NumberValidation => {
    const repeated = seen.has(value);
    seen.add(value);
    const held = stored.get(value);
    if (!valid) return { number: value, state: 'Invalid', tollFreeNumber: false, detail: [`${value} is not a valid phone number in E.164 format.`] };
    if (repeated) return { number: value, state: 'Duplicate In List', tollFreeNumber: tollFree, detail: [`${value} is given more than once.`] };
    if (held && held.orgId === orgId) return { number: value, state: 'Duplicate', tollFreeNumber: tollFree, detail: [`${value} is in this organization's number inventory already.`] };
    if (held) return { number: value, state: 'Unavailable', tollFreeNumber: tollFree, detail: [`${value} is not available.`] };
    return { number: value, state: 'Available', tollFreeNumber: tollFree };
  });
  return { status: numbers.every((n) => n.state === 'Available') ? 'OK' : 'ERRORS', numbers };
}
