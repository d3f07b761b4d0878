import type { Store } from '../../store/store.ts';

// Whether the organization counts as a large organization for Webex Calling: Webex reports how
// far it is toward the threshold. Callplane counts the calling users of every location against a
// threshold of its own (**choice**: Webex does not publish its figure).

export const LARGE_ORG_USERS = 10_000;

export async function largeOrgStatus(store: Store, orgId: string): Promise<{ isLargeOrg: boolean; largeOrgThresholdPercentage: number }> {
  let users = 0;
  for (let start = 0; ; start += 500) {
    const page = await store.locationCalling.list(orgId, { order: 'asc' }, start, 500);
    for (const { location } of page.items) users += await store.people.countInLocation(location.id);
    if (page.items.length < 500) break;
  }
  const percentage = Math.min(100, Math.floor((users * 100) / LARGE_ORG_USERS));
  return { isLargeOrg: users >= LARGE_ORG_USERS, largeOrgThresholdPercentage: percentage };
}
