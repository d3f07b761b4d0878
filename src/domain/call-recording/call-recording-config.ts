import { createHash, randomUUID } from 'node:crypto';
import { jobOfType } from '../jobs/job-of-type.ts';
import type { Job } from '../../store/location-calling-store.ts';
import type { SettingOwner } from '../../store/owner-settings-store.ts';
import type { Location, Page, Store } from '../../store/store.ts';
import { timestamp, type Clock } from '../clock.ts';
import { badRequest, notFound } from '../errors.ts';
import { findCallingLocation } from '../locations/location-service.ts';
import { mergeDocument, type SettingDocument } from '../settings/setting-documents.ts';
import { decodeId, encodeId } from '../webex-ids.ts';

// Features: Call Recording for the organization and its locations: whether recording is on, the
// recording vendor (and its terms of service), the storage region, what happens when recording
// fails, the announcements played when recording starts, stops, pauses or resumes, and the
// compliance announcement PSTN parties hear. Documents in owner_settings (organization and
// location owners), merged over Webex's defaults. `enabled: false` stops people's recording
// (call-policies.ts); the rest is configuration.

export const CALL_RECORDING_JOB = 'callRecording';

/** The vendors a Webex organization can pick; Webex's own recording is the default. */
export const VENDORS = [
  { key: 'webex', name: 'Webex', description: 'Webex Call Recording', migrateUserCreationEnabled: false, loginUrl: '', termsOfServiceUrl: 'https://www.cisco.com/c/en/us/about/legal/cloud-and-software/universal-cloud-agreement.html' },
  { key: 'dubber', name: 'Dubber', description: 'Dubber call recording', migrateUserCreationEnabled: true, loginUrl: 'https://www.dubber.net/login', termsOfServiceUrl: 'https://www.dubber.net/terms' },
  { key: 'imagicle', name: 'Imagicle', description: 'Imagicle call recording', migrateUserCreationEnabled: true, loginUrl: 'https://www.imagicle.com/login', termsOfServiceUrl: 'https://www.imagicle.com/terms' },
] as const;
export type Vendor = (typeof VENDORS)[number];
/**
 * A vendor's ID in an organization: a uuid made from the organization and the vendor, so another
 * organization's vendor IDs name nothing here (every object ID is its organization's).
 */
export const vendorId = (v: Vendor, orgId: string) => encodeId('RECORDING_VENDOR', vendorUuid(v.key, orgId));
function vendorUuid(key: string, orgId: string): string {
  const hex = createHash('sha256').update(`${orgId}:${key}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export const REGIONS = [
  { code: 'US', name: 'United States', defaultEnabled: true },
  { code: 'EU', name: 'Europe', defaultEnabled: false },
  { code: 'CA', name: 'Canada', defaultEnabled: false },
  { code: 'AU', name: 'Australia', defaultEnabled: false },
];

export const FAILURE_BEHAVIORS = ['PROCEED_WITH_CALL_NO_ANNOUNCEMENT', 'PROCEED_CALL_WITH_ANNOUNCEMENT', 'END_CALL_WITH_ANNOUNCEMENT'];

const ANNOUNCEMENT_KINDS = ['start', 'stop', 'pause', 'resume', 'failureProceedWithCall', 'failureEndWithCall'] as const;
const defaultAnnouncements = Object.fromEntries(ANNOUNCEMENT_KINDS.map((k) => [k, { type: 'DEFAULT' }]));

const DEFAULTS = {
  organization: { enabled: true, vendor: 'webex', storageRegion: 'US', failureBehavior: 'PROCEED_WITH_CALL_NO_ANNOUNCEMENT', termsOfService: {} as Record<string, boolean> },
  announcements: defaultAnnouncements,
  compliance: { inboundPSTNCallsEnabled: false, outboundPSTNCallsEnabled: false, outboundPSTNCallsDelayEnabled: false, delayInSeconds: 10, useCustomAnnouncementEnabled: false },
  locationAnnouncements: { useOrgLevelAnnouncementEnabled: true, ...defaultAnnouncements },
  locationCompliance: { useOrgSettingsEnabled: true, inboundPSTNCallsEnabled: false, outboundPSTNCallsEnabled: false, outboundPSTNCallsDelayEnabled: false, delayInSeconds: 10, useOrgLevelAnnouncementEnabled: true, customComplianceAnnouncement: { type: 'DEFAULT' } },
  locationVendor: { orgDefaultEnabled: true, vendor: 'webex', orgFailureBehaviorEnabled: true, failureBehavior: 'PROCEED_WITH_CALL_NO_ANNOUNCEMENT' },
};
type DocKey = keyof typeof DEFAULTS;

const KEYS: Record<DocKey, string> = {
  organization: 'callRecording',
  announcements: 'callRecordingAnnouncements',
  compliance: 'callRecordingComplianceAnnouncement',
  locationAnnouncements: 'callRecordingAnnouncements',
  locationCompliance: 'callRecordingComplianceAnnouncement',
  locationVendor: 'callRecordingVendor',
};

/** What a location's compliance announcement does to PSTN calls (read by call-policies.ts). */
export type ComplianceAnnouncement = { inbound: boolean; outbound: boolean; outboundDelaySeconds: number; announcementId: string | null };

/** A stored document merged over Webex's defaults. */
async function readDoc(store: Store, owner: SettingOwner, doc: DocKey): Promise<SettingDocument> {
  const raw = await store.ownerSettings.get(owner, KEYS[doc]);
  const defaults = DEFAULTS[doc] as SettingDocument;
  return raw === undefined ? structuredClone(defaults) : mergeDocument(defaults, JSON.parse(raw) as SettingDocument);
}

export const vendorNotFound = () => notFound('Call recording vendor not found.');

function vendorOf(orgId: string, publicId: string, field?: string): Vendor {
  const uuid = decodeId(publicId, 'RECORDING_VENDOR');
  const vendor = VENDORS.find((v) => vendorUuid(v.key, orgId) === uuid);
  if (!vendor) throw field ? badRequest(`${field} is not a call recording vendor.`) : vendorNotFound();
  return vendor;
}

function checkFailureBehavior(value: unknown): void {
  if (value !== undefined && !FAILURE_BEHAVIORS.includes(value as string)) throw badRequest(`failureBehavior must be one of ${FAILURE_BEHAVIORS.join(', ')}.`);
}

/** A PUT of announcements: each kind DEFAULT, or CUSTOM with an announcement of the repository. */
async function announcementUpdate(store: Store, orgId: string, body: Record<string, unknown>): Promise<SettingDocument> {
  const out: SettingDocument = {};
  for (const kind of ANNOUNCEMENT_KINDS) {
    const given = body[kind] as { type?: string; audioAnnouncementFileId?: string } | undefined;
    if (given === undefined) continue;
    out[kind] = await announcementChoice(store, orgId, given, kind);
  }
  return out;
}

async function announcementChoice(store: Store, orgId: string, given: { type?: string; audioAnnouncementFileId?: string }, field: string): Promise<SettingDocument> {
  if (given.type === 'CUSTOM' || given.audioAnnouncementFileId !== undefined) {
    const id = given.audioAnnouncementFileId !== undefined ? decodeId(given.audioAnnouncementFileId, 'ANNOUNCEMENT') : undefined;
    const file = id ? await store.announcements.get(orgId, id) : undefined;
    if (!file) throw badRequest(`${field}.audioAnnouncementFileId is not an announcement of this organization.`);
    return { type: given.type ?? 'CUSTOM', audioAnnouncementFileId: given.audioAnnouncementFileId };
  }
  return { type: given.type ?? 'DEFAULT' };
}

export class CallRecordingConfigService {
  private readonly store: Store;
  private readonly clock: Clock;

  constructor(store: Store, clock: Clock) {
    this.store = store;
    this.clock = clock;
  }

  async read(orgId: string, doc: DocKey, locationPublicId?: string): Promise<SettingDocument> {
    const owner = await this.owner(this.store, orgId, locationPublicId);
    return readDoc(this.store, owner, doc);
  }

  /** Whether the organization records calls at all (read by the call engine's policies). */
  static async enabled(store: Store, orgId: string): Promise<boolean> {
    const stored = await store.ownerSettings.get({ orgId, kind: 'organization', id: orgId }, KEYS.organization);
    return stored === undefined ? true : (JSON.parse(stored) as { enabled?: boolean }).enabled !== false;
  }

  /**
   * The compliance announcement in force at a calling location (its own, or the organization's
   * with useOrgSettingsEnabled), and the announcement file it plays (null: the system's).
   */
  static async compliance(store: Store, orgId: string, locationId: string): Promise<ComplianceAnnouncement> {
    const location = await readDoc(store, { orgId, kind: 'location', id: locationId }, 'locationCompliance');
    const org = await readDoc(store, { orgId, kind: 'organization', id: orgId }, 'compliance');
    const rules = location.useOrgSettingsEnabled === false ? location : org;
    const orgFile = org.useCustomAnnouncementEnabled === true ? (org.audioAnnouncementFile as { audioAnnouncementFileId?: string } | undefined) : undefined;
    const custom = location.useOrgLevelAnnouncementEnabled === false ? (location.customComplianceAnnouncement as { type?: string; audioAnnouncementFileId?: string }) : orgFile;
    const fileId = custom && (custom as { type?: string }).type !== 'DEFAULT' ? custom.audioAnnouncementFileId : undefined;
    return {
      inbound: rules.inboundPSTNCallsEnabled === true,
      outbound: rules.outboundPSTNCallsEnabled === true,
      outboundDelaySeconds: rules.outboundPSTNCallsDelayEnabled === true ? (rules.delayInSeconds as number) : 0,
      announcementId: (fileId && decodeId(fileId, 'ANNOUNCEMENT')) || null,
    };
  }

  async organization(orgId: string): Promise<{ doc: SettingDocument; name: string; vendor: Vendor }> {
    const doc = await this.read(orgId, 'organization');
    const org = await this.store.organizations.get(orgId);
    return { doc, name: org?.displayName ?? '', vendor: VENDORS.find((v) => v.key === doc.vendor) ?? VENDORS[0] };
  }

  async updateOrganization(orgId: string, body: { enabled?: boolean }): Promise<void> {
    if (typeof body.enabled !== 'boolean') throw badRequest('enabled is required.');
    await this.write(orgId, 'organization', undefined, { enabled: body.enabled });
  }

  async updateAnnouncements(orgId: string, locationPublicId: string | undefined, body: Record<string, unknown>): Promise<void> {
    const update = await announcementUpdate(this.store, orgId, body);
    if (locationPublicId !== undefined && typeof body.useOrgLevelAnnouncementEnabled === 'boolean') update.useOrgLevelAnnouncementEnabled = body.useOrgLevelAnnouncementEnabled;
    await this.write(orgId, locationPublicId === undefined ? 'announcements' : 'locationAnnouncements', locationPublicId, update);
  }

  async updateCompliance(orgId: string, locationPublicId: string | undefined, body: Record<string, unknown>): Promise<void> {
    const update: SettingDocument = {};
    for (const field of ['inboundPSTNCallsEnabled', 'outboundPSTNCallsEnabled', 'outboundPSTNCallsDelayEnabled', 'useCustomAnnouncementEnabled', 'useOrgSettingsEnabled', 'useOrgLevelAnnouncementEnabled']) {
      if (typeof body[field] === 'boolean') update[field] = body[field];
    }
    if (body.delayInSeconds !== undefined) {
      const delay = body.delayInSeconds as number;
      if (!Number.isInteger(delay) || delay < 1 || delay > 20) throw badRequest('delayInSeconds is a whole number of seconds from 1 to 20.');
      update.delayInSeconds = delay;
    }
    if (locationPublicId === undefined) {
      if (body.audioAnnouncementFileId !== undefined) update.audioAnnouncementFile = await announcementChoice(this.store, orgId, { audioAnnouncementFileId: body.audioAnnouncementFileId as string }, 'audioAnnouncementFileId');
    } else if (body.customComplianceAnnouncement !== undefined) {
      update.customComplianceAnnouncement = await announcementChoice(this.store, orgId, body.customComplianceAnnouncement as { type?: string }, 'customComplianceAnnouncement');
    }
    await this.write(orgId, locationPublicId === undefined ? 'compliance' : 'locationCompliance', locationPublicId, update);
  }

  /**
   * Changes the organization's vendor (and failure behaviour): a job moves the organization's
   * recording users to the vendor; Callplane's users need no moving, so it completes at once.
   */
  async setOrganizationVendor(orgId: string, sourceUserId: string, body: { vendorId: string; failureBehavior?: string }): Promise<string> {
    const vendor = vendorOf(orgId, body.vendorId, 'vendorId');
    checkFailureBehavior(body.failureBehavior);
    await this.write(orgId, 'organization', undefined, { vendor: vendor.key, ...(body.failureBehavior ? { failureBehavior: body.failureBehavior } : {}) });
    return this.completedJob(orgId, null, sourceUserId, vendor);
  }

  /** A location's vendor: its own (a job, 200 {jobId}) or the organization's default (204, undefined). */
  async setLocationVendor(
    orgId: string,
    locationPublicId: string,
    sourceUserId: string,
    body: { id?: string; orgDefaultEnabled?: boolean; failureBehavior?: string; orgFailureBehaviorEnabled?: boolean },
  ): Promise<string | undefined> {
    checkFailureBehavior(body.failureBehavior);
    const location = await findCallingLocation(this.store, orgId, locationPublicId);
    const vendor = body.id !== undefined ? vendorOf(orgId, body.id, 'id') : undefined;
    if (body.orgDefaultEnabled === false && !vendor) throw badRequest('id is required when orgDefaultEnabled is false.');
    const update: SettingDocument = {
      ...(body.orgDefaultEnabled !== undefined ? { orgDefaultEnabled: body.orgDefaultEnabled } : vendor ? { orgDefaultEnabled: false } : {}),
      ...(vendor ? { vendor: vendor.key } : {}),
      ...(body.failureBehavior !== undefined ? { failureBehavior: body.failureBehavior } : {}),
      ...(body.orgFailureBehaviorEnabled !== undefined ? { orgFailureBehaviorEnabled: body.orgFailureBehaviorEnabled } : {}),
    };
    await this.write(orgId, 'locationVendor', locationPublicId, update);
    return vendor ? this.completedJob(orgId, location.id, sourceUserId, vendor) : undefined;
  }

  async locationVendors(orgId: string, locationPublicId: string): Promise<{ doc: SettingDocument; org: SettingDocument }> {
    return { doc: await this.read(orgId, 'locationVendor', locationPublicId), org: await this.read(orgId, 'organization') };
  }

  async termsOfService(orgId: string, publicVendorId: string): Promise<{ vendor: Vendor; enabled: boolean }> {
    const vendor = vendorOf(orgId, publicVendorId);
    const doc = await this.read(orgId, 'organization');
    return { vendor, enabled: (doc.termsOfService as Record<string, boolean>)[vendor.key] === true };
  }

  async updateTermsOfService(orgId: string, publicVendorId: string, enabled: boolean): Promise<void> {
    const vendor = vendorOf(orgId, publicVendorId);
    await this.write(orgId, 'organization', undefined, { termsOfService: { [vendor.key]: enabled } });
  }

  /** The organization's (or a location's) Webex Calling users: who the vendor records. */
  async vendorUsers(orgId: string, locationPublicId: string | undefined, start: number, max: number): Promise<{ vendor: Vendor; members: Page<{ id: string; firstName: string | null; lastName: string | null }, number> }> {
    const location: Location | undefined = locationPublicId !== undefined ? await findCallingLocation(this.store, orgId, locationPublicId) : undefined;
    const org = await this.read(orgId, 'organization');
    let vendorKey = org.vendor as string;
    if (location) {
      const doc = await this.read(orgId, 'locationVendor', locationPublicId);
      if (doc.orgDefaultEnabled === false) vendorKey = doc.vendor as string;
    }
    // The first 1000 people of the organization (or location) are looked at: enough for a sandbox.
    const people = await this.store.people.list(orgId, location ? { locationId: location.id } : {}, undefined, 1000);
    const all = people.items.filter((p) => p.locationId !== null);
    const items = all.slice(start, start + max);
    return { vendor: VENDORS.find((v) => v.key === vendorKey) ?? VENDORS[0], members: all.length > start + max ? { items, next: start + max } : { items } };
  }

  async job(orgId: string, publicId: string): Promise<Job> {
    return jobOfType(this.store, orgId, publicId, CALL_RECORDING_JOB);
  }

  async jobs(orgId: string, start: number, max: number): Promise<Page<Job, number>> {
    return this.store.jobs.list(orgId, CALL_RECORDING_JOB, start, max);
  }

  private async completedJob(orgId: string, locationId: string | null, sourceUserId: string, vendor: Vendor): Promise<string> {
    const now = timestamp(this.clock);
    const job: Job = {
      id: randomUUID(),
      orgId,
      jobType: CALL_RECORDING_JOB,
      locationId,
      status: 'COMPLETED',
      exitCode: 'COMPLETED',
      oldValue: null,
      newValue: vendor.key,
      totalItems: 0,
      updatedItems: 0,
      failedItems: 0,
      cursor: null,
      sourceUserId,
      trackingId: `CALLPLANE_${randomUUID()}`,
      instanceId: await this.store.jobs.nextInstanceId(),
      created: now,
      started: now,
      ended: now,
      lastUpdated: now,
    };
    await this.store.jobs.insert(job);
    return job.id;
  }

  private async owner(store: Store, orgId: string, locationPublicId: string | undefined): Promise<SettingOwner> {
    if (locationPublicId === undefined) return { orgId, kind: 'organization', id: orgId };
    const location = await findCallingLocation(store, orgId, locationPublicId);
    return { orgId, kind: 'location', id: location.id };
  }

  private async write(orgId: string, doc: DocKey, locationPublicId: string | undefined, update: SettingDocument): Promise<void> {
    await this.store.transaction(async (tx) => {
      const owner = await this.owner(tx, orgId, locationPublicId);
      const next = mergeDocument(await readDoc(tx, owner, doc), update);
      await tx.ownerSettings.put(owner, KEYS[doc], JSON.stringify(next), timestamp(this.clock));
    });
  }
}
