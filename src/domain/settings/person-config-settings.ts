import { badRequest } from '../errors.ts';
import { clientIdOf, type WebexClient } from '../devices/webex-clients.ts';
import { decodeId, encodeId } from '../webex-ids.ts';
import type { SettingDefinition, SettingDocument } from './setting-documents.ts';
import { checkMembers, checkRange, checkRingNumber, membersOf } from './setting-members.ts';

// Person settings that change no simulated call: Callplane's phones have no soft clients, no
// line keys, no captions, no hold music and no billing, so these are stored and read back with
// Webex's defaults for a new calling user (as wxc_sdk's tests record them) and the rules Webex's
// descriptions state. Settings that change calls are in ring-settings.ts, except push-to-talk
// (here beside its members' rules; the engine reads it: engine/intercom.ts).

/** Lines (devices and apps) a person may have: Webex's per-user limit. */
const MAX_LINES = 35;

export const APPLICATION_SERVICES: SettingDefinition = {
  key: 'applicationServices',
  defaults: {
    ringDevicesForClickToDialCallsEnabled: true,
    ringDevicesForGroupPageEnabled: true,
    ringDevicesForCallParkEnabled: true,
    browserClientEnabled: true,
    desktopClientEnabled: true,
    tabletClientEnabled: true,
    mobileClientEnabled: true,
  },
  // Callplane registers no devices or apps to a person, so every line is free. An enabled client
  // shows its ID (the desktop one is the application of shared line appearances).
  computed: (doc, ctx) => {
    const ids: SettingDocument = {};
    for (const client of ['browser', 'desktop', 'tablet', 'mobile'] as WebexClient[]) if (doc[`${client}ClientEnabled`] === true) ids[`${client}ClientId`] = clientIdOf(ctx.owner.id, client);
    return { ...ids, availableLineCount: MAX_LINES };
  },
  changesCalls: false,
};

/** Push-to-talk members: who may (ALLOW_MEMBERS) or may not (BLOCK_MEMBERS) intercom the person. */
export const PUSH_TO_TALK: SettingDefinition = {
  key: 'pushToTalk',
  defaults: { allowAutoAnswer: true, connectionType: 'ONE_WAY', accessType: 'BLOCK_MEMBERS' },
  check: async (doc, ctx) => {
    await checkMembers('members', (doc.members as string[] | undefined) ?? [], ctx, 100);
  },
  present: async (doc, ctx) => {
    const { members, ...rest } = doc;
    const shown = await membersOf((members as string[] | undefined) ?? [], ctx);
    return shown.length > 0 ? { ...rest, members: shown.map((m) => m.member) } : rest;
  },
  // Read by the engine for intercom calls (*50 + extension): engine/intercom.ts.
  changesCalls: true,
};

const MAX_MONITORED = 50;

/**
 * Monitoring (busy lamp field): the lines a person watches. A PUT names people by ID and calls
 * the notification flag enableCallParkNotification; a GET shows callParkNotificationEnabled.
 */
export const MONITORING: SettingDefinition = {
  key: 'monitoring',
  defaults: { callParkNotificationEnabled: false, monitoredElements: [] },
  check: async (doc, ctx) => {
    if (doc.enableCallParkNotification !== undefined) doc.callParkNotificationEnabled = doc.enableCallParkNotification;
    delete doc.enableCallParkNotification;
    // An element is an ID, or {id, type} as Cisco's example writes it; people only (no call park extensions yet).
    const elements = (doc.monitoredElements as unknown[]).map((e) => (typeof e === 'object' && e !== null ? (e as { id?: unknown }).id : e));
    if (elements.some((e) => typeof e !== 'string')) throw badRequest('monitoredElements: every element needs the ID of a person.');
    await checkMembers('monitoredElements', elements as string[], ctx, MAX_MONITORED);
    doc.monitoredElements = elements;
  },
  present: async (doc, ctx) => {
    const shown = await membersOf(doc.monitoredElements as string[], ctx);
    return {
      callParkNotificationEnabled: doc.callParkNotificationEnabled,
      availableEntriesCount: MAX_MONITORED - shown.length,
      monitoredElements: shown.map((m) => ({ member: { ...m.member, location: m.location.name, locationId: m.location.id } })),
    };
  },
  changesCalls: false,
};

/** Whether the person is an executive, an executive assistant or neither. */
export const EXECUTIVE_ASSISTANT_TYPE: SettingDefinition = { key: 'executiveAssistant', defaults: { type: 'UNASSIGNED' }, changesCalls: true };

export const EXECUTIVE_ALERT: SettingDefinition = {
  key: 'executiveAlert',
  defaults: {
    alertingMode: 'SEQUENTIAL',
    nextAssistantNumberOfRings: 3,
    rolloverEnabled: false,
    rolloverAction: 'VOICE_MESSAGING',
    rolloverWaitTimeInSecs: 20,
    clidNameMode: 'EXECUTIVE_ORIGINATOR',
    clidPhoneNumberMode: 'EXECUTIVE',
  },
  check: async (doc, ctx) => {
    checkRange('nextAssistantNumberOfRings', doc.nextAssistantNumberOfRings, 2, 20);
    checkRange('rolloverWaitTimeInSecs', doc.rolloverWaitTimeInSecs, 1, 7200);
    if (doc.rolloverAction === 'FORWARD' && doc.rolloverEnabled) await checkRingNumber('rolloverForwardToPhoneNumber', doc.rolloverForwardToPhoneNumber, ctx);
    if (doc.clidNameMode === 'CUSTOM' && !doc.customCLIDName) throw badRequest('customCLIDName is required when clidNameMode is CUSTOM.');
    if (doc.clidPhoneNumberMode === 'CUSTOM' && !doc.customCLIDPhoneNumber) throw badRequest('customCLIDPhoneNumber is required when clidPhoneNumberMode is CUSTOM.');
  },
  changesCalls: true,
};

export const EXECUTIVE_SCREENING: SettingDefinition = {
  key: 'executiveScreening',
  defaults: { enabled: false, alertType: 'SILENT', alertAnywhereLocationEnabled: false, alertMobilityLocationEnabled: false, alertSharedCallAppearanceLocationEnabled: false },
  changesCalls: true,
};

/** The assistants an executive has, by ID; a GET shows them with their location. */
export const EXECUTIVE_ASSIGNED_ASSISTANTS: SettingDefinition = {
  key: 'executiveAssignedAssistants',
  defaults: { assistantIds: [] },
  check: async (doc, ctx) => {
    await checkMembers('assistantIds', doc.assistantIds as string[], ctx, 10);
  },
  present: async (doc, ctx) => {
    const shown = await membersOf(doc.assistantIds as string[], ctx);
    if (shown.length === 0) return {};
    // Each assistant opts in on their own settings (EXECUTIVE_ASSISTANT_SETTINGS below).
    const optedIn = async (assistantId: string) => {
      const json = await ctx.store.ownerSettings.get({ orgId: ctx.orgId, kind: 'person', id: assistantId }, 'executiveAssistantSettings');
      const executives = json === undefined ? [] : ((JSON.parse(json) as SettingDocument).executives as { personId: string; optInEnabled: boolean }[] | undefined) ?? [];
      return executives.some((e) => decodeId(e.personId, 'PEOPLE') === ctx.owner.id && e.optInEnabled === true);
    };
    return {
      assistants: await Promise.all(
        shown.map(async ({ person, number, location }) => ({
          id: encodeId('PEOPLE', person.id),
          ...(person.firstName ? { firstName: person.firstName } : {}),
          ...(person.lastName ? { lastName: person.lastName } : {}),
          ...(number ? { directNumber: number } : {}),
          ...(person.extension ? { extension: person.extension } : {}),
          optInEnabled: await optedIn(person.id),
          location,
        })),
      ),
    };
  },
  changesCalls: true,
};

/** An assistant's own settings: forwarding of filtered calls and the executives they opted in to. */
export const EXECUTIVE_ASSISTANT_SETTINGS: SettingDefinition = {
  key: 'executiveAssistantSettings',
  defaults: { forwardFilteredCallsEnabled: false, executives: [] },
  check: async (doc, ctx) => {
    if (doc.forwardFilteredCallsEnabled) await checkRingNumber('forwardToPhoneNumber', doc.forwardToPhoneNumber, ctx);
    const executives = doc.executives as { personId: string; optInEnabled: boolean }[];
    await checkMembers('executives', executives.map((e) => e.personId), ctx, 100);
  },
  present: async (doc, ctx) => {
    const executives = doc.executives as { personId: string; optInEnabled: boolean }[];
    const shown = await membersOf(executives.map((e) => e.personId), ctx);
    const { executives: _, ...rest } = doc;
    if (shown.length === 0) return rest;
    return {
      ...rest,
      executives: shown.map(({ person, number }, i) => ({
        id: encodeId('PEOPLE', person.id),
        ...(person.firstName ? { firstName: person.firstName } : {}),
        ...(person.lastName ? { lastName: person.lastName } : {}),
        directNumber: number ?? '',
        extension: person.extension ?? '',
        optInEnabled: executives.find((e) => e.personId === shown[i]!.member.id)?.optInEnabled ?? false,
      })),
    };
  },
  changesCalls: true,
};

/** Closed captions and transcripts: the location's own values are shown beside the person's. */
export const CALL_CAPTIONS: SettingDefinition = {
  key: 'callCaptions',
  defaults: { userClosedCaptionsEnabled: false, userTranscriptsEnabled: false, useLocationSettingsEnabled: true },
  computed: () => ({ locationClosedCaptionsEnabled: false, locationTranscriptsEnabled: false }),
  changesCalls: false,
};

/** Music on hold: on, following the location, with Webex's default greeting. */
export const MUSIC_ON_HOLD: SettingDefinition = {
  key: 'musicOnHold',
  defaults: { mohEnabled: true, greeting: 'DEFAULT' },
  computed: () => ({ mohLocationEnabled: true }),
  check: async (doc, ctx) => {
    if (doc.greeting !== 'CUSTOM') return;
    const file = doc.audioAnnouncementFile as { id?: string } | undefined;
    if (!file?.id) throw badRequest('audioAnnouncementFile is required when greeting is CUSTOM.');
  },
  changesCalls: true,
};

export const OUTBOUND_BILLING_PLAN: SettingDefinition = { key: 'outboundBillingPlan', defaults: { enabled: false }, changesCalls: false };

/** Personal assistant: an away presence that tells callers why the person does not answer. */
export const PERSONAL_ASSISTANT: SettingDefinition = {
  key: 'personalAssistant',
  defaults: { enabled: false, presence: 'NONE', transferEnabled: false, alerting: 'ALERT_ME_FIRST', alertMeFirstNumberOfRings: 2 },
  check: async (doc, ctx) => {
    checkRange('alertMeFirstNumberOfRings', doc.alertMeFirstNumberOfRings, 2, 20);
    if (doc.transferEnabled) await checkRingNumber('transferNumber', doc.transferNumber, ctx);
    if (doc.untilDateTime !== undefined && Number.isNaN(Date.parse(String(doc.untilDateTime)))) throw badRequest('untilDateTime is not a date and time.');
  },
  changesCalls: true,
};

/** The Call Settings For Me view: Webex leaves presence out while it is NONE. */
export const MY_PERSONAL_ASSISTANT: SettingDefinition = {
  key: 'myPersonalAssistant',
  defaults: {},
  viewOf: {
    key: 'personalAssistant',
    read: ({ presence, ...doc }) => (presence === 'NONE' ? doc : { ...doc, presence }),
    write: (update) => update,
  },
  changesCalls: true,
};

/** The Microsoft Teams settings a person may hold (HIDE_WEBEX_APP); presence sync is the organization's. */
export const MS_TEAMS: SettingDefinition = {
  key: 'msTeams',
  defaults: {},
  check: (doc, ctx) => {
    const { settingName, value, ...rest } = doc;
    if (settingName === undefined) return;
    for (const key of Object.keys(doc)) delete doc[key];
    Object.assign(doc, rest, { [String(settingName)]: { value, lastModified: ctx.now ?? ctx.person.created } });
  },
  present: async (doc, ctx) => {
    const own = doc.HIDE_WEBEX_APP as { value: boolean; lastModified: string } | undefined;
    return {
      personId: encodeId('PEOPLE', ctx.person.id),
      orgId: encodeId('ORGANIZATION', ctx.orgId),
      settings: [
        own ? { settingName: 'HIDE_WEBEX_APP', level: 'PEOPLE', ...own } : { settingName: 'HIDE_WEBEX_APP', level: 'GLOBAL', value: true, lastModified: ctx.person.created },
        { settingName: 'PRESENCE_SYNC', level: 'GLOBAL', value: true, lastModified: ctx.person.created },
      ],
    };
  },
  changesCalls: false,
};

/** Who sees the connected party on redirected calls (Call Settings For Me). */
export const CALL_POLICIES: SettingDefinition = { key: 'callPolicies', defaults: { connectedLineIdPrivacyOnRedirectedCalls: 'NO_PRIVACY' }, changesCalls: true };

/** Hoteling guest: the host phone a person signs in on (a person of the organization with hoteling). */
export const HOTELING_GUEST: SettingDefinition = {
  key: 'hotelingGuest',
  defaults: { enabled: false, associationLimitEnabled: true, associationLimitHours: 24 },
  check: async (doc, ctx) => {
    checkRange('associationLimitHours', doc.associationLimitHours, 1, 999);
    if (doc.hostId === undefined) return;
    await checkMembers('hostId', [String(doc.hostId)], ctx, 1);
  },
  present: async (doc, ctx) => {
    const { hostId, ...rest } = doc;
    const [host] = hostId ? await membersOf([String(hostId)], ctx) : [];
    if (!host) return rest;
    return {
      ...rest,
      hostId: host.member.id,
      ...(host.person.firstName ? { hostFirstName: host.person.firstName } : {}),
      ...(host.person.lastName ? { hostLastName: host.person.lastName } : {}),
      ...(host.number ? { hostPhoneNumber: host.number } : {}),
      ...(host.person.extension ? { hostExtension: host.person.extension } : {}),
      hostLocation: host.location,
    };
  },
  changesCalls: false,
};

const MAX_SPEED_DIALS = 100;

/** A person's speed dials (Call Settings For Me): numbers, each with an optional line key label. */
export const SPEED_DIALS: SettingDefinition = {
  key: 'speedDials',
  defaults: { speedDials: [] },
  check: async (doc, ctx) => {
    const dials = doc.speedDials as SettingDocument[];
    if (dials.length > MAX_SPEED_DIALS) throw badRequest(`speedDials holds at most ${MAX_SPEED_DIALS} entries.`);
    for (const [i, dial] of dials.entries()) {
      if (dial.id !== undefined) {
        const [member] = await checkMembers(`speedDials[${i}].id`, [String(dial.id)], ctx, 1);
        dial.id = encodeId('PEOPLE', member!.id);
      } else dial.phoneNumber = await checkRingNumber(`speedDials[${i}].phoneNumber`, dial.phoneNumber, ctx);
    }
  },
  present: async (doc, ctx) => {
    const dials = doc.speedDials as SettingDocument[];
    const shown = [];
    for (const dial of dials) {
      if (dial.id === undefined) {
        shown.push({ phoneNumber: dial.phoneNumber, ...(dial.lineKeyLabel ? { lineKeyLabel: dial.lineKeyLabel } : {}) });
        continue;
      }
      const [member] = await membersOf([String(dial.id)], ctx);
      if (!member) continue;
      shown.push({
        id: member.member.id,
        ...(member.person.firstName ? { firstName: member.person.firstName } : {}),
        ...(member.person.lastName ? { lastName: member.person.lastName } : {}),
        displayName: member.person.displayName,
        type: 'PEOPLE',
        phoneNumber: member.number ?? member.person.extension ?? '',
        ...(member.person.extension ? { extension: member.person.extension } : {}),
        locationName: member.location.name,
        locationId: member.location.id,
        ...(dial.lineKeyLabel ? { lineKeyLabel: dial.lineKeyLabel } : {}),
      });
    }
    return { speedDials: shown, availableEntriesCount: MAX_SPEED_DIALS - shown.length };
  },
  changesCalls: false,
};

/**
 * The endpoint that answers the person's Call Control requests without an endpointId. Callplane
 * assigns a person no devices or applications (one simulated phone, which Call Controls use
 * whatever endpointId says), so there is no endpoint to select: only null (clear) is accepted.
 */
export const PREFERRED_ANSWER_ENDPOINT: SettingDefinition = {
  key: 'preferredAnswerEndpoint',
  defaults: {},
  check: (doc) => {
    const id = doc.preferredAnswerEndpointId;
    if (id === null || id === '') delete doc.preferredAnswerEndpointId;
    else if (id !== undefined) throw badRequest(`preferredAnswerEndpointId ${String(id)} is not an endpoint of this person that supports a preferred answer endpoint.`);
  },
  present: async (doc) => ({ ...doc, endpoints: [] }),
  changesCalls: true,
};

/** Every configuration-only person setting of this file, for the registry. */
/**
 * The device settings of a person's or workspace's line (Device Call Settings): compression of
 * their calls' media. Configuration only: simulated calls carry no media to compress.
 */
export const DEVICE_COMPRESSION: SettingDefinition = { key: 'deviceCompression', defaults: { compression: 'OFF' }, changesCalls: false };

export const PERSON_CONFIG_SETTINGS: readonly SettingDefinition[] = [
  APPLICATION_SERVICES,
  PUSH_TO_TALK,
  MONITORING,
  EXECUTIVE_ASSISTANT_TYPE,
  EXECUTIVE_ALERT,
  EXECUTIVE_SCREENING,
  EXECUTIVE_ASSIGNED_ASSISTANTS,
  EXECUTIVE_ASSISTANT_SETTINGS,
  CALL_CAPTIONS,
  MUSIC_ON_HOLD,
  OUTBOUND_BILLING_PLAN,
  PERSONAL_ASSISTANT,
  MY_PERSONAL_ASSISTANT,
  MS_TEAMS,
  CALL_POLICIES,
  HOTELING_GUEST,
  SPEED_DIALS,
  PREFERRED_ANSWER_ENDPOINT,
  DEVICE_COMPRESSION,
];
