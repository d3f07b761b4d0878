import { randomUUID } from 'node:crypto';
import type { Location, Page, Store } from '../../store/store.ts';
import { timestamp, type Clock } from '../clock.ts';
import { badRequest, conflict } from '../errors.ts';
import { findCallingLocation } from '../locations/location-service.ts';
import { decodeId } from '../webex-ids.ts';
import {
  checkDifferentHours,
  checkHoliday,
  checkModeForwarding,
  checkModeName,
  checkSameHours,
  checkUniqueHolidays,
  holidayNotFound,
  MAX_MODES,
  modeNameInUse,
  operatingModeNotFound,
  type HolidayInput,
  type HoursInput,
} from './operating-mode-rules.ts';
import { MODE_TYPES, type ModeHoliday, type ModeType, type OperatingMode, type OperatingModeSettings } from './operating-mode-types.ts';

// Operating modes of the organization and its locations (at most 100 per level), with their
// holidays. A mode an auto attendant's forwarding uses cannot be deleted.

export type ModeInput = {
  name?: string;
  type?: string;
  level?: string;
  locationId?: string;
  sameHoursDaily?: { mondayToFriday?: HoursInput; saturdayToSunday?: HoursInput };
  differentHoursDaily?: Partial<Record<string, HoursInput>>;
  holidays?: HolidayInput[];
  callForwarding?: unknown;
};

export type ModeListQuery = { limitToLocationId: string; limitToOrgLevelEnabled?: boolean; name?: string; order?: string; start: number; max: number };

export class OperatingModeService {
  private readonly store: Store;
  private readonly clock: Clock;

  constructor(store: Store, clock: Clock) {
    this.store = store;
    this.clock = clock;
  }

  async list(orgId: string, query: ModeListQuery): Promise<{ page: Page<OperatingMode, number>; locations: Map<string, Location> }> {
    const location = await findCallingLocation(this.store, orgId, query.limitToLocationId);
    const order = query.order?.toLowerCase().includes('desc') ? 'desc' : 'asc';
    const page = await this.store.operatingModes.list(orgId, { locationId: location.id, orgLevelOnly: query.limitToOrgLevelEnabled === true, name: query.name, order, start: query.start, max: query.max });
    return { page, locations: new Map([[location.id, location]]) };
  }

  /** Modes a feature of the location may use: the location's and the organization's. */
  async available(orgId: string, locationPublicId: string): Promise<OperatingMode[]> {
    const location = await findCallingLocation(this.store, orgId, locationPublicId);
    return (await this.store.operatingModes.list(orgId, { locationId: location.id, start: 0, max: 2 * MAX_MODES })).items;
  }

  async create(orgId: string, input: ModeInput): Promise<OperatingMode> {
    return this.store.transaction(async (tx) => {
      const name = checkModeName(input.name);
      const type = input.type as ModeType;
      if (!MODE_TYPES.includes(type)) throw badRequest(`type must be one of ${MODE_TYPES.join(', ')}.`);
      let location: Location | null = null;
      if (input.level === 'LOCATION') {
        if (input.locationId === undefined) throw badRequest('locationId is required for a LOCATION operating mode.');
        location = await findCallingLocation(tx, orgId, input.locationId);
      } else if (input.level === 'ORGANIZATION') {
        if (input.locationId !== undefined) throw badRequest('An ORGANIZATION operating mode takes no locationId.');
      } else throw badRequest('level must be ORGANIZATION or LOCATION.');
      if ((await tx.operatingModes.count(orgId, location?.id ?? null)) >= MAX_MODES) throw conflict(`At most ${MAX_MODES} operating modes per level.`);
      if (await tx.operatingModes.findByName(orgId, location?.id ?? null, name)) throw modeNameInUse(name);
      const now = timestamp(this.clock);
      const mode: OperatingMode = {
        id: randomUUID(),
        orgId,
        locationId: location?.id ?? null,
        name,
        type,
        settings: this.settings(type, input, { holidays: [], callForwarding: { enabled: false, destinationVoicemailEnabled: false } }),
        created: now,
        lastModified: now,
      };
      await tx.operatingModes.insert(mode);
      return mode;
    });
  }

  async get(orgId: string, publicId: string): Promise<{ mode: OperatingMode; location: Location | undefined }> {
    const mode = await this.find(this.store, orgId, publicId);
    return { mode, location: mode.locationId ? await this.store.locations.get(orgId, mode.locationId) : undefined };
  }

  async update(orgId: string, publicId: string, input: ModeInput): Promise<void> {
    await this.change(orgId, publicId, async (mode, tx) => {
      const next = { ...mode };
      if (input.name !== undefined) {
        next.name = checkModeName(input.name);
        const namesake = await tx.operatingModes.findByName(orgId, mode.locationId, next.name);
        if (namesake && namesake.id !== mode.id) throw modeNameInUse(next.name);
      }
      next.settings = this.settings(mode.type, input, mode.settings, true);
      return next;
    });
  }

  async delete(orgId: string, publicId: string): Promise<void> {
    await this.store.transaction(async (tx) => {
      const mode = await this.find(tx, orgId, publicId);
      const users = await tx.autoAttendants.list(orgId, { start: 0, max: 10_000 });
      const user = users.items.find((a) => a.settings.callForwarding.operatingModes?.modes.some((m) => m.id === mode.id));
      if (user) throw conflict(`The operating mode is in use by the auto attendant "${user.name}".`);
      await tx.operatingModes.delete(orgId, mode.id);
    });
  }

  async holiday(orgId: string, publicId: string, holidayPublicId: string): Promise<ModeHoliday> {
    const mode = await this.find(this.store, orgId, publicId);
    return mode.settings.holidays[holidayIndex(mode, holidayPublicId)]!;
  }

  async createHoliday(orgId: string, publicId: string, input: HolidayInput): Promise<ModeHoliday> {
    let created: ModeHoliday | undefined;
    await this.change(orgId, publicId, async (mode) => {
      if (mode.type !== 'HOLIDAY') throw badRequest('Holidays belong to HOLIDAY operating modes only.');
      created = checkHoliday(input, { id: randomUUID() });
      const holidays = [...mode.settings.holidays, created];
      checkUniqueHolidays(holidays);
      return { ...mode, settings: { ...mode.settings, holidays } };
    });
    return created!;
  }

  async updateHoliday(orgId: string, publicId: string, holidayPublicId: string, input: HolidayInput): Promise<void> {
    await this.change(orgId, publicId, async (mode) => {
      const at = holidayIndex(mode, holidayPublicId);
      const holidays = mode.settings.holidays.map((h, i) => (i === at ? checkHoliday(input, h) : h));
      checkUniqueHolidays(holidays);
      return { ...mode, settings: { ...mode.settings, holidays } };
    });
  }

  async deleteHoliday(orgId: string, publicId: string, holidayPublicId: string): Promise<void> {
    await this.change(orgId, publicId, async (mode) => {
      const at = holidayIndex(mode, holidayPublicId);
      return { ...mode, settings: { ...mode.settings, holidays: mode.settings.holidays.filter((_, i) => i !== at) } };
    });
  }

  async find(store: Store, orgId: string, publicId: string): Promise<OperatingMode> {
    const id = decodeId(publicId, 'OPERATING_MODE');
    const mode = id !== undefined ? await store.operatingModes.get(orgId, id) : undefined;
    if (!mode) throw operatingModeNotFound();
    return mode;
  }

  private async change(orgId: string, publicId: string, fn: (mode: OperatingMode, tx: Store) => Promise<OperatingMode>): Promise<void> {
    await this.store.transaction(async (tx) => {
      const next = await fn(await this.find(tx, orgId, publicId), tx);
      await tx.operatingModes.update({ ...next, lastModified: timestamp(this.clock) });
    });
  }

  /** The schedule the type asks for (required on create, kept when an update leaves it out), holidays and forwarding. */
  private settings(type: ModeType, input: ModeInput, current: OperatingModeSettings, update = false): OperatingModeSettings {
    const out: OperatingModeSettings = { holidays: current.holidays, callForwarding: checkModeForwarding(input.callForwarding, current.callForwarding) };
    if (type === 'SAME_HOURS_DAILY') out.sameHoursDaily = update && input.sameHoursDaily === undefined ? current.sameHoursDaily : checkSameHours(input.sameHoursDaily);
    if (type === 'DIFFERENT_HOURS_DAILY') out.differentHoursDaily = update && input.differentHoursDaily === undefined ? current.differentHoursDaily : checkDifferentHours(input.differentHoursDaily);
    if (input.holidays !== undefined) {
      if (type !== 'HOLIDAY') throw badRequest('Holidays belong to HOLIDAY operating modes only.');
      out.holidays = input.holidays.map((h) => checkHoliday(h, { id: randomUUID() }));
      checkUniqueHolidays(out.holidays);
    } else if (type === 'HOLIDAY' && !update) throw badRequest('holidays are required for a HOLIDAY operating mode.');
    return out;
  }
}

function holidayIndex(mode: OperatingMode, holidayPublicId: string): number {
  const id = decodeId(holidayPublicId, 'OPERATING_MODE_HOLIDAY');
  const at = id === undefined ? -1 : mode.settings.holidays.findIndex((h) => h.id === id);
  if (at < 0) throw holidayNotFound();
  return at;
}
