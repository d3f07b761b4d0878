import { APPLY_LINE_KEY_TEMPLATE_JOB, type DeviceJobs } from '../../domain/devices/device-jobs.ts';
import { findModel } from '../../domain/devices/device-models.ts';
import type { LineKeyTemplateService } from '../../domain/devices/line-key-templates.ts';
import { badRequest } from '../../domain/errors.ts';
import { principalOf } from '../../http/auth.ts';
import { encodeId } from '../../domain/webex-ids.ts';
import { operations } from '../../generated/webex/device-call-settings.ts';
import { offsetPageItems } from '../../http/pagination.ts';
import { sendEmpty } from '../../http/replies.ts';
import type { Server } from '../../http/types.ts';
import { webexRoute, type WebexResponse } from '../../http/webex-route.ts';
import type { Job } from '../../store/location-calling-store.ts';
import { percentageComplete, presentJobStatus } from './device-jobs.presenters.ts';
import { telephonyConfig, telephonyPaging } from '../telephony-config.ts';

const read = telephonyConfig.read.auth;
const write = telephonyConfig.write.auth;
const templateId = (id: string) => encodeId('LINE_KEY_TEMPLATE', id);

/** An apply-line-key-template job as Webex shows one: the common job status with its counts. */
type ApplyJob = WebexResponse<typeof operations.getTheJobStatusOfAnApplyLineKeyTemplateJob>;

function presentApplyJob(job: Job): ApplyJob {
  return {
    ...presentJobStatus(job),
    percentageComplete: percentageComplete(job),
    updatedCount: job.updatedItems,
    // Advisories (more shared lines than keys, say) are not computed: none are reported.
    advisoryCount: 0,
  };
}

// Device Call Settings: line key templates, a device's layout, and applying templates to devices
// (a preview of how many, and the apply job).
export function lineKeyTemplateRoutes(server: Server, deps: { lineKeyTemplates: LineKeyTemplateService; deviceJobs: DeviceJobs }): void {
  const { lineKeyTemplates: templates, deviceJobs } = deps;

  webexRoute(server, operations.readListOfLineKeyTemplates, {
    auth: read,
    handler: async (request) => ({
      lineKeyTemplates: (await templates.list(request.orgId)).map((doc) => {
        const model = String(doc.data.deviceModel);
        return { id: templateId(doc.id), templateName: doc.name, deviceModel: model, modelDisplayName: findModel(model)?.displayName ?? model };
      }),
    }),
  });

  webexRoute(server, operations.createLineKeyTemplate, {
    auth: write,
    handler: async (request, reply) => {
      if (!request.body) throw badRequest('templateName, deviceModel and lineKeys are required.');
      const id = await templates.create(request.orgId, request.body);
      reply.code(201);
      return { id: templateId(id) };
    },
  });

  webexRoute(server, operations.getDetailsOfLineKeyTemplate, {
    auth: read,
    handler: async (request) => {
      const { doc, data } = await templates.get(request.orgId, request.params.templateId);
      return {
        id: templateId(doc.id),
        templateName: doc.name,
        deviceModel: data.deviceModel,
        modelDisplayName: findModel(data.deviceModel)?.displayName ?? data.deviceModel,
        userReorderEnabled: data.userReorderEnabled,
        lineKeys: data.lineKeys,
      };
    },
  });

  webexRoute(server, operations.modifyLineKeyTemplate, {
    auth: write,
    handler: async (request, reply) => {
      if (!request.body) throw badRequest('lineKeys is required.');
      await templates.update(request.orgId, request.params.templateId, request.body);
      sendEmpty(reply, 204);
    },
  });

  webexRoute(server, operations.deleteLineKeyTemplate, {
    auth: write,
    handler: async (request, reply) => {
      await templates.delete(request.orgId, request.params.templateId);
      sendEmpty(reply, 204);
    },
  });

  webexRoute(server, operations.getDeviceLayoutByDeviceId, {
    auth: read,
    handler: async (request) => templates.layout(request.orgId, request.params.deviceId),
  });

  webexRoute(server, operations.modifyDeviceLayoutByDeviceId, {
    auth: write,
    handler: async (request, reply) => {
      if (!request.body) throw badRequest('layoutMode and lineKeys are required.');
      await templates.setLayout(request.orgId, request.params.deviceId, request.body);
      sendEmpty(reply, 204);
    },
  });

  webexRoute(server, operations.previewApplyLineKeyTemplate, {
    auth: write,
    handler: async (request) => {
      if (!request.body) throw badRequest('action is required.');
      return { deviceCount: (await templates.targets(request.orgId, request.body)).length };
    },
  });

  webexRoute(server, operations.applyLineKeyTemplate, {
    auth: write,
    handler: async (request, reply) => {
      if (!request.body) throw badRequest('action is required.');
      const job = await deviceJobs.applyLineKeyTemplate(request.orgId, request.body, { personId: principalOf(request).personId, trackingId: request.id });
      reply.code(202);
      return presentApplyJob(job);
    },
  });

  webexRoute(server, operations.getListOfApplyLineKeyTemplatesJobs, {
    auth: read,
    handler: async (request, reply) => {
      const { max, start } = telephonyPaging({}, 1000);
      return { items: offsetPageItems(request, reply, await deviceJobs.list(request.orgId, APPLY_LINE_KEY_TEMPLATE_JOB, start, max), max).map(presentApplyJob) };
    },
  });

  webexRoute(server, operations.getTheJobStatusOfAnApplyLineKeyTemplateJob, {
    auth: read,
    handler: async (request) => presentApplyJob(await deviceJobs.get(request.orgId, APPLY_LINE_KEY_TEMPLATE_JOB, request.params.jobId)),
  });

  webexRoute(server, operations.getJobErrorsForApplyLineKeyTemplateJob, {
    auth: read,
    handler: async (request) => {
      const job = await deviceJobs.get(request.orgId, APPLY_LINE_KEY_TEMPLATE_JOB, request.params.jobId);
      const [first] = (await deviceJobs.errors(request.orgId, APPLY_LINE_KEY_TEMPLATE_JOB, request.params.jobId, 0, 1)).items;
      // The document's answer holds one error (its list was lost): the first one, if any.
      return { trackingId: job.trackingId, ...(first ? { error: { description: first.message, code: first.errorCode } } : {}) };
    },
  });
}
