import type { FastifyRequest } from 'fastify';
import type { DeviceJobs } from '../../domain/devices/device-jobs.ts';
import { DYNAMIC_DEVICE_SETTINGS_JOB } from '../../domain/devices/device-settings.ts';
import { DYNAMIC_SETTINGS, familyNamed, FAMILIES, type CatalogueTag } from '../../domain/devices/dynamic-settings-catalogue.ts';
import type { DynamicDeviceSettingsService, TagChange } from '../../domain/devices/dynamic-settings.ts';
import { badRequest } from '../../domain/errors.ts';
import { operations as beta } from '../../generated/webex/beta-device-call-settings-with-dynamic-device-settings.ts';
import { operations } from '../../generated/webex/device-call-settings-with-device-dynamic-settings.ts';
import { principalOf } from '../../http/auth.ts';
import { sendEmpty } from '../../http/replies.ts';
import type { Server } from '../../http/types.ts';
import { webexRoute, type WebexResponse } from '../../http/webex-route.ts';
import type { Job } from '../../store/location-calling-store.ts';
import type { Store } from '../../store/store.ts';
import { telephonyConfig } from '../telephony-config.ts';
import { deviceJobReadRoutes } from './device-job-routes.ts';
import { presentLocationJob } from './device-jobs.presenters.ts';

const read = telephonyConfig.read.auth;
const write = telephonyConfig.write.auth;

/** The catalogue's tags a `familyOrModelDisplayName` filter keeps (all without one; none for an unknown name). */
function catalogueFor(name: string | undefined): CatalogueTag[] {
  if (name === undefined) return [...DYNAMIC_SETTINGS];
  const family = familyNamed(name);
  return DYNAMIC_SETTINGS.filter((t) => t.familyOrModelDisplayName === family);
}

/** The settings groups of these tags: one per (family, path), its tags in catalogue order. */
function settingsGroups(tags: readonly CatalogueTag[]) {
  const groups = new Map<string, { path: string; friendlyName: string; tab: string; familyOrModelDisplayName: string; tags: { tagBlock: string[] }[] }>();
  for (const t of tags) {
    const key = `${t.familyOrModelDisplayName}|${t.path}`;
    const group = groups.get(key) ?? { path: t.path, friendlyName: t.friendlyName, tab: t.familyOrModelDisplayName, familyOrModelDisplayName: t.familyOrModelDisplayName, tags: [{ tagBlock: [] }] };
    group.tags[0]!.tagBlock.push(t.tag);
    groups.set(key, group);
  }
  return [...groups.values()];
}

const tagsOfBody = (request: FastifyRequest) => (request.body as { tags?: string[] } | undefined)?.tags;

// Device Call Settings with device dynamic settings: the catalogue (settings groups, validation
// schema), a device's, a location's and the organization's tags, and the job that sets tags
// across the organization or a location.
export function dynamicDeviceSettingsRoutes(server: Server, deps: { dynamicDeviceSettings: DynamicDeviceSettingsService; deviceJobs: DeviceJobs; store: Store }): void {
  const { dynamicDeviceSettings: dynamic, deviceJobs: jobs, store } = deps;

  /** A dynamic settings job, with its location's name when it has one. */
  const presentJob = async (job: Job) => {
    const location = job.locationId === null ? undefined : await store.locations.get(job.orgId, job.locationId);
    return presentLocationJob(job, location?.name);
  };

  webexRoute(server, operations.getSettingsGroups, {
    auth: read,
    handler: async (request) => {
      const kind = request.query.includeSettingsType ?? 'ALL';
      const tags = catalogueFor(request.query.familyOrModelDisplayName);
      const tabs = FAMILIES.filter((f) => tags.some((t) => t.familyOrModelDisplayName === f));
      return { ...(kind !== 'TABS' ? { settingsGroups: settingsGroups(tags) } : {}), ...(kind !== 'GROUPS' ? { settingsTabs: tabs } : {}) };
    },
  });

  webexRoute(server, beta.getValidationSchema, {
    auth: read,
    handler: async (request) => ({
      tags: catalogueFor(request.query.familyOrModelDisplayName).map(({ systemDefault: _default, path: _path, ...tag }) => tag),
    }),
  });

  webexRoute(server, operations.updateSpecifiedSettingsForTheDevice, {
    auth: write,
    handler: async (request, reply) => {
      await dynamic.updateDevice(request.orgId, request.params.deviceId, (request.body?.tags ?? []) as TagChange[]);
      sendEmpty(reply, 204);
    },
  });

  webexRoute(server, operations.getDeviceDynamicSettings, {
    auth: read,
    handler: async (request) => dynamic.device(request.orgId, request.params.deviceId, tagsOfBody(request)),
  });

  webexRoute(server, operations.getCustomerDeviceDynamicSettings, {
    auth: read,
    // The organization's level has only the system default above it (never a LOCATION parent).
    handler: async (request) => (await dynamic.level(request.orgId, undefined, request.query.familyOrModelDisplayName, tagsOfBody(request))) as WebexResponse<typeof operations.getCustomerDeviceDynamicSettings>,
  });

  webexRoute(server, operations.getLocationDeviceDynamicSettings, {
    auth: read,
    handler: async (request) => dynamic.level(request.orgId, request.params.locationId, request.query.familyOrModelDisplayName, tagsOfBody(request)),
  });

  webexRoute(server, operations.updatesDynamicDeviceSettingsAcrossOrganizationOrLocation, {
    auth: write,
    handler: async (request, reply) => {
      if (!request.body) throw badRequest('tags is required: the settings to change.');
      const body = request.body as { locationId?: string; tags: TagChange[] };
      const job = await dynamic.startJob(request.orgId, body, { personId: principalOf(request).personId, trackingId: request.id });
      return reply.code(202).send(await presentJob(job));
    },
  });

  deviceJobReadRoutes(
    server,
    jobs,
    DYNAMIC_DEVICE_SETTINGS_JOB,
    { list: operations.listDynamicDeviceSettingsJobs, get: operations.getDeviceDynamicSettingsJobStatus, errors: operations.listDynamicDeviceSettingsJobErrors },
    presentJob,
  );
}
