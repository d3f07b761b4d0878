import type { Store } from '../../store/store.ts';
import type { StoredHuntGroup } from '../../store/hunt-groups-store.ts';
import { badRequest } from '../errors.ts';
import { decodeId, encodeId } from '../webex-ids.ts';
import type { SettingDefinition } from './setting-documents.ts';
import type { OwnerKind } from '../../store/owner-settings-store.ts';
import { personOf, storedDocument, type SettingsService } from './settings-service.ts';

// An agent's caller ID: an agent of a hunt group that lets its agents use its caller ID for
// outgoing calls (huntGroupCallerIdForOutgoingCallsEnabled) may present the group's name and
// number instead of their own (domain/calls/caller-id.ts). Stored as the group's ID; a group the
// person is no longer an agent of, or that no longer allows it, counts as none.

export const AGENT_CALLER_ID: SettingDefinition = { key: 'agentCallerId', defaults: {}, changesCalls: true };

const MAX_GROUPS = 1000;

/** The hunt groups whose caller ID the person may use, by name. */
export async function callerIdGroups(store: Store, orgId: string, personId: string): Promise<StoredHuntGroup[]> {
  const groups = (await store.huntGroups.list(orgId, { start: 0, max: MAX_GROUPS })).items;
  const mine: StoredHuntGroup[] = [];
  for (const group of groups) {
    if (!group.settings.huntGroupCallerIdForOutgoingCallsEnabled) continue;
    if ((await store.huntGroups.agents(group.id)).some((a) => a.personId === personId)) mine.push(group);
  }
  return mine;
}

/** The group whose caller ID the person presents now, if any. */
export async function selectedGroup(store: Store, orgId: string, personId: string, kind: OwnerKind = 'person'): Promise<StoredHuntGroup | undefined> {
  const doc = await storedDocument(store, orgId, personId, AGENT_CALLER_ID, kind);
  const id = doc.huntGroupId as string | undefined;
  if (!id) return undefined;
  return (await callerIdGroups(store, orgId, personId)).find((g) => g.id === id);
}

export type CallerIdChoice = { id: string; type: 'HUNT_GROUP'; name: string; phoneNumber?: string; extension?: string };

const choiceOf = (g: StoredHuntGroup): CallerIdChoice => ({
  id: encodeId('HUNT_GROUP', g.id),
  type: 'HUNT_GROUP',
  name: g.name,
  ...(g.phoneNumber ? { phoneNumber: g.phoneNumber } : {}),
  ...(g.extension ? { extension: g.extension } : {}),
});

export class AgentCallerIdService {
  private readonly store: Store;
  private readonly settings: SettingsService;

  constructor(store: Store, settings: SettingsService) {
    this.store = store;
    this.settings = settings;
  }

  // The admin paths serve the owners of the settings service given (people, or virtual lines).

  async available(orgId: string, ownerPublicId: string): Promise<CallerIdChoice[]> {
    const owner = await this.settings.owner(orgId, ownerPublicId);
    return (await callerIdGroups(this.store, orgId, owner.id)).map(choiceOf);
  }

  async selected(orgId: string, ownerPublicId: string): Promise<CallerIdChoice | undefined> {
    const owner = await this.settings.owner(orgId, ownerPublicId);
    const group = await selectedGroup(this.store, orgId, owner.id, owner.kind);
    return group && choiceOf(group);
  }

  /** Selects a group's caller ID by its ID, or (null, "") the line's own. */
  async select(orgId: string, ownerPublicId: string, selected: unknown): Promise<void> {
    if (selected !== null && typeof selected !== 'string') throw badRequest('selectedCallerId must be a hunt group ID or null.');
    const owner = await this.settings.owner(orgId, ownerPublicId);
    if (!selected) return this.settings.update(orgId, ownerPublicId, AGENT_CALLER_ID.key, { huntGroupId: null });
    const id = decodeId(selected, 'HUNT_GROUP');
    const allowed = id ? (await callerIdGroups(this.store, orgId, owner.id)).some((g) => g.id === id) : false;
    if (!allowed) throw badRequest(`selectedCallerId ${selected} is not a hunt group whose caller ID this agent may use.`);
    await this.settings.update(orgId, ownerPublicId, AGENT_CALLER_ID.key, { huntGroupId: id });
  }

  /** Call Settings For Me: the person's own caller ID first, then the groups'. */
  async myAvailable(orgId: string, personPublicId: string): Promise<MyCallerId[]> {
    const line = await this.myLine(orgId, personPublicId);
    const own = await this.own(line.id, line.name, line.extension);
    return [own, ...(await callerIdGroups(this.store, orgId, line.id)).map(myChoiceOf)];
  }

  async mySelected(orgId: string, personPublicId: string): Promise<MyCallerId> {
    const line = await this.myLine(orgId, personPublicId);
    const group = await selectedGroup(this.store, orgId, line.id, line.kind);
    return group ? myChoiceOf(group) : this.own(line.id, line.name, line.extension);
  }

  /**
   * The line of a For Me path: a person (the token's own, or one whose line they carry), or,
   * with the virtual lines' settings service, a virtual line on the person's devices.
   */
  private async myLine(orgId: string, publicId: string): Promise<{ id: string; kind: OwnerKind; name: string; extension: string | null }> {
    if (decodeId(publicId, 'VIRTUAL_LINE') !== undefined) {
      const owner = await this.settings.owner(orgId, publicId);
      const line = (await this.store.virtualLines.get(orgId, owner.id))!;
      return { id: line.id, kind: 'virtualLine', name: line.displayName ?? `${line.firstName} ${line.lastName}`.trim(), extension: line.extension };
    }
    const person = await personOf(this.store, orgId, publicId);
    return { id: person.id, kind: 'person', name: person.displayName, extension: person.extension };
  }

  /** DEFAULT_CLID: the person's own; HUNT_GROUP with its ID; anything else is not available here. */
  async mySelect(orgId: string, personPublicId: string, selected: { type: string; id?: string }): Promise<void> {
    if (selected.type === 'DEFAULT_CLID') return this.select(orgId, personPublicId, null);
    if (selected.type !== 'HUNT_GROUP' || !selected.id) throw badRequest(`A ${selected.type} caller ID is not available to this person.`);
    return this.select(orgId, personPublicId, selected.id);
  }

  private async own(personId: string, name: string, extension: string | null): Promise<MyCallerId> {
    const number = (await this.store.numbers.ownedBy([personId])).get(personId)?.phoneNumber;
    return { type: 'DEFAULT_CLID', name, ...(number ? { directNumber: number } : {}), ...(extension ? { extension } : {}) };
  }
}

export type MyCallerId = { type: 'DEFAULT_CLID' | 'HUNT_GROUP'; id?: string; name: string; directNumber?: string; extension?: string };

const myChoiceOf = (g: StoredHuntGroup): MyCallerId => ({
  type: 'HUNT_GROUP',
  id: encodeId('HUNT_GROUP', g.id),
  name: g.name,
  ...(g.phoneNumber ? { directNumber: g.phoneNumber } : {}),
  ...(g.extension ? { extension: g.extension } : {}),
});
