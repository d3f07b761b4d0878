import { Type as T } from 'typebox';
import { anyOf } from '../../domain/auth/scopes.ts';
import { findModel } from '../../domain/devices/device-models.ts';
import type { DeviceService } from '../../domain/devices/device-service.ts';
import { WebexError } from '../../domain/errors.ts';
import { encodeId } from '../../domain/webex-ids.ts';
import { operations } from '../../generated/webex/devices.ts';
import { offsetPageItems } from '../../http/pagination.ts';
import { sendEmpty } from '../../http/replies.ts';
import type { Server } from '../../http/types.ts';
import { webexRoute } from '../../http/webex-route.ts';
import type { StoredDevice } from '../../store/devices-store.ts';
import { telephonyPaging } from '../telephony-config.ts';

// Devices: the organization's phones as the Devices API shows them (every Callplane device is a
// Cisco phone with a Webex Calling line). Administrators only: the user scopes for one's own
// devices (spark:devices_*) are not among the scopes Callplane issues.
const read = anyOf('spark-admin:devices_read');
const write = anyOf('spark-admin:devices_write');
const MAX = 1000;

/** 11:22:33:44:AA:FF, as the Devices API writes MACs (the telephony API writes them without colons). */
const colonMac = (mac: string) => mac.match(/../g)!.join(':');

export function presentDevice(d: StoredDevice) {
  const workspaceId = d.workspaceId !== null ? encodeId('PLACE', d.workspaceId) : undefined;
  return {
    id: encodeId('DEVICE', d.id),
    displayName: d.displayName,
    ...(workspaceId ? { placeId: workspaceId, workspaceId } : {}),
    ...(d.personId !== null ? { personId: encodeId('PEOPLE', d.personId) } : {}),
    orgId: encodeId('ORGANIZATION', d.orgId),
    capabilities: [],
    permissions: [],
    connectionStatus: d.activationState === 'activated' ? ('connected' as const) : ('activating' as const),
    product: findModel(d.model)?.displayName ?? d.model,
    type: 'phone',
    tags: d.tags,
    ...(d.mac !== null ? { mac: colonMac(d.mac) } : {}),
    created: d.created,
    // The last time the phone took its configuration (a rebuild or a device settings job).
    ...(d.configSynced !== null ? { lastSeen: d.configSynced } : {}),
    ...(d.locationId !== null ? { locationId: encodeId('LOCATION', d.locationId) } : {}),
    ...(d.locationId !== null && workspaceId ? { workspaceLocationId: encodeId('LOCATION', d.locationId) } : {}),
    managedBy: 'CISCO' as const,
    devicePlatform: 'cisco' as const,
  };
}

/** The body of PATCH /devices/{deviceId}: JSON Patch operations on the tags. */
const TagPatchBody = T.Array(T.Object({ op: T.Enum(['add', 'remove', 'replace']), path: T.String({ maxLength: 100 }), value: T.Optional(T.Array(T.String(), { maxItems: 100 })) }), {
  minItems: 1,
  maxItems: 100,
});

/**
 * List filters for things Callplane's phones never have (a capability, a permission, a serial, an
 * error code, a software version, planned maintenance, another platform or type): they match no device.
 */
function matchesNothing(q: Record<string, unknown>): boolean {
  const absent = ['serial', 'software', 'upgradeChannel', 'errorCode', 'capability', 'permission', 'plannedMaintenance', 'product'].some((k) => q[k] !== undefined);
  return absent || (q.type !== undefined && q.type !== 'phone') || (q.devicePlatform !== undefined && q.devicePlatform !== 'cisco');
}

export function deviceRoutes(server: Server, deps: { devices: DeviceService }): void {
  const service = deps.devices;
  // Webex's PATCH takes JSON Patch (application/json-patch+json); plain JSON is read the same way.
  server.addContentTypeParser('application/json-patch+json', { parseAs: 'string' }, (_request, body, done) => {
    try {
      done(null, (body as string).trim() === '' ? undefined : JSON.parse(body as string));
    } catch {
      done(new WebexError(400, 'The request body is not valid JSON.'), undefined);
    }
  });

  webexRoute(server, operations.listDevices, {
    auth: read,
    handler: async (request, reply) => {
      const q = request.query;
      const { max, start } = telephonyPaging(q, MAX);
      if (matchesNothing(q)) return { items: [] };
      const activationState = q.connectionStatus === undefined ? undefined : q.connectionStatus === 'connected' ? 'activated' : q.connectionStatus === 'activating' ? 'activating' : null;
      if (activationState === null) return { items: [] };
      const page = await service.list(request.orgId, {
        personId: q.personId,
        workspaceId: q.workspaceId,
        locationId: q.locationId ?? q.workspaceLocationId,
        mac: q.mac,
        displayName: q.displayName,
        activationState,
        tags: q.tag?.split(',').map((t) => t.trim()).filter((t) => t !== ''),
        max,
        start,
      });
      return { items: offsetPageItems(request, reply, page, max).map(presentDevice) };
    },
  });

  webexRoute(server, operations.getDeviceDetails, {
    auth: read,
    handler: async (request) => presentDevice(await service.get(request.orgId, request.params.deviceId)),
  });

  webexRoute(server, operations.createADeviceByMACAddress, {
    // Cisco's document names no scope here; adding a device is a device write.
    auth: write,
    handler: async (request) => presentDevice(await service.create(request.orgId, request.body ?? {})),
  });

  webexRoute(server, operations.createADeviceActivationCode, {
    auth: write,
    optionalBody: true,
    handler: async (request) => service.activationCode(request.orgId, request.body ?? {}),
  });

  webexRoute(server, operations.modifyDeviceTags, {
    auth: write,
    schema: { body: TagPatchBody },
    handler: async (request) => presentDevice(await service.patchTags(request.orgId, request.params.deviceId, request.body)),
  });

  webexRoute(server, operations.deleteADevice, {
    auth: write,
    handler: async (request, reply) => {
      await service.delete(request.orgId, request.params.deviceId);
      sendEmpty(reply, 204);
    },
  });
}
