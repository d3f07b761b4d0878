import { badRequest } from '../errors.ts';
import { checkLanguage, checkTimeZone } from '../locations/location-rules.ts';
import { checkForwarding, SYSTEM_MAX_NUMBER_OF_RINGS } from './forwarding-rules.ts';
import { checkReception, presentReception } from './reception-rules.ts';
import type { SettingDefinition } from './setting-documents.ts';
import { VOICEMAIL } from '../voicemail/voicemail-settings.ts';

// A person's settings documents: Webex's defaults for a new calling user (as Webex answers and as
// the public SDK wxc_sdk records them), never the example values of Cisco's document.

export const DO_NOT_DISTURB: SettingDefinition = {
  key: 'doNotDisturb',
  defaults: { enabled: false, ringSplashEnabled: false, webexGoOverrideEnabled: false },
  changesCalls: true,
};

/**
 * "Mobile User Aware": whether a mobile device still rings under Do Not Disturb. It is the DND
 * document's webexGoOverrideEnabled on a path of its own. Callplane simulates one phone per person
 * and no mobile device, so it changes no simulated call.
 */
export const WEBEX_GO_OVERRIDE: SettingDefinition = {
  key: 'webexGoOverride',
  defaults: {},
  viewOf: {
    key: 'doNotDisturb',
    read: (doc) => ({ enabled: doc.webexGoOverrideEnabled }),
    write: (update) => (update.enabled === undefined ? {} : { webexGoOverrideEnabled: update.enabled }),
  },
  changesCalls: false,
};

export const CALL_WAITING: SettingDefinition = {
  key: 'callWaiting',
  // Webex turns call waiting on for every new calling user.
  defaults: { enabled: true },
  changesCalls: true,
};

const off = { enabled: false, destinationVoicemailEnabled: false };

export const CALL_FORWARDING: SettingDefinition = {
  key: 'callForwarding',
  defaults: {
    callForwarding: {
      always: { ...off, ringReminderEnabled: false },
      busy: { ...off },
      noAnswer: { ...off, numberOfRings: 3 },
    },
    businessContinuity: { ...off },
  },
  computed: () => ({ callForwarding: { noAnswer: { systemMaxNumberOfRings: SYSTEM_MAX_NUMBER_OF_RINGS } } }),
  check: checkForwarding,
  changesCalls: true,
};

// Configuration only: Callplane's simulated phones have no host phones to sign in on, no shared
// line bridging and no receptionist client, so these change no call; they are stored and read back.

export const HOTELING: SettingDefinition = { key: 'hoteling', defaults: { enabled: false }, changesCalls: false };

export const CALL_BRIDGE: SettingDefinition = { key: 'callBridge', defaults: { warningToneEnabled: false }, changesCalls: false };

export const RECEPTION: SettingDefinition = {
  key: 'reception',
  defaults: { receptionEnabled: false },
  check: checkReception,
  present: presentReception,
  changesCalls: false,
};

/** The organization's default calling behavior: Callplane's organizations all call in Webex. */
const ORGANIZATION_BEHAVIOR = 'NATIVE_WEBEX_TEAMS_CALLING';

/**
 * Which Webex telephony application a person uses (no behaviorType: the organization's default).
 * Callplane has no UC Manager profiles, so a profileId other than "" (clear) names none; with the
 * Jabber behavior Webex clears the profile whatever is given.
 */
export const CALLING_BEHAVIOR: SettingDefinition = {
  key: 'callingBehavior',
  defaults: {},
  computed: (doc) => ({ effectiveBehaviorType: (doc.behaviorType as string | undefined) ?? ORGANIZATION_BEHAVIOR }),
  check: (doc) => {
    if (doc.behaviorType === 'CALL_WITH_APP_REGISTERED_FOR_CISCOTEL' || doc.profileId === '') delete doc.profileId;
    if (doc.profileId !== undefined) throw badRequest(`profileId ${String(doc.profileId)} is not a UC Manager profile of this organization.`);
  },
  changesCalls: false,
};

/**
 * A person's time zone and announcement language: their location's until set. Configuration only
 * here: the simulator plays no announcements and keeps call times in UTC, as Webex's APIs do.
 */
export const TIME_ZONE_AND_LANGUAGE: SettingDefinition = {
  key: 'timeZoneAndLanguage',
  defaults: {},
  inherited: async (ctx) => {
    const location = await ctx.store.locations.get(ctx.orgId, ctx.person.locationId!);
    return location ? { timeZone: location.timeZone, announcementLanguage: location.announcementLanguage } : {};
  },
  check: (doc) => {
    doc.timeZone = checkTimeZone(String(doc.timeZone));
    doc.announcementLanguage = checkLanguage('announcementLanguage', String(doc.announcementLanguage));
  },
  changesCalls: false,
};

/** Every person setting the one mechanism serves. */
export const PERSON_SETTINGS: readonly SettingDefinition[] = [DO_NOT_DISTURB, WEBEX_GO_OVERRIDE, CALL_WAITING, CALL_FORWARDING, HOTELING, CALL_BRIDGE, RECEPTION, CALLING_BEHAVIOR, TIME_ZONE_AND_LANGUAGE, VOICEMAIL];
