import { randomUUID } from 'node:crypto';
import type { RouteListListing, StoredRouteList } from '../../store/route-lists-store.ts';
import { UniqueViolation, type Page, type Store } from '../../store/store.ts';
import { timestamp, type Clock } from '../clock.ts';
import { badRequest, conflict, notFound } from '../errors.ts';
import { numberAssignedToAnyone } from '../numbers/number-holders.ts';
import { looseE164 } from '../phone-numbers.ts';
import { decodeId } from '../webex-ids.ts';
import { checkedName } from './call-routing-rules.ts';

// Route lists: numbers of a location reached through a route group (cloud PSTN for a Dedicated
// Instance). The numbers are the location's own, unassigned, each in one route list of the
// organization; a call to one goes out through the route list's route group
// (calls/outbound-route.ts).

export type RouteListInput = { name?: string; locationId?: string; routeGroupId?: string };
export type NumberChange = { number: string; action: 'ADD' | 'DELETE' };
export type NumberStatus = { phoneNumber: string; numberStatus: 'INVALID' | 'DUPLICATE' | 'DUPLICATE_IN_LIST' | 'UNAVAILABLE'; message: string };

export const routeListNotFound = () => notFound('Route list not found.');
const nameInUse = (name: string) => conflict(`A route list named "${name}" already exists in this organization.`);
const MAX_CHANGES = 1000;

export class RouteListService {
  private readonly store: Store;
  private readonly clock: Clock;

  constructor(store: Store, clock: Clock) {
    this.store = store;
    this.clock = clock;
  }

  async list(orgId: string, query: { name?: string[]; locationId?: string[]; order?: string; start: number; max: number }): Promise<Page<RouteListListing, number>> {
    const order = (query.order ?? 'name-asc').toLowerCase();
    const direction = ({ name: 'asc', asc: 'asc', 'name-asc': 'asc', desc: 'desc', 'name-desc': 'desc' } as const)[order];
    if (!direction) throw badRequest(`order "${query.order}" is not a sort order of this list: use name, name-asc or name-desc.`);
    const locationIds = (query.locationId ?? []).flatMap((v) => String(v).split(',')).map((id) => decodeId(id, 'LOCATION') ?? 'none');
    const names = (query.name ?? []).flatMap((v) => String(v).split(',')).filter((n) => n !== '');
    return this.store.routeLists.list(orgId, { names, locationIds, direction, start: query.start, max: query.max });
  }

  async create(orgId: string, input: RouteListInput): Promise<string> {
    const name = checkedName(input.name ?? '');
    return this.store.transaction(async (tx) => {
      const locationId = input.locationId !== undefined ? decodeId(input.locationId, 'LOCATION') : undefined;
      const location = locationId ? await tx.locations.get(orgId, locationId) : undefined;
      if (!location || !location.callingEnabled) throw badRequest('locationId is not a location of this organization enabled for Webex Calling.');
      const routeGroupId = await this.routeGroupOf(tx, orgId, input.routeGroupId);
      const list: StoredRouteList = { id: randomUUID(), orgId, locationId: location.id, name, routeGroupId, created: timestamp(this.clock) };
      await unique(name, () => tx.routeLists.insert(list));
      return list.id;
    });
  }

  async get(orgId: string, publicId: string): Promise<RouteListListing> {
    return this.routeList(this.store, orgId, publicId);
  }

  /** Renames the list and moves it to another route group; the location never changes. */
  async update(orgId: string, publicId: string, input: RouteListInput): Promise<void> {
    await this.store.transaction(async (tx) => {
      const list = await this.routeList(tx, orgId, publicId);
      const name = input.name !== undefined ? checkedName(input.name) : list.name;
      const routeGroupId = input.routeGroupId !== undefined ? await this.routeGroupOf(tx, orgId, input.routeGroupId) : list.routeGroupId;
      await unique(name, () => tx.routeLists.update({ ...list, name, routeGroupId }));
    });
  }

  async delete(orgId: string, publicId: string): Promise<void> {
    await this.store.transaction(async (tx) => {
      const list = await this.routeList(tx, orgId, publicId);
      await tx.routeLists.delete(orgId, list.id);
    });
  }

  async numbers(orgId: string, publicId: string, query: { number?: string; order?: string; start: number; max: number }): Promise<Page<string, number>> {
    const list = await this.routeList(this.store, orgId, publicId);
    const order = (query.order ?? 'number-asc').toLowerCase();
    const direction = ({ number: 'asc', asc: 'asc', 'number-asc': 'asc', desc: 'desc', 'number-desc': 'desc' } as const)[order];
    if (!direction) throw badRequest(`order "${query.order}" is not a sort order of this list: use number, number-asc or number-desc.`);
    return this.store.routeLists.numbers(list.id, { number: query.number || undefined, direction, start: query.start, max: query.max });
  }

  /**
   * Adds and deletes numbers; deleteAllNumbers: true deletes every number and ignores the list.
   * Each number is checked on its own: the ones with a problem are reported (and left as they
   * are), the others change.
   */
  async modifyNumbers(orgId: string, publicId: string, input: { numbers?: NumberChange[]; deleteAllNumbers?: boolean }): Promise<NumberStatus[]> {
    return this.store.transaction(async (tx) => {
      // The route list first: another organization's is a 404 whatever the body.
      const list = await this.routeList(tx, orgId, publicId);
      if (input.deleteAllNumbers !== true && input.numbers === undefined) throw badRequest('Give numbers to add or delete, or deleteAllNumbers: true.');
      if ((input.numbers?.length ?? 0) > MAX_CHANGES) throw badRequest(`At most ${MAX_CHANGES} numbers can be given in one request.`);
      if (input.deleteAllNumbers === true) {
        await tx.routeLists.deleteAllNumbers(list.id);
        return [];
      }
      const problems: NumberStatus[] = [];
      const seen = new Set<string>();
      const add: string[] = [];
      const remove: string[] = [];
      const parsed = input.numbers!.map((c) => ({ ...c, e164: c.number.startsWith('+') ? c.number : looseE164(c.number) }));
      const holders = await tx.routeLists.holders(orgId, parsed.flatMap((c) => (c.e164 ? [c.e164] : [])));
      for (const change of parsed) {
        const e164 = change.e164;
        if (!e164 || !/^\+[1-9]\d{6,14}$/.test(e164)) {
          problems.push({ phoneNumber: change.number, numberStatus: 'INVALID', message: `${change.number} is not a phone number in E.164 format.` });
          continue;
        }
        if (seen.has(e164)) {
          problems.push({ phoneNumber: e164, numberStatus: 'DUPLICATE_IN_LIST', message: `${e164} is given more than once.` });
          continue;
        }
        seen.add(e164);
        const holder = holders.get(e164);
        if (change.action === 'DELETE') {
          if (holder !== list.id) problems.push({ phoneNumber: e164, numberStatus: 'UNAVAILABLE', message: `${e164} is not a number of this route list.` });
          else remove.push(e164);
          continue;
        }
        if (holder !== undefined) {
          problems.push({ phoneNumber: e164, numberStatus: 'DUPLICATE', message: `${e164} is in ${holder === list.id ? 'this' : 'another'} route list already.` });
          continue;
        }
        const number = await tx.numbers.get(e164);
        if (!number || number.orgId !== orgId || number.locationId !== list.locationId || number.isMainNumber || (await numberAssignedToAnyone(tx, number))) {
          problems.push({ phoneNumber: e164, numberStatus: 'UNAVAILABLE', message: `${e164} is not an unassigned number of the route list's location.` });
          continue;
        }
        add.push(e164);
      }
      await tx.routeLists.deleteNumbers(list.id, remove);
      await tx.routeLists.addNumbers(orgId, list.id, add);
      return problems;
    });
  }

  private async routeList(tx: Store, orgId: string, publicId: string): Promise<RouteListListing> {
    const id = decodeId(publicId, 'ROUTE_LIST');
    const list = id ? await tx.routeLists.get(orgId, id) : undefined;
    if (!list) throw routeListNotFound();
    return list;
  }

  private async routeGroupOf(tx: Store, orgId: string, publicId: string | undefined): Promise<string> {
    const id = publicId !== undefined ? decodeId(publicId, 'ROUTE_GROUP') : undefined;
    const group = id ? await tx.callRouting.getRouteGroup(orgId, id) : undefined;
    if (!group) throw badRequest('routeGroupId is not a route group of this organization.');
    return group.id;
  }
}

async function unique(name: string, write: () => Promise<void>): Promise<void> {
  try {
    await write();
  } catch (error) {
    if (error instanceof UniqueViolation) throw nameInUse(name);
    throw error;
  }
}
