import type { VirtualExtensionService } from '../../domain/virtual-extensions/virtual-extension-service.ts';
import { encodeId } from '../../domain/webex-ids.ts';
import { operations } from '../../generated/webex/features-virtual-extensions.ts';
import { offsetPageItems } from '../../http/pagination.ts';
import { sendEmpty } from '../../http/replies.ts';
import type { Server } from '../../http/types.ts';
import { webexRoute } from '../../http/webex-route.ts';
import type { Location } from '../../store/store.ts';
import type { StoredExtensionRange, StoredVirtualExtension } from '../../store/virtual-extensions-store.ts';
import { telephonyConfig, telephonyPaging } from '../telephony-config.ts';

const read = telephonyConfig.read.auth;
const write = telephonyConfig.write.auth;
const MAX = 1000;

const level = (locationId: string | null) => (locationId === null ? ('ORGANIZATION' as const) : ('LOCATION' as const));
const where = (locationId: string | null, location: Location | undefined) =>
  locationId === null ? {} : { locationId: encodeId('LOCATION', locationId), ...(location ? { locationName: location.name } : {}) };

/** A location's virtual extension is dialled elsewhere by routing prefix + extension (its ESN); the organization's as it is. */
function presentExtension(v: StoredVirtualExtension, location: Location | undefined) {
  const prefix = location?.routingPrefix ?? null;
  return {
    id: encodeId('VIRTUAL_EXTENSION', v.id),
    extension: v.extension,
    ...(prefix !== null ? { routingPrefix: prefix } : {}),
    esn: `${prefix ?? ''}${v.extension}`,
    phoneNumber: v.phoneNumber,
    ...(v.firstName !== null ? { firstName: v.firstName } : {}),
    ...(v.lastName !== null ? { lastName: v.lastName } : {}),
    displayName: v.displayName,
    level: level(v.locationId),
    ...where(v.locationId, location),
  };
}

const rangeId = (r: StoredExtensionRange) => encodeId('VIRTUAL_EXTENSION_RANGE', r.id);

// Features: Virtual Extensions — virtual extensions, their ranges, the organization's mode, and
// the two validation actions.
export function virtualExtensionRoutes(server: Server, deps: { virtualExtensions: VirtualExtensionService }): void {
  const service = deps.virtualExtensions;

  webexRoute(server, operations.readTheListOfVirtualExtensions, {
    auth: read,
    handler: async (request, reply) => {
      const { locationId, orgLevelOnly, extension, phoneNumber, name, locationName } = request.query;
      const { max, start } = telephonyPaging(request.query, MAX);
      const { page, locations } = await service.list(request.orgId, { locationId, orgLevelOnly, extension, phoneNumber, name, locationName, max, start });
      return { virtualExtensions: offsetPageItems(request, reply, page, max).map((v) => presentExtension(v, v.locationId ? locations.get(v.locationId) : undefined)) };
    },
  });

  webexRoute(server, operations.createAVirtualExtension, {
    auth: write,
    handler: async (request, reply) => {
      const v = await service.create(request.orgId, request.body ?? {});
      reply.code(201);
      return { id: encodeId('VIRTUAL_EXTENSION', v.id) };
    },
  });

  webexRoute(server, operations.getAVirtualExtension, {
    auth: read,
    handler: async (request) => {
      const { extension, location } = await service.get(request.orgId, request.params.extensionId);
      return presentExtension(extension, location);
    },
  });

  webexRoute(server, operations.updateAVirtualExtension, {
    auth: write,
    handler: async (request, reply) => {
      await service.update(request.orgId, request.params.extensionId, request.body ?? {});
      sendEmpty(reply, 204);
    },
  });

  webexRoute(server, operations.deleteAVirtualExtension, {
    auth: write,
    handler: async (request, reply) => {
      await service.delete(request.orgId, request.params.extensionId);
      sendEmpty(reply, 204);
    },
  });

  webexRoute(server, operations.validateAnExternalPhoneNumber, {
    auth: write,
    handler: async (request) => ({ status: await service.validateNumbers(request.orgId, request.body?.phoneNumbers ?? []) }),
  });

  // STANDARD is the one mode the document knows; the schema refuses any other.
  webexRoute(server, operations.getVirtualExtensionSettings, {
    auth: read,
    handler: async () => ({ mode: 'STANDARD' as const }),
  });

  webexRoute(server, operations.modifyVirtualExtensionSettings, {
    auth: write,
    handler: async (_request, reply) => sendEmpty(reply, 204),
  });

  webexRoute(server, operations.getAListOfAVirtualExtensionRange, {
    auth: read,
    handler: async (request, reply) => {
      const { locationId, orgLevelOnly, name, prefix } = request.query;
      const { max, start } = telephonyPaging(request.query, MAX);
      const { page, locations } = await service.listRanges(request.orgId, { locationId, orgLevelOnly, name, prefix, max, start });
      return {
        virtualExtensionRanges: offsetPageItems(request, reply, page, max).map((r) => ({
          id: rangeId(r),
          name: r.name,
          prefix: r.prefix,
          level: level(r.locationId),
          ...where(r.locationId, r.locationId ? locations.get(r.locationId) : undefined),
        })),
      };
    },
  });

  webexRoute(server, operations.createAVirtualExtensionRange, {
    auth: write,
    handler: async (request, reply) => {
      const range = await service.createRange(request.orgId, request.body ?? {});
      reply.code(201);
      return { id: rangeId(range) };
    },
  });

  webexRoute(server, operations.getDetailsOfAVirtualExtensionRange, {
    auth: read,
    handler: async (request) => {
      const { range, location } = await service.getRange(request.orgId, request.params.extensionRangeId);
      return { id: rangeId(range), name: range.name, prefix: range.prefix, patterns: range.patterns, ...(location ? { locationName: location.name } : {}) };
    },
  });

  webexRoute(server, operations.modifyVirtualExtensionRange, {
    auth: write,
    handler: async (request, reply) => {
      await service.updateRange(request.orgId, request.params.extensionRangeId, request.body ?? {});
      sendEmpty(reply, 204);
    },
  });

  webexRoute(server, operations.deleteAVirtualExtensionRange, {
    auth: write,
    handler: async (request, reply) => {
      await service.deleteRange(request.orgId, request.params.extensionRangeId);
      sendEmpty(reply, 204);
    },
  });

  webexRoute(server, operations.validateThePrefixAndExtensionPatternForAVirtualExtensionRange, {
    auth: write,
    handler: async (request) => {
      const problems = await service.validateRange(request.orgId, request.body ?? {});
      return problems.length === 0 ? { status: 'OK' as const } : { status: 'ERRORS' as const, virtualExtensionRangeValidationStatus: problems };
    },
  });
}
