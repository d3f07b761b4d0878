import { resolveDestination } from '../calls/destinations.ts';
import { AGENT_CALLER_ID } from './agent-caller-id.ts';
import { badRequest } from '../errors.ts';
import { decodeId, encodeId } from '../webex-ids.ts';
import { checkTransferNumbers, DEFAULT_CALLING_PERMISSIONS, mergeCallingPermissions, withRestrictionFlag } from './calling-permissions.ts';
import { lineIdentity } from './line-identity.ts';
import type { SettingContext, SettingDefinition, SettingDocument } from './setting-documents.ts';

// A person's settings of who may call whom and how they are presented (Webex's defaults for a new
// calling user): incoming and outgoing permissions, call intercept, caller ID, anonymous call
// rejection, privacy and barge-in. The call engine reads them through domain/calls/call-permissions.ts
// and domain/calls/caller-id.ts.

export const INCOMING_PERMISSION: SettingDefinition = {
  key: 'incomingPermission',
  defaults: { useCustomEnabled: false, externalTransfer: 'ALLOW_ALL_EXTERNAL', internalCallsEnabled: true, collectCallsEnabled: true },
  changesCalls: true,
};

/**
 * Without useCustomEnabled the person's calls follow their location's outgoing permissions
 * (domain/call-handling); the person's own list is kept meanwhile. useCustomPermissions is the
 * older name Webex still answers with; both say the same.
 */
export const OUTGOING_PERMISSION: SettingDefinition = {
  key: 'outgoingPermission',
  defaults: { useCustomEnabled: false, useCustomPermissions: false, callingPermissions: DEFAULT_CALLING_PERMISSIONS },
  check: (doc) => {
    doc.callingPermissions = mergeCallingPermissions(undefined, doc.callingPermissions);
  },
  present: async (doc) => ({ ...doc, callingPermissions: withRestrictionFlag(doc.callingPermissions) }),
  changesCalls: true,
};

export const OUTGOING_ACCESS_CODES: SettingDefinition = { key: 'outgoingAccessCodes', defaults: { accessCodes: [] }, changesCalls: true };

export const OUTGOING_TRANSFER_NUMBERS: SettingDefinition = {
  key: 'outgoingTransferNumbers',
  defaults: { useCustomTransferNumbers: false },
  check: checkTransferNumbers,
  changesCalls: true,
};

export const OUTGOING_DIGIT_PATTERNS: SettingDefinition = {
  key: 'outgoingDigitPatterns',
  defaults: { useCustomDigitPatterns: false, digitPatterns: [] },
  changesCalls: true,
};

/**
 * Call intercept: incoming calls hear an announcement (and go to voicemail, or may be sent to a
 * new number) instead of ringing; outgoing calls are refused, or only internal ones allowed, or
 * sent to a destination. A destination that is enabled must be one a call can reach.
 */
export const INTERCEPT: SettingDefinition = {
  key: 'intercept',
  defaults: {
    enabled: false,
    incoming: {
      type: 'INTERCEPT_ALL',
      voicemailEnabled: false,
      announcements: { greeting: 'DEFAULT', filename: '', newNumber: { enabled: false }, zeroTransfer: { enabled: false } },
    },
    outgoing: { type: 'INTERCEPT_ALL', transferEnabled: false },
  },
  check: async (doc, ctx) => {
    const announcements = (doc.incoming as { announcements?: { greeting?: string; filename?: string } } | undefined)?.announcements;
    if (announcements?.greeting === 'CUSTOM' && !announcements.filename) throw badRequest('greeting CUSTOM needs a greeting file: upload one first (announcementUpload).');
    await checkIntercept(doc, { store: ctx.store, orgId: ctx.orgId, locationId: ctx.owner.locationId });
  },
  changesCalls: true,
};

type Redirect = { enabled?: boolean; destination?: string };

export async function checkIntercept(doc: SettingDocument, ctx: { store: SettingContext['store']; orgId: string; locationId: string }): Promise<void> {
  const incoming = doc.incoming as { announcements?: { newNumber?: Redirect; zeroTransfer?: Redirect } } | undefined;
  const outgoing = doc.outgoing as { transferEnabled?: boolean; destination?: string } | undefined;
  const targets: [string, boolean, string | undefined][] = [
    ['incoming.announcements.newNumber', incoming?.announcements?.newNumber?.enabled === true, incoming?.announcements?.newNumber?.destination],
    ['incoming.announcements.zeroTransfer', incoming?.announcements?.zeroTransfer?.enabled === true, incoming?.announcements?.zeroTransfer?.destination],
    ['outgoing', outgoing?.transferEnabled === true, outgoing?.destination],
  ];
  for (const [name, enabled, destination] of targets) {
    if (!destination?.trim()) {
      if (enabled) throw badRequest(`${name}.destination is required when it is enabled.`);
      continue;
    }
    const party = await resolveDestination(ctx.store, { orgId: ctx.orgId, locationId: ctx.locationId }, destination);
    if (!party || party.kind === 'feature') throw badRequest(`${name}.destination "${destination}" is not a number a call can be sent to.`);
  }
}

/**
 * Caller ID: which number and name people outside the organization see on this person's calls
 * (domain/calls/caller-id.ts). The person's numbers, their location's main number and name are
 * read live; a custom number must be one of the organization's.
 */
export const CALLER_ID: SettingDefinition = {
  key: 'callerId',
  defaults: { blockInForwardCallsEnabled: false, externalCallerIdNamePolicy: 'DIRECT_LINE', directLineCallerIdName: { selection: 'DISPLAY_NAME' } },
  inherited: async (ctx) => ({ selected: (await lineIdentity(ctx)).number ? 'DIRECT_LINE' : 'LOCATION_NUMBER' }),
  check: async (doc, ctx) => {
    if (doc.selected === 'CUSTOM') {
      const custom = typeof doc.customNumber === 'string' ? doc.customNumber : '';
      const number = custom ? await ctx.store.numbers.get(custom) : undefined;
      if (!number || number.orgId !== ctx.orgId) throw badRequest('customNumber must be a number of the organization when selected is CUSTOM.');
    }
    if (doc.selected === 'DIRECT_LINE' && !(await lineIdentity(ctx)).number) {
      throw badRequest(`selected DIRECT_LINE needs the ${ctx.owner.kind === 'person' ? 'person' : 'line'} to have a direct number.`);
    }
    if (doc.externalCallerIdNamePolicy === 'OTHER' && !String(doc.customExternalCallerIdName ?? '').trim()) {
      throw badRequest('customExternalCallerIdName is required when externalCallerIdNamePolicy is OTHER.');
    }
  },
  present: presentCallerId,
  changesCalls: true,
};

async function presentCallerId(doc: SettingDocument, ctx: SettingContext): Promise<SettingDocument> {
  const { store, owner } = ctx;
  const line = await lineIdentity(ctx);
  const location = await store.locations.get(ctx.orgId, owner.locationId);
  const main = await store.locationNumbers.mainNumber(owner.locationId);
  const calling = await store.locationCalling.get(owner.locationId);
  return {
    types: [...(line.number ? ['DIRECT_LINE'] : []), 'LOCATION_NUMBER', 'CUSTOM'],
    ...doc,
    ...(line.number ? { directNumber: line.number } : {}),
    ...(line.extension ? { extensionNumber: line.extension } : {}),
    ...(main ? { locationNumber: main.phoneNumber } : {}),
    tollFreeLocationNumber: false,
    firstName: doc.firstName ?? line.firstName,
    lastName: doc.lastName ?? line.lastName,
    locationExternalCallerIdName: calling?.externalCallerIdName ?? location?.name ?? '',
  };
}

/**
 * The person's own caller ID switches (Call Settings For Me): blocking their identity on calls they
 * make, and on calls they answer. Honoured by domain/calls/caller-id.ts.
 */
export const CALLER_ID_DELIVERY: SettingDefinition = {
  key: 'callerIdDelivery',
  defaults: { callingLineIdDeliveryBlockingEnabled: false, connectedLineIdentificationRestrictionEnabled: false },
  changesCalls: true,
};

export const ANONYMOUS_CALL_REJECT: SettingDefinition = { key: 'anonymousCallReject', defaults: { enabled: false }, changesCalls: true };

/** Who may monitor, pick up or barge in on the person's calls: people of the organization, by ID. */
export const PRIVACY: SettingDefinition = {
  key: 'privacy',
  defaults: { aaExtensionDialingEnabled: true, aaNamingDialingEnabled: true, enablePhoneStatusDirectoryPrivacy: false, enablePhoneStatusPickupBargeInPrivacy: false, monitoringAgents: [] },
  check: async (doc, ctx) => {
    const agents = ((doc.monitoringAgents as unknown[] | undefined) ?? []).map((a) => (typeof a === 'object' && a !== null ? (a as { id?: unknown }).id : a));
    if (new Set(agents).size !== agents.length) throw badRequest('monitoringAgents lists a person twice.');
    for (const agent of agents) {
      const id = typeof agent === 'string' ? decodeId(agent, 'PEOPLE') : undefined;
      const person = id ? await ctx.store.people.get(ctx.orgId, id) : undefined;
      if (!person || person.locationId === null) throw badRequest(`monitoringAgents: ${String(agent)} is not a calling user of this organization.`);
    }
    doc.monitoringAgents = agents;
  },
  present: async (doc, ctx) => {
    const ids = ((doc.monitoringAgents as string[] | undefined) ?? []).map((m) => decodeId(m, 'PEOPLE')).filter((id): id is string => id !== undefined);
    const people = (await Promise.all(ids.map((id) => ctx.store.people.get(ctx.orgId, id)))).filter((p) => p !== undefined && p.locationId !== null);
    const numbers = await ctx.store.numbers.ownedBy(people.map((p) => p!.id));
    const monitoringAgents = people.map((p) => {
      const number = numbers.get(p!.id)?.phoneNumber;
      return {
        id: encodeId('PEOPLE', p!.id),
        ...(p!.firstName ? { firstName: p!.firstName } : {}),
        ...(p!.lastName ? { lastName: p!.lastName } : {}),
        displayName: p!.displayName,
        type: 'PEOPLE',
        email: p!.email,
        numbers: [{ ...(number ? { external: number } : {}), ...(p!.extension ? { extension: p!.extension } : {}), primary: true }],
      };
    });
    return { ...doc, monitoringAgents };
  },
  changesCalls: true,
};

/** Barge-in: whether others may join this person's calls (the bargeIn call control), with a tone. */
export const BARGE_IN: SettingDefinition = { key: 'bargeIn', defaults: { enabled: false, toneEnabled: true }, changesCalls: true };

export const PERMISSION_SETTINGS: readonly SettingDefinition[] = [
  INCOMING_PERMISSION,
  OUTGOING_PERMISSION,
  OUTGOING_ACCESS_CODES,
  OUTGOING_TRANSFER_NUMBERS,
  OUTGOING_DIGIT_PATTERNS,
  INTERCEPT,
  CALLER_ID,
  CALLER_ID_DELIVERY,
  ANONYMOUS_CALL_REJECT,
  PRIVACY,
  BARGE_IN,
  AGENT_CALLER_ID,
];
