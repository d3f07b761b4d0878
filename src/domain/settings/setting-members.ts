import { resolveDestination } from '../calls/destinations.ts';
import { badRequest } from '../errors.ts';
import { decodeId, encodeId } from '../webex-ids.ts';
import type { Person } from '../../store/store.ts';
import type { SettingContext } from './setting-documents.ts';

// What several settings share: lists of people of the organization (push-to-talk members,
// monitored lines, executive assistants) stored as the IDs a PUT gives and shown by a GET as the
// people themselves; and numbers a setting rings or forwards to, which must be somewhere a call
// can go. Callplane has people only as members (no workspaces or virtual lines yet).

/** The calling people a PUT names, in order; a 400 for anyone else, a repeat or the owner. */
export async function checkMembers(field: string, ids: readonly string[], ctx: SettingContext, max: number): Promise<Person[]> {
  if (ids.length > max) throw badRequest(`${field} lists more than ${max} members.`);
  if (new Set(ids).size !== ids.length) throw badRequest(`${field} lists a member twice.`);
  const people: Person[] = [];
  for (const member of ids) {
    const id = decodeId(member, 'PEOPLE');
    const person = id ? await ctx.store.people.get(ctx.orgId, id) : undefined;
    if (!person || person.locationId === null) throw badRequest(`${field}: ${member} is not a calling user of this organization.`);
    if (person.id === ctx.owner.id) throw badRequest(`${field} cannot list the person themselves.`);
    people.push(person);
  }
  return people;
}

/** The people a stored list names, as Webex shows members; people deleted since are left out. */
export async function membersOf(ids: readonly string[], ctx: SettingContext) {
  const raw = ids.map((m) => decodeId(m, 'PEOPLE')).filter((id): id is string => id !== undefined);
  const people = (await ctx.store.people.getMany(ctx.orgId, raw)).filter((p) => p.locationId !== null);
  const byId = new Map(people.map((p) => [p.id, p]));
  const numbers = await ctx.store.numbers.ownedBy(people.map((p) => p.id));
  const locations = new Map((await ctx.store.locations.getMany(ctx.orgId, [...new Set(people.map((p) => p.locationId!))])).map((l) => [l.id, l]));
  return raw
    .map((id) => byId.get(id))
    .filter((p): p is Person => p !== undefined)
    .map((p) => {
      const number = numbers.get(p.id)?.phoneNumber;
      const location = locations.get(p.locationId!);
      return {
        person: p,
        member: {
          id: encodeId('PEOPLE', p.id),
          ...(p.firstName ? { firstName: p.firstName } : {}),
          ...(p.lastName ? { lastName: p.lastName } : {}),
          displayName: p.displayName,
          type: 'PEOPLE' as const,
          email: p.email,
          numbers: [{ ...(number ? { external: number } : {}), ...(p.extension ? { extension: p.extension } : {}), primary: true }],
        },
        number,
        location: { id: encodeId('LOCATION', p.locationId!), name: location?.name ?? '' },
      };
    });
}

/**
 * A number a setting rings or forwards to: an extension or number of the organization or a PSTN
 * number, never the owner's own line. Answers the number as given (Webex keeps what was typed).
 */
export async function checkRingNumber(field: string, raw: unknown, ctx: SettingContext): Promise<string> {
  const number = typeof raw === 'string' ? raw.trim() : '';
  if (!number) throw badRequest(`${field} is required.`);
  const party = await resolveDestination(ctx.store, { orgId: ctx.orgId, locationId: ctx.owner.locationId }, number);
  if (!party || party.kind === 'feature') throw badRequest(`${field} "${number}" is not a number a call can go to.`);
  if (party.kind === 'person' && party.personId === ctx.owner.id) throw badRequest(`${field} cannot be the person's own number or extension.`);
  return number;
}

/** An integer setting within Webex's documented range, or a 400. */
export function checkRange(field: string, value: unknown, min: number, max: number): void {
  if (value === undefined) return;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) throw badRequest(`${field} must be between ${min} and ${max}, inclusive.`);
}
