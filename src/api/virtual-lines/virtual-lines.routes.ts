import type { Static } from 'typebox';
import type { SettingsService } from '../../domain/settings/settings-service.ts';
import type { VirtualLineService, VirtualLineView } from '../../domain/virtual-lines/virtual-line-service.ts';
import { decodeId, encodeId } from '../../domain/webex-ids.ts';
import type { CallRecordingService } from '../../domain/calls/call-recording-service.ts';
import type { CallRecordingUpdate } from '../../domain/calls/call-recording-settings.ts';
import { presentCallRecording } from '../person-features/call-recording.presenters.ts';
import { operations as vl } from '../../generated/webex/virtual-line-call-settings.ts';
import { offsetPageItems } from '../../http/pagination.ts';
import { sendEmpty } from '../../http/replies.ts';
import type { Server } from '../../http/types.ts';
import { webexRoute } from '../../http/webex-route.ts';
import type { StoredVirtualLine } from '../../store/virtual-lines-store.ts';
import type { Location } from '../../store/store.ts';
import { ownerSettingRoutes, type SettingPair } from '../person-settings/setting-routes.ts';
import { telephonyConfig, telephonyPaging } from '../telephony-config.ts';

const read = telephonyConfig.read.auth;
const write = telephonyConfig.write.auth;
const MAX = 1000;
/** Phones a virtual line can be a line on. */
const MAX_DEVICES = 35;

export const VIRTUAL_LINE_SETTING_PAIRS: readonly SettingPair[] = [
  { setting: 'doNotDisturb', get: vl.getVirtualLineDoNotDisturb, put: vl.putVirtualLineDoNotDisturb },
  { setting: 'callWaiting', get: vl.readCallWaitingSettingsForAVirtualLine, put: vl.configureCallWaitingSettingsForAVirtualLine },
  { setting: 'callForwarding', get: vl.readCallForwardingSettingsForAVirtualLine, put: vl.configureCallForwardingSettingsForAVirtualLine },
  { setting: 'callBridge', get: vl.readCallBridgeSettingsForAVirtualLine, put: vl.configureCallBridgeSettingsForAVirtualLine },
  { setting: 'bargeIn', get: vl.readBargeInSettingsForAVirtualLine, put: vl.configureBargeInSettingsForAVirtualLine },
  { setting: 'callerId', get: vl.readCallerIDSettingsForAVirtualLine, put: vl.configureCallerIDSettingsForAVirtualLine },
  { setting: 'incomingPermission', get: vl.readIncomingPermissionSettingsForAVirtualLine, put: vl.configureIncomingPermissionSettingsForAVirtualLine },
  // The PUT changes only the call types it lists (call-permissions routes, PermissionService).
  { setting: 'outgoingPermission', get: vl.retrieveAVirtualLinesOutgoingCallingPermissionsSettings },
  { setting: 'outgoingTransferNumbers', get: vl.retrieveTransferNumbersForAVirtualLine, put: vl.modifyTransferNumbersForAVirtualLine },
  { setting: 'intercept', get: vl.readCallInterceptSettingsForAVirtualLine, put: vl.configureCallInterceptSettingsForAVirtualLine },
  // Its PUT answers 200 (call-permissions routes).
  { setting: 'privacy', get: vl.getAVirtualLinesPrivacySettings },
  { setting: 'pushToTalk', get: vl.readPushToTalkSettingsForAVirtualLine, put: vl.configurePushToTalkSettingsForAVirtualLine },
  { setting: 'musicOnHold', get: vl.retrieveMusicOnHoldSettingsForAVirtualLine, put: vl.configureMusicOnHoldSettingsForAVirtualLine },
  { setting: 'outboundBillingPlan', get: vl.getVirtualLineOutboundBillingPlan, put: vl.updateVirtualLineOutboundBillingPlan },
  { setting: 'voicemail', get: vl.readVoicemailSettingsForAVirtualLine, put: vl.configureVoicemailSettingsForAVirtualLine },
];

export const virtualLineId = (id: string) => encodeId('VIRTUAL_LINE', id);

const lineNumber = (l: StoredVirtualLine, location: Location | undefined) => ({
  ...(l.phoneNumber ? { external: l.phoneNumber } : {}),
  ...(l.extension ? { extension: l.extension } : {}),
  ...(l.extension && location?.routingPrefix ? { routingPrefix: location.routingPrefix, esn: `${location.routingPrefix}${l.extension}` } : {}),
  primary: true,
});

type CarryingDevice = Awaited<ReturnType<VirtualLineService['devices']>>['devices'][number];

/** A phone that carries the virtual line as one of its lines, with the phone's owner. */
function presentDevice({ device, member, owner }: CarryingDevice) {
  const ownerId = (device.personId ?? device.workspaceId)!;
  return {
    id: encodeId('DEVICE', device.id),
    description: [] as unknown[],
    model: device.model,
    ...(device.mac !== null ? { mac: device.mac } : {}),
    primaryOwner: member.line.primaryOwner,
    type: member.line.lineType,
    owner: {
      id: encodeId(device.personId !== null ? 'PEOPLE' : 'PLACE', ownerId),
      type: device.personId !== null ? ('PEOPLE' as const) : ('PLACE' as const),
      ...(owner ? { firstName: owner.firstName, lastName: owner.lastName } : {}),
    },
    activationState: device.activationState === 'activated' ? ('ACTIVATED' as const) : ('ACTIVATING' as const),
  };
}

function presentListItem(l: StoredVirtualLine, location: Location | undefined, devices: number) {
  return {
    id: virtualLineId(l.id),
    firstName: l.firstName,
    lastName: l.lastName,
    ...(l.details.callerIdFirstName !== undefined ? { callerIdFirstName: l.details.callerIdFirstName } : {}),
    ...(l.details.callerIdLastName !== undefined ? { callerIdLastName: l.details.callerIdLastName } : {}),
    ...(l.details.callerIdNumber ? { callerIdNumber: l.details.callerIdNumber } : {}),
    externalCallerIdNamePolicy: 'DIRECT_LINE' as const,
    number: lineNumber(l, location),
    location: { id: encodeId('LOCATION', l.locationId), name: location?.name ?? '' },
    numberOfDevicesAssigned: devices,
  };
}

function presentVirtualLine({ line: l, location, devices }: VirtualLineView & { devices: CarryingDevice[] }): Static<(typeof vl.getDetailsForAVirtualLine.response)[200]> {
  const { address } = location;
  return {
    id: virtualLineId(l.id),
    firstName: l.firstName,
    lastName: l.lastName,
    ...(l.displayName ? { displayName: l.displayName } : {}),
    directorySearchEnabled: l.details.directorySearchEnabled,
    announcementLanguage: l.details.announcementLanguage ?? location.announcementLanguage,
    timeZone: l.details.timeZone ?? location.timeZone,
    number: { ...(l.phoneNumber ? { external: l.phoneNumber } : {}), ...(l.extension ? { extension: l.extension } : {}), primary: true },
    devices: devices.map(presentDevice),
    location: {
      id: encodeId('LOCATION', location.id),
      name: location.name,
      address: {
        address1: address.address1,
        ...(address.address2 ? { address2: address.address2 } : {}),
        city: address.city,
        state: address.state,
        postalCode: address.postalCode,
        country: address.country,
      },
    },
  };
}

/** A list query parameter Webex takes as comma-separated values, given once or several times. */
const listOf = (value: unknown): string[] | undefined =>
  value === undefined ? undefined : (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(',')).map((v) => v.trim()).filter((v) => v !== '');

// Virtual Line Call Settings: the virtual line itself (list, create, get, update, delete, its
// number, directory search) and its settings documents through the one settings mechanism.
export function virtualLineRoutes(server: Server, deps: { virtualLines: VirtualLineService; virtualLineSettings: SettingsService; callRecording: CallRecordingService }): void {
  const service = deps.virtualLines;

  webexRoute(server, vl.readTheListOfVirtualLines, {
    auth: read,
    handler: async (request, reply) => {
      const q = request.query;
      const { max, start } = telephonyPaging(q, MAX);
      const { page, locations } = await service.list(request.orgId, {
        locationIds: listOf(q.locationId),
        ids: listOf(q.id),
        ownerName: listOf(q.ownerName)?.[0],
        phoneNumber: listOf(q.phoneNumber)?.[0],
        hasExtensionAssigned: q.hasExtensionAssigned,
        hasDnAssigned: q.hasDnAssigned,
        hasDeviceAssigned: q.hasDeviceAssigned,
        max,
        start,
      });
      const counts = await service.deviceCounts(request.orgId);
      return { virtualLines: offsetPageItems(request, reply, page, max).map((l) => presentListItem(l, locations.get(l.locationId), counts.get(l.id) ?? 0)) };
    },
  });

  webexRoute(server, vl.createAVirtualLine, {
    auth: write,
    handler: async (request, reply) => {
      const line = await service.create(request.orgId, request.body ?? {});
      reply.code(201);
      return { id: virtualLineId(line.id) };
    },
  });

  webexRoute(server, vl.getDetailsForAVirtualLine, {
    auth: read,
    handler: async (request) => presentVirtualLine(await service.devices(request.orgId, request.params.virtualLineId)),
  });

  webexRoute(server, vl.updateAVirtualLine, {
    auth: write,
    handler: async (request, reply) => {
      await service.update(request.orgId, request.params.virtualLineId, request.body ?? {});
      sendEmpty(reply, 204);
    },
  });

  webexRoute(server, vl.deleteAVirtualLine, {
    auth: write,
    handler: async (request, reply) => {
      await service.delete(request.orgId, request.params.virtualLineId);
      sendEmpty(reply, 204);
    },
  });

  webexRoute(server, vl.getPhoneNumberAssignedForAVirtualLine, {
    auth: read,
    handler: async (request) => {
      const { line: l } = await service.get(request.orgId, request.params.virtualLineId);
      return { phoneNumber: { ...(l.phoneNumber ? { directNumber: l.phoneNumber } : {}), ...(l.extension ? { extension: l.extension } : {}), primary: true } };
    },
  });

  webexRoute(server, vl.updateDirectorySearchForAVirtualLine, {
    auth: write,
    handler: async (request, reply) => {
      await service.setDirectorySearch(request.orgId, request.params.virtualLineId, request.body?.enabled);
      sendEmpty(reply, 204);
    },
  });

  // The phones carrying the virtual line as a line (device members); its DECT handsets are listed
  // by the dectNetworks GET (dect.routes.ts). Location: the virtual line's, as the document says.
  webexRoute(server, vl.getListOfDevicesAssignedForAVirtualLine, {
    auth: read,
    handler: async (request) => {
      const { devices, location } = await service.devices(request.orgId, request.params.virtualLineId);
      return {
        devices: devices.map((d) => ({ ...presentDevice(d), location: { id: encodeId('LOCATION', location.id), name: location.name } })),
        availableEndpointType: 'PRIMARY' as const,
        maxDeviceCount: MAX_DEVICES,
      };
    },
  });

  // Call recording: the settings the recording call controls follow, as a person's.
  webexRoute(server, vl.readCallRecordingSettingsForAVirtualLine, {
    auth: read,
    handler: async (request) => {
      const settings = await deps.callRecording.get(request.orgId, request.params.virtualLineId, 'virtualLine');
      return presentCallRecording(settings, request.orgId, decodeId(request.params.virtualLineId, 'VIRTUAL_LINE')!);
    },
  });
  webexRoute(server, vl.configureCallRecordingSettingsForAVirtualLine, {
    auth: write,
    handler: async (request, reply) => {
      await deps.callRecording.update(request.orgId, request.params.virtualLineId, (request.body ?? {}) as CallRecordingUpdate, 'virtualLine');
      sendEmpty(reply, 204);
    },
  });

  for (const pair of VIRTUAL_LINE_SETTING_PAIRS) ownerSettingRoutes(server, deps.virtualLineSettings, pair, 'virtualLineId', {
      read: 'spark-admin:telephony_config_read',
      write: 'spark-admin:telephony_config_write',
    });
}
