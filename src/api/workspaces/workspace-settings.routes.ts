import type { FastifyReply, FastifyRequest } from 'fastify';
import { anyOf } from '../../domain/auth/scopes.ts';
import type { CallRecordingService } from '../../domain/calls/call-recording-service.ts';
import type { CallRecordingUpdate } from '../../domain/calls/call-recording-settings.ts';
import { notFound } from '../../domain/errors.ts';
import type { AccessCode, DigitPattern } from '../../domain/settings/calling-permissions.ts';
import type { PermissionOwner, PermissionService } from '../../domain/settings/permission-service.ts';
import * as ring from '../../domain/settings/ring-settings.ts';
import { monitoringCandidates } from '../../domain/settings/monitoring-members.ts';
import type { SettingItemsService } from '../../domain/settings/setting-items.ts';
import type { SettingsService } from '../../domain/settings/settings-service.ts';
import { decodeId, encodeId } from '../../domain/webex-ids.ts';
import { alternateNumbersOf } from '../../domain/lines/alternate-numbers.ts';
import { callingWorkspaceOf } from '../../domain/workspaces/workspace-service.ts';
import { operations as deviceSettings } from '../../generated/webex/device-call-settings.ts';
import { operations as ws } from '../../generated/webex/workspace-call-settings.ts';
import { offsetPageItems } from '../../http/pagination.ts';
import { sendEmpty } from '../../http/replies.ts';
import type { Server } from '../../http/types.ts';
import { webexRoute, type WebexOperation } from '../../http/webex-route.ts';
import type { Store } from '../../store/store.ts';
import { readAnnouncementUpload } from '../announcements/announcement-upload.ts';
import { presentCallRecording } from '../person-features/call-recording.presenters.ts';
import { telephonyPaging } from '../telephony-config.ts';
import { settingItemRoutes, type ItemOperations } from '../person-settings/setting-item-routes.ts';
import { documentScopes, ownerSettingRoutes, type SettingPair } from '../person-settings/setting-routes.ts';

// Workspace Call Settings served by the one settings mechanism (domain/settings/workspace-settings.ts):
// the same documents, criteria and permission lists as a person's, by the workspace's operations,
// and the workspace's numbers. Table driven: adding a setting is a row.

export const WORKSPACE_SETTING_PAIRS: readonly SettingPair[] = [
  { setting: 'doNotDisturb', get: ws.retrieveDoNotDisturbSettingsForAWorkspace, put: ws.modifyDoNotDisturbSettingsForAWorkspace },
  { setting: 'callWaiting', get: ws.retrieveCallWaitingSettingsForAWorkspace, put: ws.modifyCallWaitingSettingsForAWorkspace },
  { setting: 'callForwarding', get: ws.retrieveCallForwardingSettingsForAWorkspace, put: ws.modifyCallForwardingSettingsForAWorkspace },
  { setting: 'callBridge', get: ws.retrieveCallBridgeWarningToneSettingsForAWorkspace, put: ws.modifyCallBridgeWarningToneSettingsForAWorkspace },
  { setting: 'anonymousCallReject', get: ws.retrieveAnonymousCallSettingsForAWorkspace, put: ws.modifyAnonymousCallSettingsForAWorkspace },
  { setting: 'bargeIn', get: ws.retrieveBargeInCallSettingsForAWorkspace, put: ws.modifyBargeInCallSettingsForAWorkspace },
  { setting: 'musicOnHold', get: ws.retrieveMusicOnHoldSettingsForAWorkspace, put: ws.modifyMusicOnHoldSettingsForAWorkspace },
  { setting: 'outboundBillingPlan', get: ws.getWorkspaceOutboundBillingPlan, put: ws.updateWorkspaceOutboundBillingPlan },
  { setting: 'callPolicies', get: ws.readCallPolicySettingsForAWorkspace, put: ws.configureCallPolicySettingsForAWorkspace },
  { setting: 'pushToTalk', get: ws.readPushToTalkSettingsForAWorkspace, put: ws.configurePushToTalkSettingsForAWorkspace },
  { setting: 'monitoring', get: ws.getMonitoringSettingsWorkspace, put: ws.modifyMonitoringSettingsWorkspace },
  { setting: 'privacy', get: ws.retrievePrivacySettingsForAWorkspace, put: ws.modifyPrivacySettingsForAWorkspace },
  { setting: 'incomingPermission', get: ws.retrieveIncomingPermissionSettingsForAWorkspace, put: ws.modifyIncomingPermissionSettingsForAWorkspace },
  { setting: 'outgoingPermission', get: ws.retrieveOutgoingPermissionSettingsForAWorkspace },
  { setting: 'outgoingTransferNumbers', get: ws.retrieveTransferNumbersSettingsForAWorkspace, put: ws.modifyTransferNumbersSettingsForAWorkspace },
  { setting: 'intercept', get: ws.readCallInterceptSettingsForAWorkspace, put: ws.configureCallInterceptSettingsForAWorkspace },
  { setting: 'callerId', get: ws.readCallerIDSettingsForAWorkspace, put: ws.configureCallerIDSettingsForAWorkspace },
  { setting: 'voicemail', get: ws.readVoicemailSettingsForAWorkspace, put: ws.configureVoicemailSettingsForAWorkspace },
  { setting: 'simultaneousRing', get: ws.retrieveSimultaneousRingSettingsForAWorkspace, put: ws.modifySimultaneousRingSettingsForAWorkspace },
  { setting: 'sequentialRing', get: ws.retrieveSequentialRingSettingsForAWorkspace, put: ws.modifySequentialRingSettingsForAWorkspace },
  { setting: 'priorityAlert', get: ws.retrievePriorityAlertSettingsForAWorkspace, put: ws.configurePriorityAlertSettingsForAWorkspace },
  { setting: 'selectiveAccept', get: ws.retrieveSelectiveAcceptSettingsForAWorkspace, put: ws.modifySelectiveAcceptSettingsForAWorkspace },
  { setting: 'selectiveReject', get: ws.retrieveSelectiveRejectSettingsForAWorkspace, put: ws.modifySelectiveRejectSettingsForAWorkspace },
  { setting: 'selectiveForward', get: ws.retrieveSelectiveForwardSettingsForAWorkspace, put: ws.modifySelectiveForwardSettingsForAWorkspace },
  { setting: 'deviceCompression', get: deviceSettings.getDeviceSettingsForAWorkspace, put: deviceSettings.updateDeviceSettingsForAWorkspace },
];

const criteria = (collection: ItemOperations['collection'], create: WebexOperation, get: WebexOperation, update: WebexOperation, remove: WebexOperation): ItemOperations => ({
  collection,
  create,
  get,
  update,
  delete: remove,
});

export const WORKSPACE_ITEMS: readonly ItemOperations[] = [
  criteria(
    ring.SIMULTANEOUS_RING_CRITERIA,
    ws.createSimultaneousRingCriteriaForAWorkspace,
    ws.retrieveSimultaneousRingCriteriaForAWorkspace,
    ws.modifySimultaneousRingCriteriaForAWorkspace,
    ws.deleteSimultaneousRingCriteriaForAWorkspace,
  ),
  criteria(
    ring.SEQUENTIAL_RING_CRITERIA,
    ws.createSequentialRingCriteriaForAWorkspace,
    ws.retrieveSequentialRingCriteriaForAWorkspace,
    ws.modifySequentialRingCriteriaForAWorkspace,
    ws.deleteSequentialRingCriteriaForAWorkspace,
  ),
  criteria(
    ring.PRIORITY_ALERT_CRITERIA,
    ws.createPriorityAlertCriteriaForAWorkspace,
    ws.retrievePriorityAlertCriteriaForAWorkspace,
    ws.modifyPriorityAlertCriteriaForAWorkspace,
    ws.deletePriorityAlertCriteriaForAWorkspace,
  ),
  criteria(
    ring.SELECTIVE_ACCEPT_CRITERIA,
    ws.createSelectiveAcceptCriteriaForAWorkspace,
    ws.retrieveSelectiveAcceptCriteriaForAWorkspace,
    ws.modifySelectiveAcceptCriteriaForAWorkspace,
    ws.deleteSelectiveAcceptCriteriaForAWorkspace,
  ),
  criteria(
    ring.SELECTIVE_REJECT_CRITERIA,
    ws.createSelectiveRejectCriteriaForAWorkspace,
    ws.retrieveSelectiveRejectCriteriaForAWorkspace,
    ws.modifySelectiveRejectCriteriaForAWorkspace,
    ws.deleteSelectiveRejectCriteriaForAWorkspace,
  ),
  criteria(
    ring.SELECTIVE_FORWARD_CRITERIA,
    ws.createSelectiveForwardCriteriaForAWorkspace,
    ws.retrieveSelectiveForwardCriteriaForAWorkspace,
    ws.modifySelectiveForwardCriteriaForAWorkspace,
    ws.deleteSelectiveForwardCriteriaForAWorkspace,
  ),
];

type Deps = { workspaceSettings: SettingsService; workspaceItems: SettingItemsService; permissions: PermissionService; store: Store; callRecording: CallRecordingService };

/** A route acting on the workspace of the path through the permission service; answers `status`. */
function workspaceRoute(server: Server, op: WebexOperation, status: number, work: (owner: PermissionOwner, request: FastifyRequest) => Promise<unknown>): void {
  webexRoute(server, op, {
    auth: anyOf(...documentScopes(op.operationId)),
    handler: (async (request: FastifyRequest, reply: FastifyReply) => {
      const owner: PermissionOwner = { kind: 'workspace', orgId: request.orgId, id: (request.params as { workspaceId: string }).workspaceId };
      const result = await work(owner, request);
      if (result === undefined) return sendEmpty(reply, status);
      return reply.code(status).send(result);
    }) as never,
  });
}

const body = <T>(request: FastifyRequest) => (request.body ?? {}) as T;
const patternId = (request: FastifyRequest) => (request.params as { digitPatternId: string }).digitPatternId;

export function workspaceSettingsRoutes(server: Server, deps: Deps): void {
  for (const pair of WORKSPACE_SETTING_PAIRS) ownerSettingRoutes(server, deps.workspaceSettings, pair, 'workspaceId', {
      read: 'spark-admin:workspaces_read',
      write: 'spark-admin:workspaces_write',
    });
  for (const ops of WORKSPACE_ITEMS) settingItemRoutes(server, { items: deps.workspaceItems }, { param: 'workspaceId' }, ops);

  // Outgoing permissions: the PUT changes only the call types it lists; access codes and digit
  // patterns are lists of their own (the person's operations, domain/settings/permission-service.ts).
  const p = deps.permissions;
  workspaceRoute(server, ws.modifyOutgoingPermissionSettingsForAWorkspace, 204, (o, r) => p.updateOutgoing(o, body(r)));
  workspaceRoute(server, ws.retrieveAccessCodesForAWorkspace, 200, async (o) => ({ accessCodes: await p.accessCodes(o) }));
  workspaceRoute(server, ws.createAccessCodesForAWorkspace, 201, (o, r) => p.addAccessCodes(o, [body<AccessCode>(r)]));
  workspaceRoute(server, ws.modifyAccessCodesForAWorkspace, 204, (o, r) => p.deleteAccessCodes(o, body<{ deleteCodes?: string[] }>(r).deleteCodes ?? []));
  workspaceRoute(server, ws.deleteAllAccessCodesForAWorkspace, 204, (o) => p.deleteAccessCodes(o));
  workspaceRoute(server, ws.deleteASpecificAccessCodeForAWorkspace, 204, async (o, r) => {
    const code = (r.params as { accessCode: string }).accessCode;
    if (!(await p.accessCodes(o)).some((c) => c.code === code)) throw notFound(`Access code ${code} not found.`);
    await p.deleteAccessCodes(o, [code]);
  });

  workspaceRoute(server, ws.retrieveAllDigitPatternsForAWorkspace, 200, async (o) => p.digitPatterns(o));
  workspaceRoute(server, ws.createDigitPatternForAWorkspace, 201, async (o, r) => ({ id: await p.addDigitPattern(o, body<Omit<DigitPattern, 'id'>>(r)) }));
  workspaceRoute(server, ws.modifyTheDigitPatternCategoryControlSettingsForTheWorkspace, 204, (o, r) =>
    p.useCustomDigitPatterns(o, body<{ useCustomDigitPatterns?: boolean }>(r).useCustomDigitPatterns),
  );
  workspaceRoute(server, ws.deleteAllDigitPatternsForAWorkspace, 204, (o) => p.deleteDigitPatterns(o));
  workspaceRoute(server, ws.retrieveADigitPatternDetailsForTheWorkspace, 200, (o, r) => p.digitPattern(o, patternId(r)));
  workspaceRoute(server, ws.modifyADigitPatternForTheWorkspace, 204, (o, r) => p.changeDigitPattern(o, patternId(r), body(r)));
  workspaceRoute(server, ws.deleteADigitPatternForTheWorkspace, 204, (o, r) => p.deleteDigitPatterns(o, patternId(r)));

  workspaceRoute(server, ws.uploadCallInterceptAnnouncementFileForAWorkspace, 201, async (o, r) => {
    // The workspace first: another organization's workspace is a 404 whatever the body.
    await p.checkOwner(o);
    await p.uploadInterceptGreeting({ ...o, kind: 'workspace' }, await readAnnouncementUpload(r));
  });

  // Who the workspace may monitor, as busy lamp field lines or as speed dials: the same people.
  for (const op of [ws.getAvailableMembersForWorkspaceMonitoring, ws.getAvailableSpeedDialsForWorkspaceMonitoring]) {
    webexRoute(server, op, {
      auth: anyOf(...documentScopes(op.operationId)),
      handler: (async (request: FastifyRequest<{ Params: { workspaceId: string }; Querystring: { locationId?: string; memberName?: string; phoneNumber?: string; max?: number; start?: number } }>, reply: FastifyReply) => {
        const { owner } = await deps.workspaceSettings.context(deps.store, request.orgId, request.params.workspaceId);
        const { max, start } = telephonyPaging(request.query, 2000);
        const all = await monitoringCandidates(deps.store, owner, request.query);
        const page = { items: all.slice(start, start + max), ...(start + max < all.length ? { next: start + max } : {}) };
        return { members: offsetPageItems(request, reply, page, max) };
      }) as never,
    });
  }

  webexRoute(server, ws.listNumbersAssociatedWithASpecificWorkspace, {
    auth: anyOf('spark-admin:workspaces_read'),
    handler: async (request) => {
      const workspace = await callingWorkspaceOf(deps.store, request.orgId, request.params.workspaceId);
      const [location, org] = await Promise.all([deps.store.locations.get(request.orgId, workspace.callingLocationId!), deps.store.organizations.get(request.orgId)]);
      const prefix = location?.routingPrefix ?? null;
      const { distinctiveRingEnabled, alternates } = await alternateNumbersOf(deps.store, { kind: 'workspace', orgId: request.orgId, id: workspace.id });
      const line = (external: string | null, extension: string | null) => ({
        ...(external ? { external } : {}),
        ...(extension ? { extension } : {}),
        ...(extension && prefix ? { routingPrefix: prefix, esn: `${prefix}${extension}` } : {}),
      });
      return {
        distinctiveRingEnabled,
        phoneNumbers: [
          { ...line(workspace.phoneNumber, workspace.extension), primary: true },
          ...alternates.map((a) => ({ ...line(a.phoneNumber, a.extension), primary: false, ringPattern: a.ringPattern })),
        ],
        workspace: { id: encodeId('PLACE', workspace.id) },
        location: { id: encodeId('LOCATION', workspace.callingLocationId!), name: location?.name ?? '' },
        organization: { id: encodeId('ORGANIZATION', request.orgId), name: org?.displayName ?? '' },
      };
    },
  });

  // Call recording: the settings the engine records the workspace's calls by, as a person's.
  webexRoute(server, ws.retrieveCallRecordingSettingsForAWorkspace, {
    auth: anyOf(...documentScopes(ws.retrieveCallRecordingSettingsForAWorkspace.operationId)),
    handler: async (request) => {
      const settings = await deps.callRecording.get(request.orgId, request.params.workspaceId, 'workspace');
      return presentCallRecording(settings, request.orgId, decodeId(request.params.workspaceId, 'PLACE')!);
    },
  });
  webexRoute(server, ws.modifyCallRecordingSettingsForAWorkspace, {
    auth: anyOf(...documentScopes(ws.modifyCallRecordingSettingsForAWorkspace.operationId)),
    handler: async (request, reply) => {
      await deps.callRecording.update(request.orgId, request.params.workspaceId, (request.body ?? {}) as CallRecordingUpdate, 'workspace');
      sendEmpty(reply, 204);
    },
  });
}
