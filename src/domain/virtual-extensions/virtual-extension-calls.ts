import type { Party } from '../../engine/types.ts';
import type { Store } from '../../store/store.ts';
import { pstnParty } from '../calls/parties.ts';
import { matchesPattern } from './virtual-extension-service.ts';

/**
 * Where an extension dialled in a location goes when it is a virtual one: the location's virtual
 * extension, else the organization's, else the first range (the location's or the
 * organization's) with a matching pattern, whose prefix + extension is the number. The call
 * leaves as a PSTN call to that external number, named as the virtual extension is.
 */
export async function virtualExtension(store: Store, caller: { orgId: string; locationId: string }, digits: string): Promise<Party | undefined> {
  const v = (await store.virtualExtensions.findByExtension(caller.orgId, caller.locationId, digits)) ?? (await store.virtualExtensions.findByExtension(caller.orgId, null, digits));
  if (v) return pstnParty(v.phoneNumber, v.displayName);
  for (const range of await store.virtualExtensions.rangesFor(caller.orgId, caller.locationId)) {
    if (range.patterns.some((p) => matchesPattern(p, digits))) return pstnParty(`${range.prefix}${digits}`);
  }
  return undefined;
}
