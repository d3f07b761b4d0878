import { encodeId } from '../../domain/webex-ids.ts';
import type { Location } from '../../store/store.ts';
import type { StoredVoicemailGroup } from '../../store/voicemail-store.ts';

// A voicemail group as Webex shows it: its document, with the extension a number (as Cisco's
// schema has it) and the ESN (routing prefix + extension) where the location has a prefix.

const esnOf = (g: StoredVoicemailGroup, location: Location | undefined) =>
  g.extension !== null && location?.routingPrefix ? { routingPrefix: location.routingPrefix, esn: `${location.routingPrefix}${g.extension}` } : {};

export function presentVoicemailGroup(g: StoredVoicemailGroup, location: Location) {
  const s = g.settings;
  return {
    id: encodeId('VOICEMAIL_GROUP', g.id),
    name: g.name,
    ...(g.phoneNumber !== null ? { phoneNumber: g.phoneNumber, tollFreeNumber: false } : {}),
    ...(g.extension !== null ? { extension: Number(g.extension) } : {}),
    ...esnOf(g, location),
    ...(typeof s.firstName === 'string' ? { firstName: s.firstName } : {}),
    ...(typeof s.lastName === 'string' ? { lastName: s.lastName } : {}),
    enabled: g.enabled,
    languageCode: s.languageCode,
    greeting: s.greeting,
    greetingUploaded: s.greetingUploaded === true,
    ...(typeof s.greetingDescription === 'string' ? { greetingDescription: s.greetingDescription } : {}),
    messageStorage: s.messageStorage,
    notifications: s.notifications,
    faxMessage: s.faxMessage,
    transferToNumber: s.transferToNumber,
    emailCopyOfMessage: s.emailCopyOfMessage,
    voiceMessageForwardingEnabled: s.voiceMessageForwardingEnabled !== false,
    ...(s.directLineCallerIdName ? { directLineCallerIdName: s.directLineCallerIdName } : {}),
    dialByName: typeof s.dialByName === 'string' ? s.dialByName : g.name,
  };
}

export function presentVoicemailGroupItem(g: StoredVoicemailGroup, location: Location | undefined) {
  return {
    id: encodeId('VOICEMAIL_GROUP', g.id),
    name: g.name,
    ...(location ? { locationName: location.name, locationId: encodeId('LOCATION', location.id) } : {}),
    ...(g.extension !== null ? { extension: g.extension } : {}),
    ...esnOf(g, location),
    ...(g.phoneNumber !== null ? { phoneNumber: g.phoneNumber, tollFreeNumber: false } : {}),
    enabled: g.enabled,
  };
}
