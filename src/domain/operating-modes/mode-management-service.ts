import type { StoredAutoAttendant } from '../../store/auto-attendants-store.ts';
import type { Location, Store } from '../../store/store.ts';
import { timestamp, type Clock } from '../clock.ts';
import { badRequest, notFound } from '../errors.ts';
import { decodeId } from '../webex-ids.ts';
import { activeSwitch, currentMode, modeDestination, modesOf, normalMode, switchBackAt } from './feature-modes.ts';
import type { ExceptionType, FeatureModes, OperatingMode } from './operating-mode-types.ts';

// Mode management: an administrator assigns a person features (auto attendants with forwarding
// by operating mode, at most 50) whose modes the person may then switch by hand — to a mode until
// its window ends or until switched back, extended by 30-minute steps — and back to normal
// operation. The assignment is kept with the person's settings documents ('modeManagement').

const SETTING = 'modeManagement';
const MAX_FEATURES = 50;

export type ManagedFeature = {
  attendant: StoredAutoAttendant;
  location: Location | undefined;
  fm: FeatureModes | undefined;
  modes: Map<string, OperatingMode>;
  current: ReturnType<typeof currentMode>;
};

export const featureNotFound = () => notFound('Feature not found.');

export class ModeManagementService {
  private readonly store: Store;
  private readonly clock: Clock;

  constructor(store: Store, clock: Clock) {
    this.store = store;
    this.clock = clock;
  }

  /** Features an administrator may assign: auto attendants with forwarding by operating mode. */
  async available(orgId: string, personPublicId: string, query: { name?: string; phoneNumber?: string; extension?: string }): Promise<StoredAutoAttendant[]> {
    await this.person(orgId, personPublicId);
    const all = (await this.store.autoAttendants.list(orgId, { name: query.name, phoneNumber: query.phoneNumber?.replace(/[^\d+]/g, ''), start: 0, max: 10_000 })).items;
    return all.filter((a) => a.settings.callForwarding.operatingModes?.enabled === true && (query.extension === undefined || (a.extension ?? '').includes(query.extension)));
  }

  async assigned(orgId: string, personPublicId: string): Promise<ManagedFeature[]> {
    return this.features(orgId, (await this.person(orgId, personPublicId)).id);
  }

  async assign(orgId: string, personPublicId: string, featureIds: string[]): Promise<void> {
    const person = await this.person(orgId, personPublicId);
    if (featureIds.length > MAX_FEATURES) throw badRequest(`At most ${MAX_FEATURES} features may be assigned for mode management.`);
    const ids: string[] = [];
    for (const publicId of featureIds) {
      const id = decodeId(publicId, 'AUTO_ATTENDANT');
      const attendant = id !== undefined ? await this.store.autoAttendants.get(orgId, id) : undefined;
      if (!attendant) throw badRequest(`featureIds: ${publicId} is not an auto attendant of this organization.`);
      if (attendant.settings.callForwarding.operatingModes?.enabled !== true) throw badRequest(`featureIds: ${publicId} does not forward by operating mode.`);
      if (!ids.includes(id!)) ids.push(id!);
    }
    await this.store.ownerSettings.put({ orgId, kind: 'person', id: person.id }, SETTING, JSON.stringify({ featureIds: ids }), timestamp(this.clock));
  }

  /** The features the person manages, as they are now. */
  async features(orgId: string, personId: string): Promise<ManagedFeature[]> {
    const out: ManagedFeature[] = [];
    for (const id of await this.assignedIds(orgId, personId)) {
      const attendant = await this.store.autoAttendants.get(orgId, id);
      if (attendant) out.push(await this.view(attendant));
    }
    return out;
  }

  /** One feature the person manages; another is a 404 (as if it did not exist). */
  async feature(orgId: string, personId: string, featurePublicId: string): Promise<ManagedFeature> {
    const id = decodeId(featurePublicId, 'AUTO_ATTENDANT');
    if (id === undefined || !(await this.assignedIds(orgId, personId)).includes(id)) throw featureNotFound();
    const attendant = await this.store.autoAttendants.get(orgId, id);
    if (!attendant) throw featureNotFound();
    return this.view(attendant);
  }

  /** The mode the schedule would put in force now, switches aside. */
  async normalOperationMode(orgId: string, personId: string, featurePublicId: string): Promise<OperatingMode | undefined> {
    const f = await this.feature(orgId, personId, featurePublicId);
    return f.fm ? normalMode(f.fm, f.modes, this.clock.now(), f.attendant.settings.timeZone) : undefined;
  }

  async mode(orgId: string, personId: string, featurePublicId: string, modePublicId: string): Promise<{ feature: ManagedFeature; mode: OperatingMode }> {
    const feature = await this.feature(orgId, personId, featurePublicId);
    const mode = feature.modes.get(decodeId(modePublicId, 'OPERATING_MODE') ?? '');
    if (!mode) throw notFound('Operating mode not found for this feature.');
    return { feature, mode };
  }

  /** Switches to a mode: until switched back by hand, or until the mode's window ends. */
  async switchMode(orgId: string, personId: string, featurePublicId: string, modePublicId: string, manualSwitchback: boolean): Promise<void> {
    await this.changeModes(orgId, personId, featurePublicId, (fm, modes, now, timeZone) => {
      const mode = modeOf(modes, modePublicId);
      const endsAt = manualSwitchback ? undefined : switchBackAt(mode, now, timeZone);
      const covering = normalMode(fm, modes, now, timeZone)?.id === mode.id;
      const exceptionType: ExceptionType = endsAt === undefined ? 'MANUAL_SWITCH_BACK' : covering ? 'AUTOMATIC_SWITCH_BACK_STANDARD' : 'AUTOMATIC_SWITCH_BACK_EARLY_START';
      return { ...fm, manual: { modeId: mode.id, exceptionType, ...(endsAt ? { endsAt: endsAt.toISOString() } : {}) } };
    });
  }

  /** Keeps the current mode longer: by minutes (30-minute steps, up to 12 hours) past its end, or until switched back. */
  async extendMode(orgId: string, personId: string, featurePublicId: string, modePublicId: string, minutes: number | undefined): Promise<void> {
    if (minutes !== undefined && (!Number.isInteger(minutes) || minutes < 30 || minutes > 720 || minutes % 30 !== 0)) {
      throw badRequest('extensionTime must be a multiple of 30 minutes, from 30 to 720.');
    }
    await this.changeModes(orgId, personId, featurePublicId, (fm, modes, now, timeZone) => {
      const mode = modeOf(modes, modePublicId);
      const current = currentMode(fm, modes, now, timeZone);
      if (current?.mode.id !== mode.id) throw badRequest('Only the operating mode in force can be extended.');
      if (minutes === undefined) return { ...fm, manual: { modeId: mode.id, exceptionType: 'MANUAL_SWITCH_BACK' } };
      const manual = activeSwitch(fm, now);
      const end = manual?.endsAt ? new Date(manual.endsAt) : (switchBackAt(mode, now, timeZone) ?? now);
      return { ...fm, manual: { modeId: mode.id, exceptionType: 'AUTOMATIC_SWITCH_BACK_EXTENSION', endsAt: new Date(end.getTime() + minutes * 60_000).toISOString() } };
    });
  }

  async switchToNormal(orgId: string, personId: string, featurePublicId: string): Promise<void> {
    await this.changeModes(orgId, personId, featurePublicId, (fm) => {
      const { manual: _, ...rest } = fm;
      return rest;
    });
  }

  /** Switches every feature named to its mode of that name (until switched back by hand). */
  async switchMany(orgId: string, personId: string, featurePublicIds: string[], modeName: string): Promise<void> {
    if (featurePublicIds.length === 0) throw badRequest('featureIds must name at least one feature.');
    for (const featureId of featurePublicIds) {
      const f = await this.feature(orgId, personId, featureId);
      const mode = [...f.modes.values()].find((m) => m.name.toLowerCase() === modeName.toLowerCase());
      if (!mode) throw badRequest(`The feature ${f.attendant.name} has no operating mode named "${modeName}".`);
    }
    for (const featureId of featurePublicIds) {
      const f = await this.feature(orgId, personId, featureId);
      const mode = [...f.modes.values()].find((m) => m.name.toLowerCase() === modeName.toLowerCase())!;
      await this.changeModes(orgId, personId, featureId, (fm) => ({ ...fm, manual: { modeId: mode.id, exceptionType: 'MANUAL_SWITCH_BACK' } }));
    }
  }

  /** Names of the modes all the features named use. */
  async commonModes(orgId: string, personId: string, featurePublicIds: string[]): Promise<string[]> {
    if (featurePublicIds.length === 0) throw badRequest('featureIds must name at least one feature.');
    let common: string[] | undefined;
    for (const featureId of featurePublicIds) {
      const f = await this.feature(orgId, personId, featureId);
      // In the feature's own order of modes.
      const names = (f.fm?.modes ?? []).flatMap((e) => (f.modes.has(e.id) ? [f.modes.get(e.id)!.name] : []));
      common = common === undefined ? names : common.filter((n) => names.some((x) => x.toLowerCase() === n.toLowerCase()));
    }
    return common ?? [];
  }

  /** Where calls to the feature go in the current mode, if anywhere. */
  forwardDestination(f: ManagedFeature): string | undefined {
    return f.fm && f.current ? modeDestination(f.fm, f.current.mode)?.destination : undefined;
  }

  private async changeModes(orgId: string, personId: string, featurePublicId: string, fn: (fm: FeatureModes, modes: Map<string, OperatingMode>, now: Date, timeZone: string) => FeatureModes): Promise<void> {
    const f = await this.feature(orgId, personId, featurePublicId);
    await this.store.transaction(async (tx) => {
      const attendant = await tx.autoAttendants.get(orgId, f.attendant.id);
      const fm = attendant?.settings.callForwarding.operatingModes;
      if (!attendant || !fm) throw badRequest('The feature does not forward by operating mode.');
      const modes = await modesOf(tx, orgId, fm);
      const next = fn(fm, modes, this.clock.now(), attendant.settings.timeZone);
      const settings = { ...attendant.settings, callForwarding: { ...attendant.settings.callForwarding, operatingModes: next } };
      await tx.autoAttendants.update({ ...attendant, settings, lastModified: timestamp(this.clock) });
    });
  }

  private async view(attendant: StoredAutoAttendant): Promise<ManagedFeature> {
    const fm = attendant.settings.callForwarding.operatingModes;
    const modes = await modesOf(this.store, attendant.orgId, fm);
    return {
      attendant,
      location: await this.store.locations.get(attendant.orgId, attendant.locationId),
      fm,
      modes,
      current: fm ? currentMode(fm, modes, this.clock.now(), attendant.settings.timeZone) : undefined,
    };
  }

  private async assignedIds(orgId: string, personId: string): Promise<string[]> {
    const stored = await this.store.ownerSettings.get({ orgId, kind: 'person', id: personId }, SETTING);
    return stored ? ((JSON.parse(stored) as { featureIds?: string[] }).featureIds ?? []) : [];
  }

  private async person(orgId: string, publicId: string) {
    const id = decodeId(publicId, 'PEOPLE');
    const person = id !== undefined ? await this.store.people.get(orgId, id) : undefined;
    if (!person) throw notFound('Person not found.');
    return person;
  }
}

function modeOf(modes: Map<string, OperatingMode>, publicId: string): OperatingMode {
  const mode = modes.get(decodeId(publicId, 'OPERATING_MODE') ?? '');
  if (!mode) throw badRequest(`operatingModeId ${publicId} is not an operating mode of this feature.`);
  return mode;
}
