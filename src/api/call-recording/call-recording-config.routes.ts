import { CALL_RECORDING_JOB, REGIONS, VENDORS, vendorId, type CallRecordingConfigService, type Vendor } from '../../domain/call-recording/call-recording-config.ts';
import type { SettingDocument } from '../../domain/settings/setting-documents.ts';
import { encodeId } from '../../domain/webex-ids.ts';
import { operations } from '../../generated/webex/features-call-recording.ts';
import { principalOf } from '../../http/auth.ts';
import { offsetPageItems } from '../../http/pagination.ts';
import { sendEmpty } from '../../http/replies.ts';
import type { Server } from '../../http/types.ts';
import { webexRoute } from '../../http/webex-route.ts';
import { presentJob } from '../location-calling/location-calling.presenters.ts';
import { telephonyConfig, telephonyPaging } from '../telephony-config.ts';

const read = telephonyConfig.read.auth;
const write = telephonyConfig.write.auth;
const MAX = 1000;

const vendorItem = (orgId: string) => (v: Vendor) => ({
  id: vendorId(v, orgId),
  name: v.name,
  description: v.description,
  migrateUserCreationEnabled: v.migrateUserCreationEnabled,
  loginUrl: v.loginUrl,
  termsOfServiceUrl: v.termsOfServiceUrl,
});
const vendorByKey = (key: unknown) => VENDORS.find((v) => v.key === key) ?? VENDORS[0];

/** Announcements as GET shows them: a custom one names its file. */
function presentAnnouncement(choice: { type?: string; audioAnnouncementFileId?: string }) {
  return choice.type === 'CUSTOM' && choice.audioAnnouncementFileId
    ? { type: 'CUSTOM' as const, audioAnnouncementFile: { id: choice.audioAnnouncementFileId, mediaFileType: 'WAV' as const, level: 'ORGANIZATION' as const } }
    : { type: 'DEFAULT' as const };
}
const announcements = (doc: SettingDocument) =>
  Object.fromEntries(['start', 'stop', 'pause', 'resume', 'failureProceedWithCall', 'failureEndWithCall'].map((k) => [k, presentAnnouncement(doc[k] as { type?: string })]));

// Features: Call Recording for the organization and its locations (domain/call-recording).
export function callRecordingConfigRoutes(server: Server, deps: { callRecordingConfig: CallRecordingConfigService }): void {
  const service = deps.callRecordingConfig;

  webexRoute(server, operations.getCallRecordingSettings, {
    auth: read,
    handler: async (request) => {
      const { doc, name, vendor } = await service.organization(request.orgId);
      return { organization: { id: encodeId('ORGANIZATION', request.orgId), name }, enabled: doc.enabled as boolean, vendorId: vendorId(vendor, request.orgId), vendorName: vendor.name, termsOfServiceUrl: vendor.termsOfServiceUrl };
    },
  });
  webexRoute(server, operations.updateCallRecordingSettings, {
    auth: write,
    handler: async (request, reply) => {
      await service.updateOrganization(request.orgId, request.body ?? {});
      sendEmpty(reply, 204);
    },
  });

  webexRoute(server, operations.getCallRecordingRegions, { auth: read, handler: async () => ({ regions: REGIONS }) });

  webexRoute(server, operations.getOrganizationCallRecordingVendors, {
    auth: read,
    handler: async (request) => {
      const { doc, vendor } = await service.organization(request.orgId);
      return { vendorId: vendorId(vendor, request.orgId), vendorName: vendor.name, vendors: { items: VENDORS.map(vendorItem(request.orgId)) }, storageRegion: doc.storageRegion as string, failureBehavior: doc.failureBehavior as string };
    },
  });
  webexRoute(server, operations.setOrganizationCallRecordingVendor, {
    auth: write,
    handler: async (request) => {
      const jobId = await service.setOrganizationVendor(request.orgId, principalOf(request).personId, request.body!);
      return { jobId: encodeId('JOB_ID', jobId) };
    },
  });

  webexRoute(server, operations.getCallRecordingTermsOfServiceSettings, {
    auth: read,
    handler: async (request) => {
      const { vendor, enabled } = await service.termsOfService(request.orgId, request.params.vendorId);
      return { vendorId: vendorId(vendor, request.orgId), vendorName: vendor.name, termsOfServiceEnabled: enabled, termsOfServiceUrl: vendor.termsOfServiceUrl };
    },
  });
  webexRoute(server, operations.updateCallRecordingTermsOfServiceSettings, {
    auth: write,
    handler: async (request, reply) => {
      await service.updateTermsOfService(request.orgId, request.params.vendorId, request.body!.termsOfServiceEnabled);
      sendEmpty(reply, 204);
    },
  });

  // The organization's and a location's announcements, compliance announcement and vendor users,
  // registered from one table: they differ by the location in the path.
  const levels = [
    {
      location: (_p: object): string | undefined => undefined,
      getAnnouncements: operations.getOrganizationCallRecordingAnnouncementSettings,
      putAnnouncements: operations.updateOrganizationCallRecordingAnnouncementSettings,
      getCompliance: operations.getDetailsForTheOrganizationComplianceAnnouncementSetting,
      putCompliance: operations.updateTheOrganizationComplianceAnnouncement,
      vendorUsers: operations.getCallRecordingVendorUsers,
    },
    {
      location: (p: object): string | undefined => (p as { locationId: string }).locationId,
      getAnnouncements: operations.getLocationCallRecordingAnnouncementSettings,
      putAnnouncements: operations.updateLocationCallRecordingAnnouncementSettings,
      getCompliance: operations.getDetailsOfCallRecordingComplianceAnnouncementForTheLocation,
      putCompliance: operations.updateCallRecordingComplianceAnnouncementForTheLocation,
      vendorUsers: operations.getCallRecordingVendorUsersForALocation,
    },
  ];
  for (const level of levels) {
    webexRoute(server, level.getAnnouncements, {
      auth: read,
      handler: async (request) => {
        const at = level.location(request.params ?? {});
        const doc = await service.read(request.orgId, at === undefined ? 'announcements' : 'locationAnnouncements', at);
        return { ...(at !== undefined ? { useOrgLevelAnnouncementEnabled: doc.useOrgLevelAnnouncementEnabled } : {}), ...announcements(doc) } as never;
      },
    });
    webexRoute(server, level.putAnnouncements, {
      auth: write,
      handler: async (request, reply) => {
        await service.updateAnnouncements(request.orgId, level.location(request.params ?? {}), (request.body ?? {}) as Record<string, unknown>);
        sendEmpty(reply, 204);
      },
    });
    webexRoute(server, level.getCompliance, {
      auth: read,
      handler: async (request) => {
        const at = level.location(request.params ?? {});
        const doc = await service.read(request.orgId, at === undefined ? 'compliance' : 'locationCompliance', at);
        const { audioAnnouncementFile, customComplianceAnnouncement, ...flags } = doc as SettingDocument & { audioAnnouncementFile?: { audioAnnouncementFileId?: string }; customComplianceAnnouncement?: { type?: string } };
        if (at !== undefined) return { ...flags, customComplianceAnnouncement: presentAnnouncement(customComplianceAnnouncement ?? {}) } as never;
        const file = audioAnnouncementFile?.audioAnnouncementFileId;
        return { ...flags, audioAnnouncementFile: file ? { id: file, mediaFileType: 'WAV', level: 'ORGANIZATION' } : {} } as never;
      },
    });
    webexRoute(server, level.putCompliance, {
      auth: write,
      handler: async (request, reply) => {
        await service.updateCompliance(request.orgId, level.location(request.params ?? {}), (request.body ?? {}) as Record<string, unknown>);
        sendEmpty(reply, 204);
      },
    });
    webexRoute(server, level.vendorUsers, {
      auth: read,
      handler: async (request, reply) => {
        const { max, start } = telephonyPaging(request.query, MAX);
        const { vendor, members } = await service.vendorUsers(request.orgId, level.location(request.params ?? {}), start, max);
        return {
          vendorId: vendorId(vendor, request.orgId),
          members: offsetPageItems(request, reply, members, max).map((p) => ({
            id: encodeId('PEOPLE', p.id),
            ...(p.firstName ? { firstName: p.firstName } : {}),
            ...(p.lastName ? { lastName: p.lastName } : {}),
            type: 'PEOPLE',
            licenseType: 'BASIC_USER',
          })),
        };
      },
    });
  }

  webexRoute(server, operations.getLocationCallRecordingVendors, {
    auth: read,
    handler: async (request) => {
      const { doc, org } = await service.locationVendors(request.orgId, request.params.locationId);
      const orgVendor = vendorByKey(org.vendor);
      const own = doc.orgDefaultEnabled === false ? vendorByKey(doc.vendor) : orgVendor;
      const orgFailure = doc.orgFailureBehaviorEnabled !== false;
      return {
        orgDefaultEnabled: doc.orgDefaultEnabled !== false,
        orgDefaultVendorId: vendorId(orgVendor, request.orgId),
        orgDefaultVendorName: orgVendor.name,
        defaultVendorId: vendorId(own, request.orgId),
        defaultVendorName: own.name,
        vendors: VENDORS.map(vendorItem(request.orgId)),
        orgStorageRegionEnabled: true,
        orgStorageRegion: org.storageRegion as string,
        storageRegion: org.storageRegion as string,
        orgFailureBehaviorEnabled: orgFailure,
        orgFailureBehavior: org.failureBehavior as string,
        failureBehavior: (orgFailure ? org.failureBehavior : doc.failureBehavior) as string,
      };
    },
  });
  webexRoute(server, operations.setCallRecordingVendorForALocation, {
    auth: write,
    handler: async (request, reply) => {
      const jobId = await service.setLocationVendor(request.orgId, request.params.locationId, principalOf(request).personId, request.body ?? {});
      if (jobId === undefined) return sendEmpty(reply, 204);
      return { jobId: encodeId('JOB_ID', jobId) };
    },
  });

  webexRoute(server, operations.listCallRecordingJobs, {
    auth: read,
    handler: async (request, reply) => {
      const { max, start } = telephonyPaging(request.query, MAX);
      const page = await service.jobs(request.orgId, start, max);
      return { items: offsetPageItems(request, reply, page, max).map(presentRecordingJob) } as never;
    },
  });
  webexRoute(server, operations.getTheJobStatusOfACallRecordingJob, {
    auth: read,
    handler: async (request) => presentRecordingJob(await service.job(request.orgId, request.params.jobId)) as never,
  });
  // A vendor change moves nobody in Callplane, so its jobs never have errors.
  webexRoute(server, operations.getJobErrorsForACallRecordingJob, {
    auth: read,
    handler: async (request) => {
      await service.job(request.orgId, request.params.jobId);
      return { items: [] };
    },
  });
}

function presentRecordingJob(job: Parameters<typeof presentJob>[0]) {
  const { counts: _counts, jobType: _jobType, ...rest } = presentJob(job);
  return {
    ...rest,
    name: CALL_RECORDING_JOB,
    ...(job.locationId ? { locationId: encodeId('LOCATION', job.locationId) } : {}),
    vendorId: vendorId(vendorByKey(job.newValue), job.orgId),
    counts: { totalUsers: job.totalItems, failedUsers: job.failedItems, completedUsers: job.updatedItems },
  };
}
