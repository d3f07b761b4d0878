import type { FastifyRequest } from 'fastify';
import { imageNotMultipart, imageTooLarge } from '../../domain/devices/background-image-errors.ts';
import { imageUrl, MAX_IMAGE_BYTES, MAX_IMAGE_KB, type BackgroundImageService, type ImageUpload } from '../../domain/devices/background-images.ts';
import type { DeviceJobs } from '../../domain/devices/device-jobs.ts';
import { CALL_DEVICE_SETTINGS_JOB, REBUILD_PHONES_JOB, type DeviceSettingsService, type SettingsJobData } from '../../domain/devices/device-settings.ts';
import type { Customizations } from '../../domain/devices/device-customizations.ts';
import { badRequest } from '../../domain/errors.ts';
import { operations } from '../../generated/webex/device-call-settings.ts';
import { principalOf } from '../../http/auth.ts';
import { sendEmpty } from '../../http/replies.ts';
import type { Server } from '../../http/types.ts';
import { webexRoute } from '../../http/webex-route.ts';
import { readMultipartForm } from '../multipart-form.ts';
import { telephonyConfig } from '../telephony-config.ts';
import { deviceJobReadRoutes } from './device-job-routes.ts';
import { presentCallDeviceSettingsJob, presentLocationJob } from './device-jobs.presenters.ts';

const read = telephonyConfig.read.auth;
const write = telephonyConfig.write.auth;

const requester = (request: FastifyRequest) => ({ personId: principalOf(request).personId, trackingId: request.id });

/** A background image upload: a "file" part (.jpeg or .png) and a "fileName" field. */
async function readImageUpload(request: FastifyRequest): Promise<ImageUpload> {
  const form = await readMultipartForm(
    request,
    { fileSize: MAX_IMAGE_BYTES, files: 1, fields: 10 },
    { notMultipart: imageNotMultipart, tooLarge: () => imageTooLarge(MAX_IMAGE_KB), tooManyFiles: () => badRequest('Send one image per request, in the part named "file".') },
  );
  const file = form.files.find((f) => f.field === 'file');
  const fileName = form.fields.get('fileName');
  return { ...(file ? { content: file.content, contentType: file.mimetype } : {}), ...(fileName !== undefined ? { fileName } : {}) };
}

// Device Call Settings: the organization's, a location's and a device's customizations, the jobs
// that change them across devices or rebuild a location's phones, and background images.
export function deviceSettingsRoutes(server: Server, deps: { deviceSettings: DeviceSettingsService; backgroundImages: BackgroundImageService; deviceJobs: DeviceJobs }): void {
  const { deviceSettings: settings, backgroundImages: images, deviceJobs: jobs } = deps;

  // The documents are Webex's defaults with PUTs that passed the same schemas laid over them: they
  // have the schema's shape, which their type (a settings document) cannot say.
  webexRoute(server, operations.readDeviceOverrideSettingsForOrganization, {
    auth: read,
    handler: async (request) => ({ customizations: await settings.organization(request.orgId) }) as never,
  });

  webexRoute(server, operations.getLocationDeviceSettings, {
    auth: read,
    handler: async (request) => (await settings.location(request.orgId, request.params.locationId)) as never,
  });

  webexRoute(server, operations.getDeviceSettings, {
    auth: read,
    handler: async (request) => (await settings.device(request.orgId, request.params.deviceId)) as never,
  });

  webexRoute(server, operations.updateDeviceSettings, {
    auth: write,
    handler: async (request, reply) => {
      if (!request.body) throw badRequest('customizations is required.');
      const body = request.body as { customizations: Customizations; customEnabled?: unknown };
      if (body.customEnabled !== undefined && typeof body.customEnabled !== 'boolean') throw badRequest('customEnabled must be true or false.');
      await settings.updateDevice(request.orgId, request.params.deviceId, { customizations: body.customizations, customEnabled: body.customEnabled });
      sendEmpty(reply, 204);
    },
  });

  // Change device settings across the organization or a location (a job).
  const settingsJob = (job: Parameters<typeof presentCallDeviceSettingsJob>[0]) => presentCallDeviceSettingsJob(job, jobs.data<SettingsJobData>(job));

  webexRoute(server, operations.changeDeviceSettingsAcrossOrganizationOrLocationJob, {
    auth: write,
    handler: async (request) => {
      const body = (request.body ?? {}) as { locationId?: string; locationCustomizationsEnabled?: boolean; customizations?: Customizations };
      return settingsJob(await settings.startSettingsJob(request.orgId, body, requester(request)));
    },
  });

  deviceJobReadRoutes(
    server,
    jobs,
    CALL_DEVICE_SETTINGS_JOB,
    { list: operations.listChangeDeviceSettingsJobs, get: operations.getChangeDeviceSettingsJobStatus, errors: operations.listChangeDeviceSettingsJobErrors },
    settingsJob,
  );

  // Rebuild phones: a location's phones take their configuration again (a job).
  webexRoute(server, operations.rebuildPhonesConfiguration, {
    auth: write,
    handler: async (request, reply) => {
      const job = await settings.startRebuild(request.orgId, request.body?.locationId, requester(request));
      return reply.code(202).send(presentLocationJob(job));
    },
  });

  deviceJobReadRoutes(
    server,
    jobs,
    REBUILD_PHONES_JOB,
    { list: operations.listRebuildPhonesJobs, get: operations.getTheJobStatusOfARebuildPhonesJob, errors: operations.getJobErrorsForARebuildPhonesJob },
    (job) => presentLocationJob(job),
  );

  // Background images of the organization's MPP phones.
  webexRoute(server, operations.uploadADeviceBackgroundImage, {
    auth: write,
    handler: async (request, reply) => {
      const { image, count } = await images.upload(request.orgId, request.params.deviceId, () => readImageUpload(request));
      return reply.code(201).send({ filename: image.fileName, backgroundImageUrl: imageUrl(image.fileName), count: String(count) });
    },
  });

  webexRoute(server, operations.readTheListOfBackgroundImages, {
    auth: read,
    handler: async (request) => {
      const list = await images.list(request.orgId);
      return { backgroundImages: list.map((i) => ({ backgroundImageUrl: imageUrl(i.fileName), fileName: i.fileName })), count: String(list.length) };
    },
  });

  webexRoute(server, operations.deleteDeviceBackgroundImages, {
    auth: write,
    handler: async (request, reply) => {
      const { items, count } = await images.delete(request.orgId, request.body?.backgroundImages ?? []);
      // 206: some images stayed (each says why).
      return reply.code(items.every((i) => i.result.status === 200) ? 200 : 206).send({ items, count: String(count) });
    },
  });
}
