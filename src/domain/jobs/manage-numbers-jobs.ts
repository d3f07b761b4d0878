import type { Job } from '../../store/location-calling-store.ts';
import type { Location, PhoneNumber, Store } from '../../store/store.ts';
import type { Clock } from '../clock.ts';
import { badRequest, conflict } from '../errors.ts';
import { looseE164 } from '../phone-numbers.ts';
import { numberAssignedToAnyone } from '../numbers/number-holders.ts';
import { decodeId, encodeId } from '../webex-ids.ts';
import { ItemJobs, type ItemProblem } from './item-jobs.ts';

// Manage numbers jobs: MOVE unassigned numbers to another location of the organization, DELETE
// them, or change their usage (NUMBER_USAGE_CHANGE: NONE for standard, SERVICE for service
// numbers), through the item jobs' machinery (item-jobs.ts): a number that cannot be handled (not
// in its location, assigned, the main number, another country) is a job error and the rest go on.
// An organization runs one such job at a time (409).

export const MANAGE_NUMBERS_JOB = 'manageNumbers';
export const MAX_NUMBERS = 1000;

const OPERATIONS = ['MOVE', 'DELETE', 'NUMBER_USAGE_CHANGE'] as const;
type Operation = (typeof OPERATIONS)[number];

export type ManageNumbersInput = {
  operation: string;
  targetLocationId?: string;
  numberUsageType?: string;
  numberList: { locationId: string; numbers: unknown[] }[];
};

/** What a job works through, stored with it (jobs.new_value) so a restarted server goes on. */
export type ManageNumbersPlan = { operation: Operation; targetLocationId: string | null; numberUsageType: 'NONE' | 'SERVICE' | null; items: ManageNumbersItem[] };
type ManageNumbersItem = { locationId: string; number: string };

export class ManageNumbersJobs extends ItemJobs<ManageNumbersItem, ManageNumbersPlan> {
  constructor(store: Store, clock: Clock, onError: (error: unknown, jobId: string) => void = () => {}) {
    super(store, clock, MANAGE_NUMBERS_JOB, onError);
  }

  /** Checks the request in full (400), refuses a second job of the organization (409), starts the job. */
  async initiate(orgId: string, sourceUserId: string, input: ManageNumbersInput): Promise<Job> {
    const operation = OPERATIONS.find((o) => o === input.operation);
    if (!operation) throw badRequest(`operation must be one of ${OPERATIONS.join(', ')}.`);
    const lists = input.numberList ?? [];
    const total = lists.reduce((n, l) => n + (Array.isArray(l.numbers) ? l.numbers.length : 0), 0);
    if (total === 0) throw badRequest('numberList must name at least one number.');
    if (total > MAX_NUMBERS) throw badRequest(`At most ${MAX_NUMBERS} numbers can be given in one job.`);
    let usage: ManageNumbersPlan['numberUsageType'] = null;
    if (operation === 'NUMBER_USAGE_CHANGE') {
      if (input.numberUsageType !== 'NONE' && input.numberUsageType !== 'SERVICE') throw badRequest('numberUsageType must be NONE or SERVICE for a NUMBER_USAGE_CHANGE.');
      usage = input.numberUsageType;
    }
    const job = await this.store.transaction(async (tx) => {
      let target: Location | undefined;
      if (operation === 'MOVE') {
        if (input.targetLocationId === undefined) throw badRequest('targetLocationId is required for a MOVE.');
        target = await callingLocation(tx, orgId, input.targetLocationId, 'targetLocationId');
      }
      const items: ManageNumbersItem[] = [];
      const seen = new Set<string>();
      for (const list of lists) {
        const source = await callingLocation(tx, orgId, list.locationId, 'numberList.locationId');
        for (const value of list.numbers) {
          const e164 = typeof value === 'string' ? (value.startsWith('+') ? value : looseE164(value)) : undefined;
          if (!e164 || !/^\+[1-9]\d{6,14}$/.test(e164)) throw badRequest(`${String(value)} is not a phone number in E.164 format.`);
          if (seen.has(e164)) throw badRequest(`${e164} appears more than once in numberList.`);
          seen.add(e164);
          items.push({ locationId: source.id, number: e164 });
        }
      }
      if (await tx.jobs.running(orgId, MANAGE_NUMBERS_JOB)) throw conflict('Another manage numbers job of this organization is in progress; try again when it has finished.');
      return this.insert(tx, orgId, sourceUserId, { operation, targetLocationId: target?.id ?? null, numberUsageType: usage, items }, operation);
    });
    this.start(job);
    return job;
  }

  protected itemId(item: ManageNumbersItem): string {
    return item.number;
  }

  /** Applies the operation to one number; the problem when it cannot. */
  protected async handle(tx: Store, orgId: string, plan: ManageNumbersPlan, item: ManageNumbersItem): Promise<ItemProblem | undefined> {
    const number = await tx.numbers.get(item.number);
    if (!number || number.orgId !== orgId || number.locationId !== item.locationId) return { code: 'NUMBER_NOT_FOUND', message: `${item.number} is not a number of the location given.` };
    if (number.isMainNumber) return { code: 'MAIN_NUMBER', message: `${item.number} is the main number of its location.` };
    if (await numberAssignedToAnyone(tx, number)) return { code: 'NUMBER_ASSIGNED', message: `${item.number} is assigned; only unassigned numbers can be managed.` };
    const rewrite = async (changed: PhoneNumber) => {
      await tx.numbers.deleteMany([number.phoneNumber]);
      await tx.numbers.insertMany([changed]);
    };
    switch (plan.operation) {
      case 'DELETE':
        await tx.numbers.deleteMany([number.phoneNumber]);
        return undefined;
      case 'NUMBER_USAGE_CHANGE':
        await rewrite({ ...number, isServiceNumber: plan.numberUsageType === 'SERVICE' });
        return undefined;
      case 'MOVE': {
        const target = plan.targetLocationId ? await tx.locations.get(orgId, plan.targetLocationId) : undefined;
        if (!target) return { code: 'LOCATION_NOT_FOUND', message: 'The target location no longer exists.' };
        if (target.id === number.locationId) return { code: 'SAME_LOCATION', message: `${item.number} is in the target location already.` };
        const source = await tx.locations.get(orgId, number.locationId);
        if (source && source.address.country !== target.address.country) return { code: 'COUNTRY_MISMATCH', message: `${item.number} cannot move to a location in another country.` };
        await rewrite({ ...number, locationId: target.id });
        return undefined;
      }
    }
  }
}

async function callingLocation(tx: Store, orgId: string, publicId: string, field: string): Promise<Location> {
  const id = decodeId(publicId, 'LOCATION');
  const location = id ? await tx.locations.get(orgId, id) : undefined;
  if (!location || !location.callingEnabled) throw badRequest(`${field} ${publicId} is not a location of this organization enabled for Webex Calling.`);
  return location;
}

export const presentLocation = (id: string | null) => (id ? encodeId('LOCATION', id) : '');
