import type { AlternateNumber, AlternateOwnerKind, RingPattern } from '../../store/alternate-numbers-store.ts';
import type { Store } from '../../store/store.ts';
import { timestamp, type Clock } from '../clock.ts';
import { badRequest, conflict, notFound } from '../errors.ts';
import { numberAssignedToAnyone } from '../numbers/number-holders.ts';
import { looseE164 } from '../phone-numbers.ts';
import { personOf } from '../settings/settings-service.ts';
import { callingWorkspaceOf } from '../workspaces/workspace-service.ts';
import { checkLineExtension } from './line-checks.ts';

// Alternate numbers of a person or workspace (Assign or Unassign numbers): numbers of the owner's
// location beside its primary line, each with an optional extension and a ring pattern, and the
// owner's distinctive ring switch. A call to an alternate number rings its owner
// (calls/destinations.ts). The rules are those of a line's number: one of the location's, not its
// main number, held by nobody; the extension free in the location. The primary line is changed
// where it is set (the People API, the workspace's calling), not here.

/** Webex allows ten alternate numbers per owner. */
export const MAX_ALTERNATES = 10;
const DISTINCTIVE_RING = 'distinctiveRing';

export type AlternateOwner = { kind: AlternateOwnerKind; orgId: string; id: string; locationId: string };
export type NumbersUpdate = {
  distinctiveRingEnabled?: boolean;
  phoneNumbers: { primary: boolean; action: 'ADD' | 'DELETE'; directNumber: string; extension?: string; ringPattern?: RingPattern }[];
};

const notAlternate = (number: string) => notFound(`${number} is not an alternate number of this line.`);

/** Applies the ADDs and DELETEs in order, all or none. */
async function assignAlternateNumbers(store: Store, clock: Clock, owner: AlternateOwner, update: NumbersUpdate): Promise<void> {
  await store.transaction(async (tx) => {
    const location = await tx.locations.get(owner.orgId, owner.locationId);
    if (!location) throw notFound('The line’s location was not found.');
    for (const entry of update.phoneNumbers) {
      if (entry.primary) throw badRequest('The primary number is not changed here: set it on the line itself (People API, or the workspace’s calling).');
      const e164 = entry.directNumber.startsWith('+') ? entry.directNumber : looseE164(entry.directNumber);
      if (!e164) throw badRequest(`directNumber "${entry.directNumber}" is not a phone number in E.164 format.`);
      if (entry.action === 'DELETE') {
        const held = await tx.alternateNumbers.get(e164);
        if (!held || held.orgId !== owner.orgId || held.ownerId !== owner.id) throw notAlternate(e164);
        await tx.alternateNumbers.delete(e164);
        continue;
      }
      const number = await tx.numbers.get(e164);
      if (!number || number.orgId !== owner.orgId || number.locationId !== location.id) throw badRequest(`Phone number ${e164} is not in the number inventory of the line’s location.`);
      if (number.isMainNumber) throw conflict(`Phone number ${e164} is the main number of its location.`);
      if (await numberAssignedToAnyone(tx, number)) throw conflict(`Phone number ${e164} is already assigned.`);
      if (entry.extension !== undefined) await checkLineExtension(tx, location, entry.extension, {});
      if ((await tx.alternateNumbers.ofOwner(owner.orgId, owner.id)).length >= MAX_ALTERNATES) throw badRequest(`A line has at most ${MAX_ALTERNATES} alternate numbers.`);
      const alternate: AlternateNumber = {
        phoneNumber: e164,
        orgId: owner.orgId,
        ownerKind: owner.kind,
        ownerId: owner.id,
        extension: entry.extension ?? null,
        ringPattern: entry.ringPattern ?? 'NORMAL',
        created: timestamp(clock),
      };
      await tx.alternateNumbers.insert(alternate);
    }
    if (update.distinctiveRingEnabled !== undefined) {
      await tx.ownerSettings.put({ orgId: owner.orgId, kind: owner.kind, id: owner.id }, DISTINCTIVE_RING, JSON.stringify({ enabled: update.distinctiveRingEnabled }), timestamp(clock));
    }
  });
}

/** The owner's alternate numbers and distinctive ring switch (off until set), as the numbers lists show them. */
export async function alternateNumbersOf(store: Store, owner: Omit<AlternateOwner, 'locationId'>): Promise<{ distinctiveRingEnabled: boolean; alternates: AlternateNumber[] }> {
  const stored = await store.ownerSettings.get({ orgId: owner.orgId, kind: owner.kind, id: owner.id }, DISTINCTIVE_RING);
  return { distinctiveRingEnabled: stored ? (JSON.parse(stored) as { enabled: boolean }).enabled : false, alternates: await store.alternateNumbers.ofOwner(owner.orgId, owner.id) };
}

/** Assigns and unassigns the alternate numbers of a person or workspace named by its public ID. */
export class AlternateNumberService {
  private readonly store: Store;
  private readonly clock: Clock;

  constructor(store: Store, clock: Clock) {
    this.store = store;
    this.clock = clock;
  }

  async assign(orgId: string, kind: AlternateOwnerKind, publicId: string, update: NumbersUpdate): Promise<void> {
    const line = kind === 'person' ? await personOf(this.store, orgId, publicId) : await callingWorkspaceOf(this.store, orgId, publicId);
    const locationId = 'callingLocationId' in line ? line.callingLocationId! : line.locationId!;
    await assignAlternateNumbers(this.store, this.clock, { kind, orgId, id: line.id, locationId }, update);
  }
}
