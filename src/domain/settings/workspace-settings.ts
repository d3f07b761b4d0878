import { badRequest } from '../errors.ts';
import { VOICEMAIL } from '../voicemail/voicemail-settings.ts';
import { callingWorkspaceOf } from '../workspaces/workspace-service.ts';
import { CALL_POLICIES, DEVICE_COMPRESSION, MONITORING, MUSIC_ON_HOLD, OUTBOUND_BILLING_PLAN, PUSH_TO_TALK } from './person-config-settings.ts';
import { CALL_BRIDGE, CALL_FORWARDING, CALL_WAITING } from './person-settings.ts';
import { INCOMING_PERMISSION, INTERCEPT, OUTGOING_ACCESS_CODES, OUTGOING_DIGIT_PATTERNS, OUTGOING_PERMISSION, OUTGOING_TRANSFER_NUMBERS, PRIVACY } from './permission-settings.ts';
import { PRIORITY_ALERT, SELECTIVE_ACCEPT, SELECTIVE_FORWARD, SELECTIVE_REJECT, SEQUENTIAL_RING, SIMULTANEOUS_RING, withConfirmationRequired } from './ring-settings.ts';
import type { SettingContext, SettingDefinition, SettingDocument } from './setting-documents.ts';
import type { SettingOwners } from './settings-service.ts';

// A workspace's settings documents: the same mechanism and, where the documents are the same as a
// person's, the same definitions (their rules look at the owner's line, never at a person), so the
// call engine reads a workspace's documents as it reads a person's (domain/calls/person-routing.ts
// with the party's line kind). Webex's defaults for a new workspace.

/** A workspace's Do Not Disturb has no Webex Go override (no mobile device). */
export const WORKSPACE_DO_NOT_DISTURB: SettingDefinition = {
  key: 'doNotDisturb',
  defaults: { enabled: false, ringSplashEnabled: false },
  changesCalls: true,
};

// Configuration only: the simulator has no anonymous callers to reject and no barge-in feature
// access code yet, so these change no simulated call.
export const ANONYMOUS_CALL_REJECT: SettingDefinition = { key: 'anonymousCallReject', defaults: { enabled: false }, changesCalls: false };

export const BARGE_IN: SettingDefinition = { key: 'bargeIn', defaults: { enabled: false, toneEnabled: false }, changesCalls: false };

/**
 * A workspace's voicemail: a person's document and rules, but a workspace has no email address,
 * so the addresses Webex shows before any is set are empty.
 */
export const WORKSPACE_VOICEMAIL: SettingDefinition = {
  ...VOICEMAIL,
  inherited: async () => ({ emailCopyOfMessage: { emailId: '' }, messageStorage: { externalEmail: '' } }),
};

/** Simultaneous ring, shown as the workspace paths name its numbers' confirmation flag. */
export const WORKSPACE_SIMULTANEOUS_RING: SettingDefinition = {
  ...SIMULTANEOUS_RING,
  present: async (doc, ctx) => withConfirmationRequired(await SIMULTANEOUS_RING.present!(doc, ctx)),
};

const workspaceOf = async (ctx: SettingContext) => (await ctx.store.workspaces.get(ctx.orgId, ctx.owner.id))!;

/**
 * A workspace's caller ID: as a person's (domain/calls/caller-id.ts presents it on calls), with
 * the workspace's display name where a person has first and last names. The direct line is the
 * workspace's own number.
 */
export const WORKSPACE_CALLER_ID: SettingDefinition = {
  key: 'callerId',
  defaults: { blockInForwardCallsEnabled: false, externalCallerIdNamePolicy: 'DIRECT_LINE', directLineCallerIdName: { selection: 'DISPLAY_NAME' } },
  inherited: async (ctx) => ({ selected: (await workspaceOf(ctx)).phoneNumber ? 'DIRECT_LINE' : 'LOCATION_NUMBER' }),
  check: async (doc, ctx) => {
    if (doc.selected === 'CUSTOM') {
      const custom = typeof doc.customNumber === 'string' ? doc.customNumber : '';
      const number = custom ? await ctx.store.numbers.get(custom) : undefined;
      if (!number || number.orgId !== ctx.orgId) throw badRequest('customNumber must be a number of the organization when selected is CUSTOM.');
    }
    if (doc.selected === 'DIRECT_LINE' && !(await workspaceOf(ctx)).phoneNumber) throw badRequest('selected DIRECT_LINE needs the workspace to have a direct number.');
    if (doc.externalCallerIdNamePolicy === 'OTHER' && !String(doc.customExternalCallerIdName ?? '').trim()) {
      throw badRequest('customExternalCallerIdName is required when externalCallerIdNamePolicy is OTHER.');
    }
    if (doc.directLineCallerIdName && (doc.directLineCallerIdName as SettingDocument).selection === 'CUSTOM_NAME' && !(doc.directLineCallerIdName as SettingDocument).customName) {
      throw badRequest('directLineCallerIdName.customName is required when its selection is CUSTOM_NAME.');
    }
  },
  present: async (doc, ctx) => {
    const workspace = await workspaceOf(ctx);
    const locationId = ctx.owner.locationId;
    const [location, main, calling] = await Promise.all([ctx.store.locations.get(ctx.orgId, locationId), ctx.store.locationNumbers.mainNumber(locationId), ctx.store.locationCalling.get(locationId)]);
    // Cisco's document requires both numbers: an empty string where the workspace or location has none.
    return {
      types: [...(workspace.phoneNumber ? ['DIRECT_LINE'] : []), 'LOCATION_NUMBER', 'CUSTOM'],
      ...doc,
      directNumber: workspace.phoneNumber ?? '',
      locationNumber: main?.phoneNumber ?? '',
      tollFreeLocationNumber: false,
      displayName: (doc.displayName as string | undefined) ?? workspace.displayName,
      locationExternalCallerIdName: calling?.externalCallerIdName ?? location?.name ?? '',
    };
  },
  changesCalls: true,
};

export const WORKSPACE_SETTINGS: readonly SettingDefinition[] = [
  WORKSPACE_DO_NOT_DISTURB,
  CALL_WAITING,
  CALL_FORWARDING,
  CALL_BRIDGE,
  ANONYMOUS_CALL_REJECT,
  BARGE_IN,
  // The same documents as a person's.
  MUSIC_ON_HOLD,
  OUTBOUND_BILLING_PLAN,
  CALL_POLICIES,
  PUSH_TO_TALK,
  MONITORING,
  PRIVACY,
  INCOMING_PERMISSION,
  OUTGOING_PERMISSION,
  OUTGOING_ACCESS_CODES,
  OUTGOING_TRANSFER_NUMBERS,
  OUTGOING_DIGIT_PATTERNS,
  INTERCEPT,
  WORKSPACE_SIMULTANEOUS_RING,
  SEQUENTIAL_RING,
  PRIORITY_ALERT,
  SELECTIVE_ACCEPT,
  SELECTIVE_REJECT,
  SELECTIVE_FORWARD,
  WORKSPACE_VOICEMAIL,
  WORKSPACE_CALLER_ID,
  DEVICE_COMPRESSION,
];

/** Workspaces with a Webex Calling line own call settings; any other is a 404. */
export const WORKSPACES: SettingOwners = {
  kind: 'workspace',
  async find(store, orgId, publicId) {
    const workspace = await callingWorkspaceOf(store, orgId, publicId);
    return { owner: { kind: 'workspace', id: workspace.id, orgId, locationId: workspace.callingLocationId! } };
  },
};
