import type { StoredDevice } from '../../store/devices-store.ts';
import type { Job } from '../../store/location-calling-store.ts';
import type { SettingOwner } from '../../store/owner-settings-store.ts';
import type { Store } from '../../store/store.ts';
import { timestamp, type Clock } from '../clock.ts';
import { badRequest } from '../errors.ts';
import { findCallingLocation } from '../locations/location-service.ts';
import { mergeDocument, type SettingDocument } from '../settings/setting-documents.ts';
import { checkCustomizations, DEVICE_DEFAULTS, DEVICE_FAMILIES, DEVICE_SETTINGS_KEY, familyOf, type Customizations } from './device-customizations.ts';
import type { DeviceJobs, JobRequester } from './device-jobs.ts';
import { deviceOf } from './device-service.ts';

// Device Call Settings as a layered document: the organization's customizations (over Webex's
// defaults), a location's (used while its customEnabled is true), a device's (used while its
// customEnabled is true). Each level is one settings document in owner settings; a level that
// does not customize shows the level above it. The change-settings job writes the organization's
// or a location's level and brings the devices under it back to it; the rebuild job has a
// location's phones take their configuration again.

export const CALL_DEVICE_SETTINGS_JOB = 'calldevicesettings';
export const REBUILD_PHONES_JOB = 'rebuildphones';
export const DYNAMIC_DEVICE_SETTINGS_JOB = 'dynamicdevicesettings';
/** Webex runs one of these device jobs at a time per organization. */
export const EXCLUSIVE_DEVICE_JOBS = [CALL_DEVICE_SETTINGS_JOB, REBUILD_PHONES_JOB, DYNAMIC_DEVICE_SETTINGS_JOB];
/** Every device of an organization or location, for a job (more than Webex lets one hold). */
const ALL = 100_000;

/** A location's or device's level: whether it customizes, and what. */
export type DeviceSettingsLevel = { customEnabled: boolean; customizations: Customizations };

/** What a change-settings job was asked: the level it writes, and the customizations. */
export type SettingsJobData = { locationId: string | null; locationCustomizationsEnabled: boolean; customizations: Customizations };
type RebuildJobData = { locationId: string };

const organizationOwner = (orgId: string): SettingOwner => ({ orgId, kind: 'organization', id: orgId });
const locationOwner = (orgId: string, id: string): SettingOwner => ({ orgId, kind: 'location', id });
const deviceOwner = (device: StoredDevice): SettingOwner => ({ orgId: device.orgId, kind: 'device', id: device.id });

/** Lays each family of `update` over the same family of `base`. */
function mergeCustomizations(base: Customizations, update: Customizations): Customizations {
  const out: Customizations = { ...base };
  for (const family of DEVICE_FAMILIES) if (update[family]) out[family] = mergeDocument(base[family] ?? {}, update[family]);
  return out;
}

async function readJson<T>(store: Store, owner: SettingOwner, fallback: T): Promise<T> {
  const stored = await store.ownerSettings.get(owner, DEVICE_SETTINGS_KEY);
  return stored === undefined ? fallback : (JSON.parse(stored) as T);
}

const NOT_CUSTOM: DeviceSettingsLevel = { customEnabled: false, customizations: {} };

export class DeviceSettingsService {
  private readonly store: Store;
  private readonly clock: Clock;
  private readonly jobs: DeviceJobs;

  constructor(store: Store, clock: Clock, jobs: DeviceJobs) {
    this.store = store;
    this.clock = clock;
    this.jobs = jobs;
    jobs.register<SettingsJobData>({
      jobType: CALL_DEVICE_SETTINGS_JOB,
      exclusiveWith: EXCLUSIVE_DEVICE_JOBS,
      begin: (tx, job, data) => this.writeLevel(tx, job.orgId, data),
      // The device takes the level's settings: its own customization gives way.
      applyTo: async (tx, device, _data, now) => {
        const level = await readJson(tx, deviceOwner(device), NOT_CUSTOM);
        if (level.customEnabled) await tx.ownerSettings.put(deviceOwner(device), DEVICE_SETTINGS_KEY, JSON.stringify({ ...level, customEnabled: false }), now);
        await tx.devices.markSynced(device.orgId, device.id, now);
      },
    });
    jobs.register<RebuildJobData>({
      jobType: REBUILD_PHONES_JOB,
      exclusiveWith: EXCLUSIVE_DEVICE_JOBS,
      applyTo: (tx, device, _data, now) => tx.devices.markSynced(device.orgId, device.id, now),
    });
  }

  /** The organization's customizations of every family, over Webex's defaults. */
  async organization(orgId: string, store: Store = this.store): Promise<Customizations> {
    return mergeCustomizations(DEVICE_DEFAULTS, await readJson<Customizations>(store, organizationOwner(orgId), {}));
  }

  /** A location's level: its own customizations while it customizes, the organization's otherwise. */
  async location(orgId: string, locationPublicId: string): Promise<DeviceSettingsLevel> {
    const location = await findCallingLocation(this.store, orgId, locationPublicId);
    return this.locationLevel(this.store, orgId, location.id);
  }

  /** A device's level, for its family only (none for a phone without device-level settings). */
  async device(orgId: string, devicePublicId: string): Promise<DeviceSettingsLevel> {
    return this.deviceLevel(this.store, await deviceOf(this.store, orgId, devicePublicId));
  }

  /**
   * A device's PUT: the family's document laid over what the device shows now, and whether the
   * device customizes (true unless told: a PUT of settings is meant to take effect).
   */
  async updateDevice(orgId: string, devicePublicId: string, update: { customizations?: Customizations; customEnabled?: boolean }): Promise<void> {
    await this.store.transaction(async (tx) => {
      const device = await deviceOf(tx, orgId, devicePublicId);
      const family = familyOf(device);
      if (!family) throw badRequest(`A ${device.model} has no settings at the device level.`);
      const given = update.customizations ?? {};
      const other = DEVICE_FAMILIES.find((f) => f !== family && given[f] !== undefined);
      if (other) throw badRequest(`customizations.${other} does not apply to a ${device.model}: send customizations.${family}.`);
      const current = await this.deviceLevel(tx, device);
      const customizations = mergeCustomizations(current.customizations, given);
      checkCustomizations(customizations);
      const level: DeviceSettingsLevel = { customEnabled: update.customEnabled ?? true, customizations };
      await tx.ownerSettings.put(deviceOwner(device), DEVICE_SETTINGS_KEY, JSON.stringify(level), timestamp(this.clock));
    });
  }

  /** Starts the change-settings job for the organization, or for a location when one is named. */
  async startSettingsJob(orgId: string, body: { locationId?: string; locationCustomizationsEnabled?: boolean; customizations?: Customizations }, by: JobRequester): Promise<Job> {
    const location = body.locationId ? await findCallingLocation(this.store, orgId, body.locationId) : undefined;
    const customizations = body.customizations ?? {};
    checkCustomizations(mergeCustomizations(await this.organization(orgId), customizations));
    const data: SettingsJobData = { locationId: location?.id ?? null, locationCustomizationsEnabled: body.locationCustomizationsEnabled === true, customizations };
    const devices = (await this.store.devices.list(orgId, { locationId: location?.id, start: 0, max: ALL })).items;
    return this.jobs.start(orgId, CALL_DEVICE_SETTINGS_JOB, { locationId: data.locationId, devices, data }, by);
  }

  /** Starts the rebuild job of a location's phones. */
  async startRebuild(orgId: string, locationPublicId: string | undefined, by: JobRequester): Promise<Job> {
    if (!locationPublicId) throw badRequest('locationId is required.');
    const location = await findCallingLocation(this.store, orgId, locationPublicId);
    const devices = (await this.store.devices.list(orgId, { locationId: location.id, start: 0, max: ALL })).items;
    return this.jobs.start<RebuildJobData>(orgId, REBUILD_PHONES_JOB, { locationId: location.id, devices, data: { locationId: location.id } }, by);
  }

  /** Every stored level of the organization that shows this background image (for its deletion). */
  async levelsShowing(store: Store, orgId: string, url: string): Promise<{ owner: SettingOwner; doc: SettingDocument }[]> {
    const out = [];
    for (const [key, data] of await store.ownerSettings.ofSetting(orgId, DEVICE_SETTINGS_KEY)) {
      const [kind, id] = key.split(':') as [SettingOwner['kind'], string];
      const doc = JSON.parse(data) as SettingDocument;
      const customizations = (kind === 'organization' ? doc : doc.customizations) as Customizations;
      if ((customizations?.mpp?.background as { customUrl?: string } | undefined)?.customUrl === url) out.push({ owner: { orgId, kind, id }, doc });
    }
    return out;
  }

  /** Sets the MPP background of these levels back to none (a deleted image). */
  async clearBackground(store: Store, levels: readonly { owner: SettingOwner; doc: SettingDocument }[]): Promise<void> {
    const none = { mpp: { background: { image: 'NONE', customUrl: '' } } };
    for (const { owner, doc } of levels) {
      const next = owner.kind === 'organization' ? mergeCustomizations(doc, none) : { ...doc, customizations: mergeCustomizations(doc.customizations as Customizations, none) };
      await store.ownerSettings.put(owner, DEVICE_SETTINGS_KEY, JSON.stringify(next), timestamp(this.clock));
    }
  }

  private async deviceLevel(store: Store, device: StoredDevice): Promise<DeviceSettingsLevel> {
    const family = familyOf(device);
    if (!family) return NOT_CUSTOM;
    const own = await readJson(store, deviceOwner(device), NOT_CUSTOM);
    const inherited = device.locationId ? (await this.locationLevel(store, device.orgId, device.locationId)).customizations : await this.organization(device.orgId, store);
    const effective = own.customEnabled ? mergeCustomizations(inherited, own.customizations) : inherited;
    return { customEnabled: own.customEnabled, customizations: { [family]: effective[family] } };
  }

  private async locationLevel(store: Store, orgId: string, locationId: string): Promise<DeviceSettingsLevel> {
    const organization = await this.organization(orgId, store);
    const own = await readJson(store, locationOwner(orgId, locationId), NOT_CUSTOM);
    return { customEnabled: own.customEnabled, customizations: own.customEnabled ? mergeCustomizations(organization, own.customizations) : organization };
  }

  /** The job's first step: the organization's or the location's level takes the customizations. */
  private async writeLevel(tx: Store, orgId: string, data: SettingsJobData): Promise<void> {
    const now = timestamp(this.clock);
    if (data.locationId === null) {
      const stored = await readJson<Customizations>(tx, organizationOwner(orgId), {});
      await tx.ownerSettings.put(organizationOwner(orgId), DEVICE_SETTINGS_KEY, JSON.stringify(mergeCustomizations(stored, data.customizations)), now);
      return;
    }
    const owner = locationOwner(orgId, data.locationId);
    const stored = await readJson(tx, owner, NOT_CUSTOM);
    const level: DeviceSettingsLevel = { customEnabled: data.locationCustomizationsEnabled, customizations: mergeCustomizations(stored.customizations, data.customizations) };
    await tx.ownerSettings.put(owner, DEVICE_SETTINGS_KEY, JSON.stringify(level), now);
  }
}
