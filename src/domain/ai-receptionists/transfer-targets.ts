import type { Party } from '../../engine/types.ts';
import type { Store } from '../../store/store.ts';
import { callableCallQueue } from '../call-queues/queue-plan.ts';
import { resolveDestination } from '../calls/destinations.ts';
import { personParty } from '../calls/parties.ts';
import { badRequest } from '../errors.ts';
import { callableHuntGroup } from '../hunt-groups/hunt-plan.ts';
import { decodeId, encodeId } from '../webex-ids.ts';
import { CONTACT_TYPES, type TransferTarget } from './ai-receptionist-types.ts';

// Where an AI receptionist's intent (or its default action) sends a caller, as Webex's transferTo
// names it: a person (PEOPLE), a hunt group or call queue (RESOURCE_GROUP: its own ID, or the same
// UUID as a RESOURCE_GROUP ID), or a number or extension dialled from the receptionist's location
// (PHONE_NUMBER). CONTACT names an organization contact, which Callplane does not hold: refused.

export type TransferToInput = { contactType?: string; contactId?: string; phoneNumber?: string };

const DESTINATION = /^\+?[\d*#]{2,30}$/;

export async function checkTransferTo(tx: Store, orgId: string, input: TransferToInput | undefined, field: string): Promise<TransferTarget> {
  if (input === undefined || typeof input !== 'object') throw badRequest(`${field} is required.`);
  const type = input.contactType;
  if (!(CONTACT_TYPES as readonly (string | undefined)[]).includes(type)) throw badRequest(`${field}.contactType must be one of ${CONTACT_TYPES.join(', ')}.`);
  if (type === 'PHONE_NUMBER') {
    const phoneNumber = input.phoneNumber?.trim() ?? '';
    if (!DESTINATION.test(phoneNumber)) throw badRequest(`${field}.phoneNumber (a number or extension) is required with contactType PHONE_NUMBER.`);
    return { contactType: 'PHONE_NUMBER', phoneNumber };
  }
  if (type === 'CONTACT') throw badRequest(`${field}: contactType CONTACT names an organization contact, which this organization does not have; use PEOPLE, RESOURCE_GROUP or PHONE_NUMBER.`);
  const contactId = input.contactId;
  if (!contactId) throw badRequest(`${field}.contactId is required with contactType ${type}.`);
  if (type === 'PEOPLE') {
    const personId = decodeId(contactId, 'PEOPLE');
    const person = personId === undefined ? undefined : await tx.people.get(orgId, personId);
    if (!person || person.locationId === null) throw badRequest(`${field}.contactId ${contactId} is not a person of this organization with Webex Calling.`);
    return { contactType: 'PEOPLE', personId: person.id };
  }
  const huntGroupId = decodeId(contactId, 'HUNT_GROUP') ?? decodeId(contactId, 'RESOURCE_GROUP');
  if (huntGroupId !== undefined && (await tx.huntGroups.get(orgId, huntGroupId))) return { contactType: 'RESOURCE_GROUP', group: 'huntGroup', groupId: huntGroupId };
  const queueId = decodeId(contactId, 'CALL_QUEUE') ?? decodeId(contactId, 'RESOURCE_GROUP');
  if (queueId !== undefined && (await tx.callQueues.get(orgId, queueId))) return { contactType: 'RESOURCE_GROUP', group: 'callQueue', groupId: queueId };
  throw badRequest(`${field}.contactId ${contactId} is not a hunt group or call queue of this organization.`);
}

/** transferTo as Webex shows it: the target's ID, name and number (or extension) as they are now. */
export async function describeTarget(store: Store, orgId: string, target: TransferTarget) {
  switch (target.contactType) {
    case 'PHONE_NUMBER':
      return { contactType: target.contactType, phoneNumber: target.phoneNumber };
    case 'PEOPLE': {
      const person = await store.people.get(orgId, target.personId);
      const number = person ? (await store.numbers.ownedBy([person.id])).get(person.id)?.phoneNumber : undefined;
      const phoneNumber = number ?? person?.extension ?? undefined;
      return { contactType: target.contactType, contactId: encodeId('PEOPLE', target.personId), ...(person ? { name: person.displayName } : {}), ...(phoneNumber ? { phoneNumber } : {}) };
    }
    case 'RESOURCE_GROUP': {
      const group = target.group === 'huntGroup' ? await store.huntGroups.get(orgId, target.groupId) : await store.callQueues.get(orgId, target.groupId);
      const phoneNumber = group?.phoneNumber ?? group?.extension ?? undefined;
      const contactId = encodeId(target.group === 'huntGroup' ? 'HUNT_GROUP' : 'CALL_QUEUE', target.groupId);
      return { contactType: target.contactType, contactId, ...(group ? { name: group.name } : {}), ...(phoneNumber ? { phoneNumber } : {}) };
    }
  }
}

/** The party a call is handed to, or null when the target no longer takes calls (gone, disabled). */
export async function targetParty(store: Store, at: { orgId: string; locationId: string }, target: TransferTarget): Promise<Party | null> {
  switch (target.contactType) {
    case 'PHONE_NUMBER':
      return (await resolveDestination(store, at, target.phoneNumber)) ?? null;
    case 'PEOPLE': {
      const person = await store.people.get(at.orgId, target.personId);
      return person && person.locationId !== null ? personParty(store, person) : null;
    }
    case 'RESOURCE_GROUP':
      return (
        (target.group === 'huntGroup'
          ? await callableHuntGroup(store, at.orgId, await store.huntGroups.get(at.orgId, target.groupId))
          : await callableCallQueue(store, at.orgId, await store.callQueues.get(at.orgId, target.groupId))) ?? null
      );
  }
}
