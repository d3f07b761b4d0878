import type { Location, Person, Store } from '../../store/store.ts';
import { badRequest, conflict } from '../errors.ts';
import { isValidExtension, looseE164 } from '../phone-numbers.ts';
import { decodeId } from '../webex-ids.ts';
import { extensionHeldByLine, heldByLine } from '../lines/line-checks.ts';
import { checkWeights, invalidAgent } from './hunt-group-rules.ts';
import type { HuntPolicy } from './hunt-group-types.ts';
import type { StoredAgent } from '../../store/hunt-groups-store.ts';

// A hunt group's number, extension and agents, checked against the organization: the number must
// be one of the location's, not its main number and held by nobody (no person, no other hunt
// group); the extension must be free in the location; agents are people with Webex Calling.

export const numberNotInLocation = (value: string) => badRequest(`Phone number ${value} is not in the number inventory of the hunt group's location.`);
export const numberInUse = (value: string) => conflict(`Phone number ${value} is already assigned.`);
export const extensionInUse = (extension: string) => conflict(`Extension ${extension} is already assigned in this location.`);

/** The number in E.164 if the hunt group or call queue (huntGroupId, or a new one) may have it. */
export async function checkGroupNumber(tx: Store, location: Location, value: string, huntGroupId: string | undefined, field = 'phoneNumber'): Promise<string> {
  const e164 = looseE164(value);
  if (e164 === undefined) throw badRequest(`${field} "${value}" is not a phone number in E.164 format.`);
  const number = await tx.numbers.get(e164);
  if (!number || number.orgId !== location.orgId || number.locationId !== location.id) throw numberNotInLocation(e164);
  if (number.isMainNumber) throw conflict(`Phone number ${e164} is the main number of its location.`);
  if (number.ownerId !== null || (await heldByLine(tx, e164))) throw numberInUse(e164);
  // Hunt groups, call queues and auto attendants share the rule: a number or extension of one is no other's.
  const group = (await tx.huntGroups.findByNumber(e164)) ?? (await tx.callQueues.findByNumber(e164));
  if ((group && group.id !== huntGroupId) || (await tx.autoAttendants.findByNumber(e164))) throw numberInUse(e164);
  return e164;
}

export async function checkGroupExtension(tx: Store, location: Location, extension: string, huntGroupId: string | undefined): Promise<string> {
  if (!isValidExtension(extension)) throw badRequest(`Invalid extension "${extension}": an extension is 2 to 10 digits.`);
  if ((await tx.people.findByExtension(location.id, extension)) || (await extensionHeldByLine(tx, location.id, extension))) throw extensionInUse(extension);
  const group = (await tx.huntGroups.findByExtension(location.id, extension)) ?? (await tx.callQueues.findByExtension(location.id, extension));
  if (group && group.id !== huntGroupId) throw extensionInUse(extension);
  if ((await tx.autoAttendants.findByExtension(location.id, extension)) || (await tx.virtualExtensions.findByExtension(location.orgId, location.id, extension))) throw extensionInUse(extension);
  return extension;
}

/** The agents in the order given (a person named twice counts once), with their weights. */
export async function checkAgents(tx: Store, orgId: string, input: readonly { id: string; weight?: string }[], policy: HuntPolicy): Promise<StoredAgent[]> {
  const seen = new Map<string, string | undefined>();
  for (const agent of input) {
    const id = decodeId(agent.id, 'PEOPLE');
    if (id === undefined) throw invalidAgent(agent.id);
    if (!seen.has(id)) seen.set(id, agent.weight);
  }
  const people = new Map((await tx.people.getMany(orgId, [...seen.keys()])).map((p) => [p.id, p]));
  for (const [id] of seen) if (people.get(id)?.locationId == null) throw invalidAgent(input.find((a) => decodeId(a.id, 'PEOPLE') === id)!.id);
  const weights = checkWeights(policy, [...seen.values()]);
  return [...seen.keys()].map((personId, i) => ({ personId, weight: weights[i]! }));
}

/** An agent as Webex shows it: the person's line as it is now. */
export type AgentView = { person: Person; phoneNumber: string | undefined; weight: number | null };

export async function agentViews(store: Store, orgId: string, agents: readonly StoredAgent[]): Promise<AgentView[]> {
  const people = new Map((await store.people.getMany(orgId, agents.map((a) => a.personId))).map((p) => [p.id, p]));
  const numbers = await store.numbers.ownedBy(agents.map((a) => a.personId));
  return agents.flatMap((a) => {
    const person = people.get(a.personId);
    return person ? [{ person, phoneNumber: numbers.get(a.personId)?.phoneNumber, weight: a.weight }] : [];
  });
}
