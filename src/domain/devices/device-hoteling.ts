import type { OwnerKind } from '../../store/owner-settings-store.ts';
import type { Store } from '../../store/store.ts';
import { timestamp, type Clock } from '../clock.ts';
import { badRequest } from '../errors.ts';

// Hoteling of a person's or workspace's phones: a workspace phone as a hoteling host that guests
// sign in to (limited to guestHoursLimit hours when limitGuestUse), a person's primary devices
// likewise. Stored as the owner's 'deviceHoteling' document (owner_settings).

export type Hoteling = { enabled: boolean; limitGuestUse?: boolean; guestHoursLimit?: number };

const KEY = 'deviceHoteling';
const DEFAULTS: Hoteling = { enabled: false, limitGuestUse: false };

export async function hotelingOf(store: Store, orgId: string, kind: OwnerKind, id: string): Promise<Hoteling> {
  const stored = await store.ownerSettings.get({ orgId, kind, id }, KEY);
  return stored === undefined ? { ...DEFAULTS } : { ...DEFAULTS, ...(JSON.parse(stored) as Hoteling) };
}

export async function setHoteling(store: Store, clock: Clock, orgId: string, kind: OwnerKind, id: string, input: Hoteling): Promise<void> {
  const hours = input.guestHoursLimit;
  // Webex limits a guest's stay to 1 to 999 hours.
  if (hours !== undefined && !(Number.isInteger(hours) && hours >= 1 && hours <= 999)) throw badRequest('guestHoursLimit must be a whole number of hours from 1 to 999.');
  if (input.limitGuestUse && hours === undefined) throw badRequest('guestHoursLimit is required when limitGuestUse is true.');
  const doc: Hoteling = { enabled: input.enabled, limitGuestUse: input.limitGuestUse ?? false, ...(hours !== undefined ? { guestHoursLimit: hours } : {}) };
  await store.ownerSettings.put({ orgId, kind, id }, KEY, JSON.stringify(doc), timestamp(clock));
}
