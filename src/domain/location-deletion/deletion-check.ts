import type { Location, Store } from '../../store/store.ts';

// What stands in the way of disabling Webex Calling at a location (Webex's "safe delete check"):
// members (people, workspaces, virtual lines), trunks in use and it being the organization's last
// calling location block it; features with numbers or extensions (hunt groups, call queues, auto
// attendants, AI receptionists, paging groups, voicemail groups) and trunks block it unless forced; numbers are
// released. Callplane takes no number orders, so none is ever pending.

export type DeletionCheck = {
  locationDeleteStatus: 'BLOCKED' | 'FORCE_REQUIRED' | 'UNBLOCKED';
  blocking: {
    lastLocation: boolean;
    trunksInUseCount: number;
    usersInUseCount: number;
    workspacesInUseCount: number;
    virtualLineInUseCount: number;
    numbersOrderPending: boolean;
  };
  nonBlocking: { numbersPresent: boolean };
  blockingUnlessForced: { nonUserEntitiesInUse: boolean; trunksCount: number };
};

const ALL = { start: 0, max: 10_000 };

/** The features of the location a forced disable removes. */
export async function locationFeatures(store: Store, location: Location) {
  const { orgId, id: locationId } = location;
  return {
    huntGroups: (await store.huntGroups.list(orgId, { locationId, ...ALL })).items,
    callQueues: (await store.callQueues.list(orgId, { locationId, ...ALL })).items,
    autoAttendants: (await store.autoAttendants.list(orgId, { locationId, ...ALL })).items,
    pagingGroups: await store.pagingGroups.list(orgId, locationId),
    voicemailGroups: (await store.voicemailGroups.list(orgId, { locationId, ...ALL })).items,
    aiReceptionists: (await store.aiReceptionists.list(orgId, { locationId, ...ALL })).items,
  };
}

export async function trunksAt(store: Store, location: Location) {
  const page = await store.callRouting.searchTrunks(location.orgId, { locationNames: [location.name], order: { field: 'name', direction: 'asc' } }, { start: 0, limit: 10_000 });
  return page.items.filter((t) => t.locationId === location.id);
}

export async function deletionCheck(store: Store, location: Location): Promise<DeletionCheck> {
  const { orgId, id: locationId } = location;
  const callingLocations = (await store.locationCalling.list(orgId, { order: 'asc' }, 0, 2)).items.length;
  const trunks = await trunksAt(store, location);
  const features = await locationFeatures(store, location);
  const workspaces = (await store.workspaces.list(orgId, { locationId, ...ALL })).items.filter((w) => w.callingLocationId === locationId);
  const blocking = {
    lastLocation: callingLocations <= 1,
    trunksInUseCount: trunks.filter((t) => t.inUse).length,
    usersInUseCount: await store.people.countInLocation(locationId),
    workspacesInUseCount: workspaces.length,
    virtualLineInUseCount: (await store.virtualLines.list(orgId, { locationIds: [locationId], ...ALL })).items.length,
    numbersOrderPending: false,
  };
  const counts = await store.numbers.counts(orgId, { locationId });
  const numbersPresent = counts.total - counts.extensionOnly > 0;
  const nonUserEntitiesInUse = Object.values(features).some((list) => list.length > 0);
  const blocked = blocking.lastLocation || blocking.trunksInUseCount + blocking.usersInUseCount + blocking.workspacesInUseCount + blocking.virtualLineInUseCount > 0;
  return {
    locationDeleteStatus: blocked ? 'BLOCKED' : nonUserEntitiesInUse || trunks.length > 0 ? 'FORCE_REQUIRED' : 'UNBLOCKED',
    blocking,
    nonBlocking: { numbersPresent },
    blockingUnlessForced: { nonUserEntitiesInUse, trunksCount: trunks.length },
  };
}
