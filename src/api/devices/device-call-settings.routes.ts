import { createHash } from 'node:crypto';
import { badRequest } from '../../domain/errors.ts';
import { DECT_MODELS, DEVICE_MODELS, findModel, type DeviceModel } from '../../domain/devices/device-models.ts';
import { hotelingOf, setHoteling } from '../../domain/devices/device-hoteling.ts';
import { devicesWithLineOf, holderMemberType, holderPublicId, maxLineCount, type DeviceMemberService, type CheckedPort, type LineHolder } from '../../domain/devices/device-members.ts';
import { deviceOf, MAX_OWNED_DEVICES, type DeviceService } from '../../domain/devices/device-service.ts';
import { normalizeMac, validateMacs } from '../../domain/devices/mac-addresses.ts';
import { personOf } from '../../domain/settings/settings-service.ts';
import { encodeId } from '../../domain/webex-ids.ts';
import { callingWorkspaceOf } from '../../domain/workspaces/workspace-service.ts';
import type { Clock } from '../../domain/clock.ts';
import { operations } from '../../generated/webex/device-call-settings.ts';
import { operations as dynamicOperations } from '../../generated/webex/device-call-settings-with-device-dynamic-settings.ts';
import { offsetPageItems } from '../../http/pagination.ts';
import { sendEmpty } from '../../http/replies.ts';
import type { Server } from '../../http/types.ts';
import { webexRoute } from '../../http/webex-route.ts';
import type { StoredDevice, StoredDeviceMember } from '../../store/devices-store.ts';
import type { Store } from '../../store/store.ts';
import { telephonyConfig, telephonyPaging } from '../telephony-config.ts';

/** Webex validates at most this many MACs in one request. */
const MAX_MACS = 100;
/** Lines a person or workspace may have across devices (owned and shared). */
const MAX_DEVICE_LINES = 35;
const read = telephonyConfig.read.auth;
const write = telephonyConfig.write.auth;

/** The simulated phone's address on the customer's network: stable for a device. */
const ipOf = (device: StoredDevice) => {
  const h = createHash('sha256').update(device.id).digest();
  return `10.${h[0]}.${h[1]}.${(h[2]! % 253) + 1}`;
};

const location = (h: LineHolder) => (h.location ? { location: { id: encodeId('LOCATION', h.location.id), name: h.location.name } } : {});
const holderId = holderPublicId;
const memberType = holderMemberType;
/** A device's owner is a person or a workspace, never a virtual line. */
const ownerType = (h: LineHolder) => (h.kind === 'person' ? ('PEOPLE' as const) : ('PLACE' as const));

export function presentMember(m: CheckedPort, h: LineHolder) {
  const prefix = h.location?.routingPrefix ?? null;
  return {
    id: holderId(h),
    firstName: h.firstName,
    lastName: h.lastName,
    ...(h.phoneNumber ? { phoneNumber: h.phoneNumber } : {}),
    ...(h.extension ? { extension: h.extension, ...(prefix !== null ? { routingPrefix: prefix } : {}), esn: `${prefix ?? ''}${h.extension}` } : {}),
    primaryOwner: m.line.primaryOwner,
    port: m.port,
    t38FaxCompressionEnabled: m.line.t38FaxCompressionEnabled,
    lineType: m.line.lineType,
    lineWeight: m.line.lineWeight,
    hotlineEnabled: m.line.hotlineEnabled,
    hotlineDestination: m.line.hotlineDestination,
    allowCallDeclineEnabled: m.line.allowCallDeclineEnabled,
    ...(m.line.lineLabel !== undefined ? { lineLabel: m.line.lineLabel } : {}),
    memberType: memberType(h),
    ...location(h),
  };
}

export function presentAvailable(h: LineHolder, usageType: 'DEVICE_OWNER' | 'SHARED_LINE' | undefined) {
  return {
    id: holderId(h),
    firstName: h.firstName,
    lastName: h.lastName,
    ...(h.phoneNumber ? { phoneNumber: h.phoneNumber } : {}),
    t38FaxCompressionEnabled: false,
    lineType: usageType === 'DEVICE_OWNER' ? ('PRIMARY' as const) : ('SHARED_CALL_APPEARANCE' as const),
    allowCallDeclineEnabled: true,
    memberType: memberType(h),
    ...location(h),
  };
}

/** A person's or workspace's device, as their device lists show it. */
function presentOwnDevice(d: StoredDevice, m: StoredDeviceMember, owner: LineHolder | undefined, hoteling: { enabled: boolean; limitGuestUse?: boolean; guestHoursLimit?: number }) {
  return {
    id: encodeId('DEVICE', d.id),
    description: [] as unknown[],
    model: d.model,
    ...(d.mac !== null ? { mac: d.mac } : {}),
    ...(d.activationState === 'activated' ? { ipAddress: ipOf(d) } : {}),
    primaryOwner: m.line.primaryOwner,
    type: m.line.lineType,
    hoteling: { enabled: hoteling.enabled, limitGuestUse: hoteling.limitGuestUse ?? false, ...(hoteling.guestHoursLimit !== undefined ? { guestHoursLimit: hoteling.guestHoursLimit } : {}) },
    owner: owner
      ? { id: holderId(owner), type: ownerType(owner), firstName: owner.firstName, lastName: owner.lastName }
      : { id: encodeId(d.personId !== null ? 'PEOPLE' : 'PLACE', (d.personId ?? d.workspaceId)!), type: d.personId !== null ? ('PEOPLE' as const) : ('PLACE' as const) },
  };
}

/** Upgrade channels of Cisco phones' firmware. */
const UPGRADE_CHANNELS = ['STABLE', 'STABLE_DELAY', 'PREVIEW', 'BETA', 'TESTING'];

/** A model as the supported devices list shows it: what Callplane lets an administrator do with it. */
function presentModel(m: DeviceModel) {
  const cisco = m.managedBy === 'CISCO';
  return {
    model: m.model,
    displayName: m.displayName,
    type: m.type,
    manufacturer: m.manufacturer,
    managedBy: m.managedBy,
    supportedFor: ['PEOPLE', 'PLACE'],
    onboardingMethod: [...m.onboardingMethod],
    allowConfigureLayoutEnabled: m.numberOfLineKeyButtons > 0,
    numberOfLinePorts: m.numberOfLinePorts,
    kemSupportEnabled: m.kemModuleType.length > 0,
    kemModuleCount: m.kemModuleCount,
    kemModuleType: [...m.kemModuleType],
    upgradeChannelEnabled: cisco,
    additionalPrimaryLineAppearancesEnabled: m.type === 'MPP',
    basicEmergencyNomadicEnabled: cisco,
    customizedBehaviorsEnabled: cisco,
    allowConfigurePortsEnabled: m.type === 'ATA',
    customizableLineLabelEnabled: m.type === 'MPP',
    supportsLinePortReorderingEnabled: m.type === 'MPP',
    kemLinesSupportEnabled: m.kemModuleType.length > 0,
    portNumberSupportEnabled: m.type === 'ATA',
    numberOfLineKeyButtons: m.numberOfLineKeyButtons,
    t38Enabled: m.type === 'ATA',
    callDeclinedEnabled: cisco,
    touchScreenPhone: m.touchScreenPhone,
    deviceSettingsConfiguration: m.type === 'GENERIC_SIP' ? 'NONE' : m.type,
    allowHotelingHostEnabled: m.type === 'MPP',
    supportsLogCollection: 'NONE',
    supportsApplyChangesEnabled: cisco,
    allowConfigureLinesEnabled: true,
    allowConfigurePhoneSettingsEnabled: cisco,
    supportsHotlineEnabled: cisco,
  };
}

/** The `type` filter: a type, or `not:TYPE` to leave one out. */
function typeMatches(filter: string | undefined, type: string): boolean {
  if (filter === undefined) return true;
  return filter.startsWith('not:') ? filter.slice(4) !== type : filter === type;
}

// Device Call Settings: a device's lines (members) and the people and workspaces that could take
// one, the devices of a person or workspace, MAC validation and the supported DECT types.
export function deviceCallSettingsRoutes(server: Server, deps: { store: Store; clock: Clock; devices: DeviceService; deviceMembers: DeviceMemberService }): void {
  const { store, clock, devices, deviceMembers } = deps;

  webexRoute(server, operations.validateAListOfMACAddress, {
    // The document names the write scope for this check (it precedes adding devices).
    auth: write,
    handler: async (request) => {
      const macs = request.body?.macs;
      if (macs === undefined || macs.length === 0) throw badRequest('macs is required: a list of 1 to 100 MAC addresses.');
      if (macs.length > MAX_MACS) throw badRequest(`At most ${MAX_MACS} MAC addresses can be validated at once.`);
      const inUse = new Set<string>();
      for (const mac of new Set(macs.map((m) => normalizeMac(m)))) {
        if (mac !== undefined && (await store.devices.findByMac(request.orgId, mac))) inUse.add(mac);
      }
      return validateMacs(macs, inUse);
    },
  });

  webexRoute(server, operations.getWebexCallingDeviceDetails, {
    auth: read,
    handler: async (request) => {
      const device = await deviceOf(store, request.orgId, request.params.deviceId);
      const model = findModel(device.model);
      return {
        manufacturer: model?.manufacturer ?? 'CISCO',
        managedBy: model?.managedBy ?? 'CISCO',
        id: encodeId('DEVICE', device.id),
        ip: device.activationState === 'activated' ? ipOf(device) : '',
        ...(device.mac !== null ? { mac: device.mac } : {}),
        model: device.model,
        activationState: device.activationState,
        description: [],
        upgradeChannelEnabled: model?.managedBy !== 'CUSTOMER',
        owner: { sipUserName: `${device.id.slice(0, 8)}_${(device.personId ?? device.workspaceId)!.slice(0, 8)}`, linePort: `${device.id.slice(0, 8)}@callplane.invalid` },
      };
    },
  });

  webexRoute(server, operations.updateThirdPartyDevice, {
    auth: write,
    handler: async (request, reply) => {
      if (!request.body) throw badRequest('sipPassword is required.');
      await devices.setSipPassword(request.orgId, request.params.deviceId, request.body.sipPassword);
      sendEmpty(reply, 204);
    },
  });

  // Applying changes resynchronises a phone with its configuration; simulated phones always run
  // the stored configuration, so there is nothing to push once the device is known.
  webexRoute(server, operations.applyChangesForASpecificDevice, {
    auth: write,
    handler: async (request, reply) => {
      await deviceOf(store, request.orgId, request.params.deviceId);
      sendEmpty(reply, 204);
    },
  });

  webexRoute(server, operations.getDeviceMembers, {
    auth: read,
    handler: async (request) => {
      const { device, members, holders } = await deviceMembers.members(request.orgId, request.params.deviceId);
      return { model: device.model, members: members.map((m) => presentMember(m, holders.get(m.memberId)!)), maxLineCount: maxLineCount(device) };
    },
  });

  webexRoute(server, operations.updateMembersOnDevice, {
    auth: write,
    optionalBody: true,
    handler: async (request, reply) => {
      await deviceMembers.update(request.orgId, request.params.deviceId, request.body?.members ?? []);
      sendEmpty(reply, 204);
    },
  });

  webexRoute(server, operations.searchMembers, {
    auth: read,
    handler: async (request, reply) => {
      const { max, start } = telephonyPaging(request.query, 1000);
      const all = await deviceMembers.available(request.orgId, request.params.deviceId, request.query);
      const page = { items: all.slice(start, start + max), ...(all.length > start + max ? { next: start + max } : {}) };
      return { members: offsetPageItems(request, reply, page, max).map((h) => presentAvailable(h, request.query.usageType)) };
    },
  });

  webexRoute(server, operations.getCountOfMembers, {
    auth: read,
    handler: async (request) => ({ totalCount: (await deviceMembers.available(request.orgId, request.params.deviceId, request.query)).length }),
  });

  webexRoute(server, operations.getCountOfAvailableMembers, {
    auth: read,
    handler: async (request) => ({ totalCount: (await deviceMembers.available(request.orgId, undefined, request.query)).length }),
  });

  webexRoute(server, operations.getPersonDevices, {
    auth: read,
    handler: async (request) => {
      const person = await personOf(store, request.orgId, request.params.personId);
      const lines = await devicesWithLineOf(store, request.orgId, person.id);
      const hoteling = await hotelingOf(store, request.orgId, 'person', person.id);
      return {
        devices: lines.map(({ device, member, owner }) => ({
          ...presentOwnDevice(device, member, owner, hoteling),
          modelType: 'DEVICE' as const,
          activationState: device.activationState,
        })),
        maxDeviceCount: MAX_DEVICE_LINES,
        maxOwnedDeviceCount: MAX_OWNED_DEVICES,
      };
    },
  });

  webexRoute(server, operations.getUserDevicesCount, {
    auth: read,
    handler: async (request) => {
      const person = await personOf(store, request.orgId, request.params.personId);
      // Webex apps are not devices Callplane keeps.
      return { totalDeviceCount: (await devicesWithLineOf(store, request.orgId, person.id)).length, applicationsCount: 0 };
    },
  });

  webexRoute(server, operations.modefyHotelingSettingsForPersonsPrimaryDevices, {
    auth: write,
    handler: async (request, reply) => {
      const person = await personOf(store, request.orgId, request.params.personId);
      if (!request.body?.hoteling) throw badRequest('hoteling is required.');
      await setHoteling(store, clock, request.orgId, 'person', person.id, request.body.hoteling);
      sendEmpty(reply, 204);
    },
  });

  webexRoute(server, operations.getWorkspaceDevices, {
    auth: read,
    handler: async (request) => {
      const workspace = await callingWorkspaceOf(store, request.orgId, request.params.workspaceId);
      const lines = await devicesWithLineOf(store, request.orgId, workspace.id);
      const hoteling = await hotelingOf(store, request.orgId, 'workspace', workspace.id);
      return {
        devices: lines.map(({ device, member, owner }) => ({
          ...presentOwnDevice(device, member, owner, hoteling),
          activationState: device.activationState === 'activated' ? ('ACTIVATED' as const) : ('ACTIVATING' as const),
        })),
        maxDeviceCount: MAX_DEVICE_LINES,
        maxOwnedDeviceCount: MAX_OWNED_DEVICES,
      };
    },
  });

  webexRoute(server, operations.modifyWorkspaceDevices, {
    auth: write,
    handler: async (request, reply) => {
      const workspace = await callingWorkspaceOf(store, request.orgId, request.params.workspaceId);
      if (!request.body) throw badRequest('enabled is required.');
      await setHoteling(store, clock, request.orgId, 'workspace', workspace.id, request.body);
      sendEmpty(reply, 204);
    },
  });

  webexRoute(server, dynamicOperations.readTheListOfSupportedDevices, {
    auth: read,
    handler: async (request) => {
      const { allowConfigureLayoutEnabled, type } = request.query;
      const devices = DEVICE_MODELS.map(presentModel).filter(
        (m) => typeMatches(type, m.type) && (allowConfigureLayoutEnabled === undefined || m.allowConfigureLayoutEnabled === allowConfigureLayoutEnabled),
      );
      return { upgradeChannelList: UPGRADE_CHANNELS, devices };
    },
  });

  for (const op of [operations.readTheDectDeviceTypeList, operations.readTheDectDeviceTypeListDeprecated]) {
    webexRoute(server, op, { auth: read, handler: async () => ({ devices: DECT_MODELS.map((m) => ({ ...m })) }) });
  }
}
