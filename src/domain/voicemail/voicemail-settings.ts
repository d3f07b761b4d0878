import { badRequest } from '../errors.ts';
import { SYSTEM_MAX_NUMBER_OF_RINGS } from '../settings/forwarding-rules.ts';
import type { SettingContext, SettingDefinition, SettingDocument } from '../settings/setting-documents.ts';
import { resolveDestination } from '../calls/destinations.ts';

// A person's voicemail document (admin: /v1/people/{id}/features/voicemail; For Me:
// /v1/telephony/config/people/me/settings/voicemail). The sections are wxc_sdk's defaults (unanswered
// calls after 3 rings, busy calls not); `enabled` starts false here, where wxc_sdk's default is
// true, so that a new calling user's unanswered calls ring out as they always have in Callplane
// (docs/voicemail.md says so).
// greetingUploaded is never taken from a PUT: the uploads set it (voicemail-service.ts).

const MIN_NUMBER_OF_RINGS = 2;

export const VOICEMAIL: SettingDefinition = {
  key: 'voicemail',
  defaults: {
    enabled: false,
    sendAllCalls: { enabled: false },
    sendBusyCalls: { enabled: false, greeting: 'DEFAULT', greetingUploaded: false },
    sendUnansweredCalls: { enabled: true, greeting: 'DEFAULT', greetingUploaded: false, numberOfRings: 3 },
    notifications: { enabled: false },
    transferToNumber: { enabled: false },
    emailCopyOfMessage: { enabled: false },
    messageStorage: { mwiEnabled: true, storageType: 'INTERNAL' },
    faxMessage: { enabled: false },
  },
  // The addresses Webex shows before any is set are the person's own email (a virtual line has none).
  inherited: async (ctx) => (ctx.owner.kind === 'person' ? { emailCopyOfMessage: { emailId: ctx.person.email }, messageStorage: { externalEmail: ctx.person.email } } : {}),
  computed: () => ({ sendUnansweredCalls: { systemMaxNumberOfRings: SYSTEM_MAX_NUMBER_OF_RINGS } }),
  check: checkVoicemail,
  changesCalls: true,
};

type Doc = Record<string, Record<string, unknown>>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

async function checkVoicemail(next: SettingDocument, ctx: SettingContext): Promise<void> {
  const doc = next as Doc;
  const rings = doc.sendUnansweredCalls!.numberOfRings;
  if (typeof rings !== 'number' || !Number.isInteger(rings) || rings < MIN_NUMBER_OF_RINGS || rings > SYSTEM_MAX_NUMBER_OF_RINGS) {
    throw badRequest(`sendUnansweredCalls.numberOfRings must be between ${MIN_NUMBER_OF_RINGS} and ${SYSTEM_MAX_NUMBER_OF_RINGS}, inclusive.`);
  }
  for (const name of ['sendBusyCalls', 'sendUnansweredCalls'] as const) {
    if (doc[name]!.greeting === 'CUSTOM' && doc[name]!.greetingUploaded !== true) {
      throw badRequest(`${name}.greeting cannot be CUSTOM before a custom greeting has been uploaded.`);
    }
  }
  const notifications = doc.notifications!;
  if (notifications.enabled === true && !notifications.destination && !notifications.smsDestination) {
    throw badRequest('notifications.destination or notifications.smsDestination is required when notifications are enabled.');
  }
  if (typeof notifications.destination === 'string' && notifications.destination !== '' && !EMAIL.test(notifications.destination)) {
    throw badRequest(`notifications.destination "${notifications.destination}" is not an email address.`);
  }
  if (typeof notifications.smsDestination === 'string' && notifications.smsDestination !== '' && !/^\+1\d{10}$/.test(notifications.smsDestination)) {
    throw badRequest('notifications.smsDestination must be a US or Canada number in E.164 format (+1 and 10 digits).');
  }
  const email = doc.emailCopyOfMessage!;
  if (email.enabled === true && (typeof email.emailId !== 'string' || !EMAIL.test(email.emailId))) {
    throw badRequest('emailCopyOfMessage.emailId must be an email address when emailCopyOfMessage is enabled.');
  }
  const storage = doc.messageStorage!;
  if (storage.storageType === 'EXTERNAL' && (typeof storage.externalEmail !== 'string' || !EMAIL.test(storage.externalEmail))) {
    throw badRequest('messageStorage.externalEmail must be an email address when storageType is EXTERNAL.');
  }
  const fax = doc.faxMessage!;
  if (fax.enabled === true && !fax.phoneNumber) throw badRequest('faxMessage.phoneNumber is required when faxMessage is enabled.');
  const transfer = doc.transferToNumber!;
  const destination = typeof transfer.destination === 'string' ? transfer.destination.trim() : '';
  if (transfer.enabled === true && destination === '') throw badRequest('transferToNumber.destination is required when transferToNumber is enabled.');
  if (destination !== '') {
    const party = await resolveDestination(ctx.store, { orgId: ctx.orgId, locationId: ctx.owner.locationId }, destination);
    if (!party || party.kind === 'feature') throw badRequest(`transferToNumber.destination "${destination}" is not a number a caller can be transferred to.`);
  }
}

/** What the call engine reads of a person's voicemail document (person-routing.ts). */
export type VoicemailPolicy = { enabled: boolean; sendAll: boolean; sendBusy: boolean; sendUnanswered?: { numberOfRings: number } };

export function voicemailPolicy(doc: SettingDocument): VoicemailPolicy {
  const d = doc as Doc;
  return {
    enabled: doc.enabled === true,
    sendAll: d.sendAllCalls?.enabled === true,
    sendBusy: d.sendBusyCalls?.enabled === true,
    ...(d.sendUnansweredCalls?.enabled === true ? { sendUnanswered: { numberOfRings: Number(d.sendUnansweredCalls.numberOfRings ?? 3) } } : {}),
  };
}
