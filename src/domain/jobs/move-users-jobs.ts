import type { Job } from '../../store/location-calling-store.ts';
import type { Store } from '../../store/store.ts';
import type { Clock } from '../clock.ts';
import { badRequest, WebexError } from '../errors.ts';
import { applyLine, planLine } from '../people/calling-line.ts';
import { personNotFound } from '../people/people-errors.ts';
import { decodeId, encodeId } from '../webex-ids.ts';
import { ItemJobs, type ItemProblem } from './item-jobs.ts';

// Move users jobs (User Call Settings): calling users move to another calling location of the
// organization, through the item jobs' machinery (item-jobs.ts). A moved user keeps their
// extension and number unless new ones are given; their number moves with them to the new
// location (within one country), and they dial with the new location's routing prefix. The line
// rules are the People API's (people/calling-line.ts): an extension taken in the new location, or
// a number that is not the new location's, is the user's error. With validate true (one user)
// nothing moves: the answer lists what the move would run into, found by the same rules.

export const MOVE_USERS_JOB = 'moveusers';
/** Webex moves at most 100 users in one request. */
export const MAX_USERS = 100;

export type MoveUsersInput = { usersList: { locationId: string; validate: boolean; users: { userId: string; extension?: string; phoneNumber?: string }[] }[] };
type MoveItem = { personId: string; locationId: string; extension?: string; phoneNumber?: string };
type MovePlan = { items: MoveItem[] };

/** What a validation answers per user: Webex's error codes with their messages. */
export type MoveValidation = { userId: string; errors?: { code: number; message: string }[] };

// Webex's codes for what stops a move (the document's list for validate true).
const USER_NOT_FOUND = '4003';
const LOCATION_NOT_FOUND = '4152';
const EXTENSION_TAKEN = '4202';
const SAME_LOCATION = '25378';
const NUMBER_NOT_AVAILABLE = '27966';
const NUMBER_NOT_MOVED = '1026015';

/** Thrown to roll back a validation's trial move. */
class TrialMove extends Error {
  readonly problem: ItemProblem | undefined;
  constructor(problem: ItemProblem | undefined) {
    super('trial move');
    this.problem = problem;
  }
}

export class MoveUsersJobs extends ItemJobs<MoveItem, MovePlan> {
  constructor(store: Store, clock: Clock, onError: (error: unknown, jobId: string) => void = () => {}) {
    super(store, clock, MOVE_USERS_JOB, onError);
  }

  /** Validates one user's move (nothing changes), or starts a job moving every user listed. */
  async moveOrValidate(orgId: string, sourceUserId: string, input: MoveUsersInput): Promise<{ job: Job } | { validation: MoveValidation[] }> {
    const items = await this.checkRequest(orgId, input);
    if (input.usersList.some((l) => l.validate)) {
      if (items.length !== 1) throw badRequest("Validate 'true' is supported only for single user.");
      const item = items[0]!;
      const problem = await this.store
        .transaction(async (tx) => {
          throw new TrialMove(await this.handle(tx, orgId, { items }, item));
        })
        .catch((error: unknown) => {
          if (error instanceof TrialMove) return error.problem;
          throw error;
        });
      const userId = encodeId('PEOPLE', item.personId);
      return { validation: [{ userId, ...(problem ? { errors: [{ code: Number(problem.code), message: problem.message }] } : {}) }] };
    }
    const job = await this.store.transaction((tx) => this.insert(tx, orgId, sourceUserId, { items }, null));
    this.start(job);
    return { job };
  }

  protected itemId(item: MoveItem): string {
    return encodeId('PEOPLE', item.personId);
  }

  /** Moves one user; what stops the move otherwise (the user stays where they were). */
  protected async handle(tx: Store, orgId: string, _plan: MovePlan, item: MoveItem): Promise<ItemProblem | undefined> {
    const person = await tx.people.get(orgId, item.personId);
    if (!person || person.locationId === null) return { code: USER_NOT_FOUND, message: 'User Not Found' };
    const target = await tx.locations.get(orgId, item.locationId);
    if (!target || !target.callingEnabled) return { code: LOCATION_NOT_FOUND, message: 'Location Not Found' };
    if (target.id === person.locationId) return { code: SAME_LOCATION, message: "Target location is same as user's current location." };
    const current = (await tx.numbers.ownedBy([person.id])).get(person.id);
    const extension = item.extension ?? person.extension ?? undefined;
    const phoneNumber = item.phoneNumber ?? current?.phoneNumber;
    const locationId = encodeId('LOCATION', target.id);
    try {
      // The extension first: nothing is written until the move is known to go through.
      if (extension !== undefined) await planLine(tx, orgId, person.id, { locationId, extension }, 'license');
      if (current && item.phoneNumber === undefined) {
        // The user's number goes with them: a number belongs to one country's locations.
        const source = await tx.locations.get(orgId, current.locationId);
        if (source && source.address.country !== target.address.country) return { code: NUMBER_NOT_MOVED, message: 'Error occurred while moving user number to target location.' };
        await tx.numbers.deleteMany([current.phoneNumber]);
        await tx.numbers.insertMany([{ ...current, locationId: target.id }]);
      }
      const plan = await planLine(tx, orgId, person.id, { locationId, ...(extension !== undefined ? { extension } : {}), ...(phoneNumber !== undefined ? { phoneNumber } : {}) }, 'license');
      if (plan.numberProblem) return { code: NUMBER_NOT_AVAILABLE, message: `The phone number, ${phoneNumber}, is not available in the new group: ${plan.numberProblem.message}` };
      await applyLine(tx, person, plan.line, current?.phoneNumber ?? null);
      return undefined;
    } catch (error) {
      if (!(error instanceof WebexError)) throw error;
      return /extension/i.test(error.message) ? { code: EXTENSION_TAKEN, message: `The extension is not available. ${error.message}` } : { code: NUMBER_NOT_AVAILABLE, message: error.message };
    }
  }

  /** The request's own rules (400 with Webex's messages), and the users it names (404 for nobody of the organization). */
  private async checkRequest(orgId: string, input: MoveUsersInput): Promise<MoveItem[]> {
    if (!input.usersList?.length) throw badRequest('Users list should not be empty.');
    const items: MoveItem[] = [];
    for (const list of input.usersList) {
      if (!list.users?.length) throw badRequest('Users should not be empty.');
      if (!list.locationId) throw badRequest('Attribute location id is required for Calling user.');
      const locationId = decodeId(list.locationId, 'LOCATION');
      for (const user of list.users) {
        if (!user.userId) throw badRequest("Attribute 'User ID' is required.");
        if (user.phoneNumber !== undefined && !/^\+[1-9]\d{6,14}$/.test(user.phoneNumber)) throw badRequest('Phone number is not in e164 format.');
        const id = decodeId(user.userId, 'PEOPLE');
        const person = id ? await this.store.people.get(orgId, id) : undefined;
        if (!person) throw personNotFound();
        if (person.locationId === null) throw badRequest('User is not a valid Calling User.');
        if (items.some((i) => i.personId === person.id)) throw badRequest('Duplicate entry for user is not allowed.');
        // An unknown location is the user's error (4152), as Webex reports it per user.
        items.push({ personId: person.id, locationId: locationId ?? '', ...(user.extension !== undefined ? { extension: user.extension } : {}), ...(user.phoneNumber !== undefined ? { phoneNumber: user.phoneNumber } : {}) });
      }
    }
    if (items.length > MAX_USERS) throw badRequest('Selected Users list exceeds the maximum limit.');
    return items;
  }
}
