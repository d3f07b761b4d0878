import type { Menu } from '../../domain/auto-attendants/auto-attendant-types.ts';
import type { ForwardingRule } from '../../domain/hunt-groups/hunt-group-types.ts';
import { encodeId } from '../../domain/webex-ids.ts';
import type { StoredAutoAttendant } from '../../store/auto-attendants-store.ts';
import type { Location } from '../../store/store.ts';

export const autoAttendantId = (id: string) => encodeId('AUTO_ATTENDANT', id);
export const ruleId = (id: string) => encodeId('CALL_FORWARDING_SELECTIVE_RULE', id);

// Callplane's number inventory has no toll-free auto attendant numbers apart: tollFreeNumber is false.
const line = (a: StoredAutoAttendant, routingPrefix: string | null) => ({
  ...(a.phoneNumber ? { phoneNumber: a.phoneNumber } : {}),
  ...(a.extension !== null ? { extension: a.extension } : {}),
  ...(a.extension !== null && routingPrefix !== null ? { routingPrefix, esn: `${routingPrefix}${a.extension}` } : {}),
  tollFreeNumber: false,
});

export const presentListItem = (a: StoredAutoAttendant, location: Location | undefined) => ({
  id: autoAttendantId(a.id),
  name: a.name,
  locationName: location?.name ?? '',
  locationId: encodeId('LOCATION', a.locationId),
  ...line(a, location?.routingPrefix ?? null),
});

const presentMenu = (m: Menu) => ({
  greeting: m.greeting,
  extensionEnabled: m.extensionEnabled,
  ...(m.audioAnnouncementFile ? { audioAnnouncementFile: m.audioAnnouncementFile } : {}),
  keyConfigurations: m.keyConfigurations,
  ...(m.callTreatment ? { callTreatment: m.callTreatment } : {}),
});

export function presentAutoAttendant(a: StoredAutoAttendant, location: Location) {
  const s = a.settings;
  return {
    id: autoAttendantId(a.id),
    name: a.name,
    enabled: a.enabled,
    ...line(a, location.routingPrefix),
    firstName: s.firstName,
    lastName: s.lastName,
    alternateNumbers: s.alternateNumbers.map((n) => ({ phoneNumber: n.phoneNumber, tollFreeNumber: false, ringPattern: n.ringPattern as 'NORMAL' })),
    language: s.languageCode,
    languageCode: s.languageCode,
    businessSchedule: s.businessSchedule,
    ...(s.holidaySchedule !== undefined ? { holidaySchedule: s.holidaySchedule } : {}),
    extensionDialing: s.extensionDialing,
    nameDialing: s.nameDialing,
    timeZone: s.timeZone,
    businessHoursMenu: presentMenu(s.businessHoursMenu),
    afterHoursMenu: presentMenu(s.afterHoursMenu),
  };
}

export const presentRule = (r: ForwardingRule) => ({
  ...r,
  id: ruleId(r.id),
  businessSchedule: r.businessSchedule ?? '',
  forwardTo: r.forwardTo as { selection: 'FORWARD_TO_DEFAULT_NUMBER' | 'FORWARD_TO_SPECIFIED_NUMBER' | 'DO_NOT_FORWARD'; phoneNumber?: string },
  callsFrom: r.callsFrom as { selection: 'ANY' | 'CUSTOM'; customNumbers?: { privateNumberEnabled: boolean; unavailableNumberEnabled: boolean; numbers: string[] } },
  callsTo: r.callsTo as never,
});

/** The one-line summary of a rule that the forwarding settings list. */
export const ruleSummary = (r: ForwardingRule) => ({
  id: ruleId(r.id),
  name: r.name,
  callsFrom: r.callsFrom.selection === 'ANY' ? 'Any' : (r.callsFrom.customNumbers?.numbers.join(', ') ?? 'Custom'),
  callsTo: r.callsTo.numbers.length === 0 ? 'Any' : r.callsTo.numbers.map((n) => n.phoneNumber ?? n.extension).join(', '),
  forwardTo: r.forwardTo.selection === 'FORWARD_TO_SPECIFIED_NUMBER' ? r.forwardTo.phoneNumber! : r.forwardTo.selection,
  enabled: r.enabled,
});
