import type { StoredDevice } from '../../store/devices-store.ts';
import type { Job } from '../../store/location-calling-store.ts';
import type { SettingOwner } from '../../store/owner-settings-store.ts';
import type { Store } from '../../store/store.ts';
import { timestamp, type Clock } from '../clock.ts';
import { badRequest } from '../errors.ts';
import { findCallingLocation } from '../locations/location-service.ts';
import type { DeviceJobs, JobRequester } from './device-jobs.ts';
import { DYNAMIC_DEVICE_SETTINGS_JOB, EXCLUSIVE_DEVICE_JOBS } from './device-settings.ts';
import { deviceOf } from './device-service.ts';
import { catalogueTag, checkValue, dynamicFamilyOf, familyNamed, tagsOf, type CatalogueTag, type TagLevel } from './dynamic-settings-catalogue.ts';

// Device dynamic settings: key/value tags per family of phones, set at the organization, a
// location or a device, each level shown over the one above it (system default, organization,
// location). Values are checked against the catalogue's rules. Each level is one settings
// document in owner settings; a job sets the organization's or a location's tags and has the
// phones of the families it touched take their configuration again.

const KEY = 'dynamicSettings';
const ALL = 100_000;

/** A level's document: values by family and tag, and when it last changed (epoch ms). */
type LevelValues = { values: Record<string, Record<string, string>>; updated?: number };
export type TagChange = { tag: string; action: 'SET' | 'CLEAR'; value?: string; familyOrModelDisplayName?: string };
type JobData = { locationId: string | null; changes: (TagChange & { family: string })[] };

export type TagView = { familyOrModelDisplayName: string; tag: string; value?: string; parentValue?: string; parentLevel?: 'SYSTEM_DEFAULT' | 'ORGANIZATION' | 'LOCATION' };
export type LevelView = { tags: TagView[]; lastUpdateTime?: number; updateInProgress?: boolean };

const EMPTY: LevelValues = { values: {} };
const orgOwner = (orgId: string): SettingOwner => ({ orgId, kind: 'organization', id: orgId });
const locationOwner = (orgId: string, id: string): SettingOwner => ({ orgId, kind: 'location', id });
const deviceOwner = (d: StoredDevice): SettingOwner => ({ orgId: d.orgId, kind: 'device', id: d.id });

async function readLevel(store: Store, owner: SettingOwner): Promise<LevelValues> {
  const stored = await store.ownerSettings.get(owner, KEY);
  return stored === undefined ? EMPTY : (JSON.parse(stored) as LevelValues);
}

/** Applies SETs and CLEARs of one family to a level's values (checked already). */
function applyChanges(level: LevelValues, family: string, changes: readonly TagChange[], now: number): LevelValues {
  const values = { ...(level.values[family] ?? {}) };
  for (const c of changes) {
    if (c.action === 'SET') values[c.tag] = c.value!;
    else delete values[c.tag];
  }
  return { values: { ...level.values, [family]: values }, updated: now };
}

/** The requested tags of a family at a level (every tag of the level when none is asked). */
function requested(family: string, level: TagLevel, tags: readonly string[] | undefined): CatalogueTag[] {
  if (tags && tags.length > 0) return tags.map((t) => catalogueTag(family, t, level));
  return tagsOf(family).filter((t) => t.level.includes(level));
}

/** A tag as a level shows it: its own value, and the nearest value above it. */
function view(tag: CatalogueTag, own: string | undefined, parents: readonly { level: 'ORGANIZATION' | 'LOCATION'; values: Record<string, string> | undefined }[]): TagView {
  const parent = parents.find((p) => p.values?.[tag.tag] !== undefined);
  return {
    familyOrModelDisplayName: tag.familyOrModelDisplayName,
    tag: tag.tag,
    ...(own !== undefined ? { value: own } : {}),
    parentValue: parent ? parent.values![tag.tag]! : tag.systemDefault,
    parentLevel: parent ? parent.level : 'SYSTEM_DEFAULT',
  };
}

function checkChanges(family: string, level: TagLevel, changes: readonly TagChange[]): void {
  for (const c of changes) {
    const tag = catalogueTag(family, c.tag, level);
    if (c.action === 'SET') checkValue(tag, c.value);
  }
}

export class DynamicDeviceSettingsService {
  private readonly store: Store;
  private readonly clock: Clock;
  private readonly jobs: DeviceJobs;

  constructor(store: Store, clock: Clock, jobs: DeviceJobs) {
    this.store = store;
    this.clock = clock;
    this.jobs = jobs;
    jobs.register<JobData>({
      jobType: DYNAMIC_DEVICE_SETTINGS_JOB,
      exclusiveWith: EXCLUSIVE_DEVICE_JOBS,
      begin: (tx, job, data) => this.writeLevel(tx, job.orgId, data),
      applyTo: (tx, device, _data, now) => tx.devices.markSynced(device.orgId, device.id, now),
    });
  }

  /** A device's tags (the requested ones, or all of its family), over its location's and organization's. */
  async device(orgId: string, devicePublicId: string, tags?: readonly string[]): Promise<LevelView> {
    const device = await deviceOf(this.store, orgId, devicePublicId);
    const family = dynamicFamilyOf(device);
    if (!family) {
      if (tags && tags.length > 0) throw badRequest(`A ${device.model} has no dynamic settings.`);
      return { tags: [] };
    }
    const own = await readLevel(this.store, deviceOwner(device));
    const location = device.locationId ? await readLevel(this.store, locationOwner(orgId, device.locationId)) : EMPTY;
    const org = await readLevel(this.store, orgOwner(orgId));
    const parents = [
      { level: 'LOCATION' as const, values: location.values[family] },
      { level: 'ORGANIZATION' as const, values: org.values[family] },
    ];
    return {
      tags: requested(family, 'device', tags).map((t) => view(t, own.values[family]?.[t.tag], parents)),
      ...(own.updated !== undefined ? { lastUpdateTime: own.updated } : {}),
    };
  }

  /** The organization's tags of a family, or a location's when one is named, over the levels above. */
  async level(orgId: string, locationPublicId: string | undefined, familyName: string, tags?: readonly string[]): Promise<LevelView> {
    const location = locationPublicId ? await findCallingLocation(this.store, orgId, locationPublicId) : undefined;
    const family = familyNamed(familyName);
    if (!family) throw badRequest(`familyOrModelDisplayName ${familyName} names no family of phones with dynamic settings.`);
    const org = await readLevel(this.store, orgOwner(orgId));
    const own = location ? await readLevel(this.store, locationOwner(orgId, location.id)) : org;
    const parents = location ? [{ level: 'ORGANIZATION' as const, values: org.values[family] }] : [];
    const running = (await this.store.jobs.unfinished()).some((j) => j.orgId === orgId && j.jobType === DYNAMIC_DEVICE_SETTINGS_JOB && (!location || j.locationId === null || j.locationId === location.id));
    return {
      tags: requested(family, location ? 'location' : 'organization', tags).map((t) => view(t, own.values[family]?.[t.tag], parents)),
      ...(own.updated !== undefined ? { lastUpdateTime: own.updated } : {}),
      updateInProgress: running,
    };
  }

  /** A device's SETs and CLEARs; no tags, no change. */
  async updateDevice(orgId: string, devicePublicId: string, changes: readonly TagChange[]): Promise<void> {
    await this.store.transaction(async (tx) => {
      const device = await deviceOf(tx, orgId, devicePublicId);
      if (changes.length === 0) return;
      const family = dynamicFamilyOf(device);
      if (!family) throw badRequest(`A ${device.model} has no dynamic settings.`);
      checkChanges(family, 'device', changes);
      const next = applyChanges(await readLevel(tx, deviceOwner(device)), family, changes, this.clock.now().getTime());
      await tx.ownerSettings.put(deviceOwner(device), KEY, JSON.stringify(next), timestamp(this.clock));
    });
  }

  /** Starts the job that sets the organization's (or a location's) tags, checked before it starts. */
  async startJob(orgId: string, body: { locationId?: string; tags?: TagChange[] }, by: JobRequester): Promise<Job> {
    const location = body.locationId ? await findCallingLocation(this.store, orgId, body.locationId) : undefined;
    const tags = body.tags ?? [];
    if (tags.length === 0) throw badRequest('tags is required: the settings to change.');
    const changes = tags.map((c) => {
      const family = familyNamed(c.familyOrModelDisplayName ?? '');
      if (!family) throw badRequest(`familyOrModelDisplayName ${c.familyOrModelDisplayName ?? ''} names no family of phones with dynamic settings.`);
      checkChanges(family, location ? 'location' : 'organization', [c]);
      return { ...c, family };
    });
    const families = new Set(changes.map((c) => c.family));
    const devices = (await this.store.devices.list(orgId, { locationId: location?.id, start: 0, max: ALL })).items.filter((d) => families.has(dynamicFamilyOf(d) ?? ''));
    return this.jobs.start<JobData>(orgId, DYNAMIC_DEVICE_SETTINGS_JOB, { locationId: location?.id ?? null, devices, data: { locationId: location?.id ?? null, changes } }, by);
  }

  private async writeLevel(tx: Store, orgId: string, data: JobData): Promise<void> {
    const owner = data.locationId === null ? orgOwner(orgId) : locationOwner(orgId, data.locationId);
    let level = await readLevel(tx, owner);
    for (const family of new Set(data.changes.map((c) => c.family))) {
      level = applyChanges(level, family, data.changes.filter((c) => c.family === family), this.clock.now().getTime());
    }
    await tx.ownerSettings.put(owner, KEY, JSON.stringify(level), timestamp(this.clock));
  }
}
