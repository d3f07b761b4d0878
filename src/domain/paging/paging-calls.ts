import type { PagePlan, PagingGroupParty, Party, PersonParty } from '../../engine/types.ts';
import type { StoredPagingGroup } from '../../store/paging-store.ts';
import type { Location, Store } from '../../store/store.ts';
import { personParty } from '../calls/parties.ts';

// The call runtime's touch points with paging groups: a group as a callable party (enabled ones
// only), and, for a step that may page, whom each group pages now.

export const pagingGroupParty = (g: StoredPagingGroup, location: Pick<Location, 'routingPrefix'>): PagingGroupParty => ({
  kind: 'pagingGroup',
  pagingGroupId: g.id,
  orgId: g.orgId,
  locationId: g.locationId,
  name: g.name,
  number: g.phoneNumber,
  extension: g.extension,
  routingPrefix: location.routingPrefix,
});

export async function callablePagingGroup(store: Store, orgId: string, group: StoredPagingGroup | undefined): Promise<PagingGroupParty | undefined> {
  if (!group || !group.enabled || group.orgId !== orgId) return undefined;
  const location = await store.locations.get(orgId, group.locationId);
  return location ? pagingGroupParty(group, location) : undefined;
}

/** Page plans of the paging groups among the parties: the targets (busy when on a call already), who may page. */
export async function loadPagePlans(tx: Store, parties: readonly Party[]): Promise<Map<string, PagePlan>> {
  const plans = new Map<string, PagePlan>();
  for (const party of parties) {
    if (party.kind !== 'pagingGroup' || plans.has(party.pagingGroupId)) continue;
    const group = await tx.pagingGroups.get(party.orgId, party.pagingGroupId);
    if (!group) continue;
    const members = await tx.pagingGroups.members(group.id);
    const people = new Map((await tx.people.getMany(group.orgId, members.targets)).map((p) => [p.id, p]));
    const targets: PagePlan['targets'] = [];
    for (const id of members.targets) {
      const person = people.get(id);
      if (!person || person.locationId === null) continue;
      targets.push({ party: (await personParty(tx, person)) as PersonParty, busy: (await tx.calls.activeLegsOf(id)).length > 0 });
    }
    plans.set(group.id, { targets, originators: members.originators, showOriginator: group.settings.originatorCallerIdEnabled });
  }
  return plans;
}
