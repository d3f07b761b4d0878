import { randomUUID } from 'node:crypto';
import type { StoredAutoAttendant } from '../../store/auto-attendants-store.ts';
import type { Location, Page, Store } from '../../store/store.ts';
import { timestamp, type Clock } from '../clock.ts';
import { badRequest, conflict, notFound } from '../errors.ts';
import { extensionInUse, numberInUse, numberNotInLocation } from '../hunt-groups/hunt-group-lines.ts';
import { findCallingLocation } from '../locations/location-service.ts';
import { extensionHeldByLine, heldByLine } from '../lines/line-checks.ts';
import { isValidExtension, looseE164 } from '../phone-numbers.ts';
import { decodeId } from '../webex-ids.ts';
import { autoAttendantNameInUse, autoAttendantNotFound, checkAutoAttendantName, checkMenu, numberOrExtensionRequired, type MenuInput } from './auto-attendant-rules.ts';
import type { AudioFile, AutoAttendantSettings, Dialing, Menu } from './auto-attendant-types.ts';

// Auto attendants of a calling location: a number and/or extension answered by a menu, the
// business-hours one while the location's business schedule is open (and no holiday), the
// after-hours one otherwise. Names are unique per location; numbers and extensions are checked
// against people, hunt groups and other auto attendants.

export type AutoAttendantInput = {
  name?: string;
  phoneNumber?: string;
  extension?: string;
  firstName?: string;
  lastName?: string;
  alternateNumbers?: { phoneNumber: string; ringPattern?: string }[];
  languageCode?: string;
  businessSchedule?: string;
  holidaySchedule?: string;
  extensionDialing?: string;
  nameDialing?: string;
  timeZone?: string;
  businessHoursMenu?: MenuInput;
  afterHoursMenu?: MenuInput;
};

export type AutoAttendantListQuery = { locationId?: string; name?: string; phoneNumber?: string; start: number; max: number };

const FORWARD_OFF = { enabled: false, ringReminderEnabled: false, destinationVoicemailEnabled: false };

function checkTimeZone(value: string): string {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return value;
  } catch {
    throw badRequest(`timeZone "${value}" is not a time zone.`);
  }
}

function checkDialing(value: string, field: string): Dialing {
  if (value !== 'ENTERPRISE' && value !== 'GROUP') throw badRequest(`${field} must be ENTERPRISE or GROUP.`);
  return value;
}

/** Whether another line of the location holds the extension: a person, a feature, a virtual extension, or a line (line-checks.ts). */
export async function extensionHeld(tx: Store, location: Pick<Location, 'id' | 'orgId'>, extension: string): Promise<boolean> {
  const lookups = [
    () => tx.people.findByExtension(location.id, extension),
    () => tx.huntGroups.findByExtension(location.id, extension),
    () => tx.callQueues.findByExtension(location.id, extension),
    () => tx.voicemailGroups.findByExtension(location.id, extension),
    () => tx.pagingGroups.findByExtension(location.id, extension),
    () => tx.virtualExtensions.findByExtension(location.orgId, location.id, extension),
  ];
  for (const lookup of lookups) if (await lookup()) return true;
  return extensionHeldByLine(tx, location.id, extension);
}

/** Whether a feature or line (line-checks.ts) other than an auto attendant holds the number (people hold theirs in numbers.owner_id). */
async function numberHeld(tx: Store, e164: string): Promise<boolean> {
  const lookups = [
    () => tx.huntGroups.findByNumber(e164),
    () => tx.callQueues.findByNumber(e164),
    () => tx.voicemailGroups.findByNumber(e164),
    () => tx.pagingGroups.findByNumber(e164),
  ];
  for (const lookup of lookups) if (await lookup()) return true;
  return heldByLine(tx, e164);
}

/** The number in E.164 if the auto attendant (id, or a new one) may have it. */
export async function checkFeatureNumber(tx: Store, location: Location, value: string, attendantId: string | undefined, field = 'phoneNumber'): Promise<string> {
  const e164 = looseE164(value);
  if (e164 === undefined) throw badRequest(`${field} "${value}" is not a phone number in E.164 format.`);
  const number = await tx.numbers.get(e164);
  if (!number || number.orgId !== location.orgId || number.locationId !== location.id) throw numberNotInLocation(e164);
  if (number.isMainNumber) throw conflict(`Phone number ${e164} is the main number of its location.`);
  if (number.ownerId !== null || (await numberHeld(tx, e164))) throw numberInUse(e164);
  const attendant = await tx.autoAttendants.findByNumber(e164);
  if (attendant && attendant.id !== attendantId) throw numberInUse(e164);
  return e164;
}

export async function checkFeatureExtension(tx: Store, location: Location, extension: string, attendantId: string | undefined): Promise<string> {
  if (!isValidExtension(extension)) throw badRequest(`Invalid extension "${extension}": an extension is 2 to 10 digits.`);
  if (await extensionHeld(tx, location, extension)) throw extensionInUse(extension);
  const attendant = await tx.autoAttendants.findByExtension(location.id, extension);
  if (attendant && attendant.id !== attendantId) throw extensionInUse(extension);
  return extension;
}

export class AutoAttendantService {
  private readonly store: Store;
  private readonly clock: Clock;

  constructor(store: Store, clock: Clock) {
    this.store = store;
    this.clock = clock;
  }

  async list(orgId: string, query: AutoAttendantListQuery): Promise<{ page: Page<StoredAutoAttendant, number>; locations: Map<string, Location> }> {
    let locationId: string | undefined;
    if (query.locationId !== undefined) {
      locationId = decodeId(query.locationId, 'LOCATION');
      if (locationId === undefined) throw badRequest('locationId is not a location ID.');
    }
    const page = await this.store.autoAttendants.list(orgId, { ...query, locationId, phoneNumber: query.phoneNumber?.replace(/[^\d+]/g, '') });
    const locations = await this.store.locations.getMany(orgId, [...new Set(page.items.map((a) => a.locationId))]);
    return { page, locations: new Map(locations.map((l) => [l.id, l])) };
  }

  async create(orgId: string, locationPublicId: string, input: AutoAttendantInput): Promise<StoredAutoAttendant> {
    return this.store.transaction(async (tx) => {
      const location = await findCallingLocation(tx, orgId, locationPublicId);
      const name = checkAutoAttendantName(input.name ?? '');
      if (input.phoneNumber === undefined && input.extension === undefined) throw numberOrExtensionRequired();
      if (input.businessSchedule === undefined) throw badRequest('businessSchedule is required.');
      if (await tx.autoAttendants.findByName(location.id, name)) throw autoAttendantNameInUse(name);
      const settings: AutoAttendantSettings = {
        firstName: name,
        lastName: 'Auto Attendant',
        alternateNumbers: [],
        languageCode: location.announcementLanguage,
        timeZone: location.timeZone,
        businessSchedule: '',
        extensionDialing: 'ENTERPRISE',
        nameDialing: 'ENTERPRISE',
        businessHoursMenu: checkMenu(input.businessHoursMenu, undefined, 'businessHoursMenu'),
        afterHoursMenu: checkMenu(input.afterHoursMenu, undefined, 'afterHoursMenu'),
        callForwarding: { always: FORWARD_OFF, selective: FORWARD_OFF, rules: [] },
      };
      const now = timestamp(this.clock);
      const draft: StoredAutoAttendant = { id: randomUUID(), orgId, locationId: location.id, name, enabled: true, phoneNumber: null, extension: null, settings, created: now, lastModified: now };
      const attendant = await this.apply(tx, location, draft, { ...input, name: undefined, businessHoursMenu: undefined, afterHoursMenu: undefined });
      await tx.autoAttendants.insert(attendant);
      return attendant;
    });
  }

  async get(orgId: string, locationPublicId: string, attendantPublicId: string): Promise<{ attendant: StoredAutoAttendant; location: Location }> {
    return this.find(this.store, orgId, locationPublicId, attendantPublicId);
  }

  async update(orgId: string, locationPublicId: string, attendantPublicId: string, input: AutoAttendantInput): Promise<void> {
    await this.store.transaction(async (tx) => {
      const { attendant, location } = await this.find(tx, orgId, locationPublicId, attendantPublicId);
      const changed = await this.apply(tx, location, attendant, input);
      await tx.autoAttendants.update({ ...changed, lastModified: timestamp(this.clock) });
    });
  }

  async delete(orgId: string, locationPublicId: string, attendantPublicId: string): Promise<void> {
    await this.store.transaction(async (tx) => {
      const { attendant } = await this.find(tx, orgId, locationPublicId, attendantPublicId);
      await tx.autoAttendants.delete(orgId, attendant.id);
    });
  }

  /** The announcement files the attendant's menus play (greetings, keys, no-input treatment). */
  async announcements(orgId: string, locationPublicId: string, attendantPublicId: string): Promise<AudioFile[]> {
    const { attendant } = await this.find(this.store, orgId, locationPublicId, attendantPublicId);
    const files = new Map<string, AudioFile>();
    for (const menu of [attendant.settings.businessHoursMenu, attendant.settings.afterHoursMenu]) {
      for (const f of filesOf(menu)) if (!files.has(f.fileName)) files.set(f.fileName, f);
    }
    return [...files.values()];
  }

  /** Stops the attendant playing a file: custom greetings that used it fall back to the default one. */
  async deleteAnnouncement(orgId: string, locationPublicId: string, attendantPublicId: string, fileName: string): Promise<void> {
    await this.store.transaction(async (tx) => {
      const { attendant } = await this.find(tx, orgId, locationPublicId, attendantPublicId);
      const s = attendant.settings;
      if (![s.businessHoursMenu, s.afterHoursMenu].some((m) => filesOf(m).some((f) => f.fileName === fileName))) throw notFound('Announcement file not found.');
      const settings = { ...s, businessHoursMenu: withoutFile(s.businessHoursMenu, fileName), afterHoursMenu: withoutFile(s.afterHoursMenu, fileName) };
      await tx.autoAttendants.update({ ...attendant, settings, lastModified: timestamp(this.clock) });
    });
  }

  /** The auto attendant of the location, or 404 (for another organization's or location's too). */
  async find(store: Store, orgId: string, locationPublicId: string, attendantPublicId: string): Promise<{ attendant: StoredAutoAttendant; location: Location }> {
    const location = await findCallingLocation(store, orgId, locationPublicId);
    const id = decodeId(attendantPublicId, 'AUTO_ATTENDANT');
    const attendant = id !== undefined ? await store.autoAttendants.get(orgId, id) : undefined;
    if (!attendant || attendant.locationId !== location.id) throw autoAttendantNotFound();
    return { attendant, location };
  }

  private async apply(tx: Store, location: Location, a: StoredAutoAttendant, input: AutoAttendantInput): Promise<StoredAutoAttendant> {
    const next: StoredAutoAttendant = { ...a, settings: { ...a.settings } };
    const s = next.settings;
    if (input.name !== undefined) {
      next.name = checkAutoAttendantName(input.name);
      const namesake = await tx.autoAttendants.findByName(location.id, next.name);
      if (namesake && namesake.id !== a.id) throw autoAttendantNameInUse(next.name);
    }
    // An empty string removes the number or extension; one of them must remain.
    if (input.phoneNumber !== undefined) next.phoneNumber = input.phoneNumber === '' ? null : await checkFeatureNumber(tx, location, input.phoneNumber, a.id);
    if (input.extension !== undefined) next.extension = input.extension === '' ? null : await checkFeatureExtension(tx, location, input.extension, a.id);
    if (next.phoneNumber === null && next.extension === null) throw numberOrExtensionRequired();
    if (input.alternateNumbers !== undefined) {
      if (input.alternateNumbers.length > 10) throw badRequest('alternateNumbers holds at most 10 numbers.');
      const alternates: AutoAttendantSettings['alternateNumbers'] = [];
      for (const alt of input.alternateNumbers) {
        const phoneNumber = await checkFeatureNumber(tx, location, alt.phoneNumber, a.id, 'alternateNumbers.phoneNumber');
        if (phoneNumber === next.phoneNumber || alternates.some((x) => x.phoneNumber === phoneNumber)) throw badRequest(`alternateNumbers: ${phoneNumber} is given twice.`);
        alternates.push({ phoneNumber, ringPattern: alt.ringPattern ?? 'NORMAL' });
      }
      s.alternateNumbers = alternates;
    }
    if (input.firstName !== undefined) s.firstName = input.firstName;
    if (input.lastName !== undefined) s.lastName = input.lastName;
    if (input.languageCode !== undefined) s.languageCode = input.languageCode;
    if (input.timeZone !== undefined) s.timeZone = checkTimeZone(input.timeZone);
    if (input.extensionDialing !== undefined) s.extensionDialing = checkDialing(input.extensionDialing, 'extensionDialing');
    if (input.nameDialing !== undefined) s.nameDialing = checkDialing(input.nameDialing, 'nameDialing');
    // The schedules are the location's, named by name; an empty holidaySchedule removes it.
    if (input.businessSchedule !== undefined) {
      if (!(await tx.schedules.findByName(location.orgId, location.id, 'businessHours', input.businessSchedule))) {
        throw badRequest(`businessSchedule: the location has no businessHours schedule named "${input.businessSchedule}".`);
      }
      s.businessSchedule = input.businessSchedule;
    }
    if (input.holidaySchedule !== undefined) {
      if (input.holidaySchedule === '') delete s.holidaySchedule;
      else if (!(await tx.schedules.findByName(location.orgId, location.id, 'holidays', input.holidaySchedule))) {
        throw badRequest(`holidaySchedule: the location has no holidays schedule named "${input.holidaySchedule}".`);
      } else s.holidaySchedule = input.holidaySchedule;
    }
    s.businessHoursMenu = checkMenu(input.businessHoursMenu, s.businessHoursMenu, 'businessHoursMenu');
    s.afterHoursMenu = checkMenu(input.afterHoursMenu, s.afterHoursMenu, 'afterHoursMenu');
    return next;
  }
}

function filesOf(menu: Menu): AudioFile[] {
  return [
    ...(menu.audioAnnouncementFile ? [menu.audioAnnouncementFile] : []),
    ...menu.keyConfigurations.flatMap((k) => (k.audioAnnouncementFile ? [k.audioAnnouncementFile] : [])),
    ...(menu.callTreatment?.actionToBePerformed.audioAnnouncementFile ? [menu.callTreatment.actionToBePerformed.audioAnnouncementFile] : []),
  ];
}

function withoutFile(menu: Menu, fileName: string): Menu {
  const next: Menu = { ...menu, keyConfigurations: menu.keyConfigurations.map((k) => (k.audioAnnouncementFile?.fileName === fileName ? { ...k, audioAnnouncementFile: undefined } : k)) };
  next.keyConfigurations = next.keyConfigurations.map(({ audioAnnouncementFile, ...k }) => (audioAnnouncementFile ? { ...k, audioAnnouncementFile } : k));
  if (menu.audioAnnouncementFile?.fileName === fileName) {
    delete next.audioAnnouncementFile;
    next.greeting = 'DEFAULT';
  }
  const treatment = menu.callTreatment;
  if (treatment?.actionToBePerformed.audioAnnouncementFile?.fileName === fileName) {
    const { audioAnnouncementFile: _, ...action } = treatment.actionToBePerformed;
    next.callTreatment = { ...treatment, actionToBePerformed: { ...action, greeting: 'DEFAULT' } };
  }
  return next;
}
