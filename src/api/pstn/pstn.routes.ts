import { allOf, anyOf } from '../../domain/auth/scopes.ts';
import { addressId, optionId, type ConnectionOption, type PstnService } from '../../domain/pstn/pstn-service.ts';
import { encodeId } from '../../domain/webex-ids.ts';
import { operations } from '../../generated/webex/pstn.ts';
import { sendEmpty } from '../../http/replies.ts';
import type { Server } from '../../http/types.ts';
import { webexRoute } from '../../http/webex-route.ts';

const READ = 'spark-admin:telephony_pstn_read';
const WRITE = 'spark-admin:telephony_pstn_write';

const option = (orgId: string, o: ConnectionOption) => ({ id: optionId(o, orgId), displayName: o.displayName, pstnServices: o.pstnServices });

// PSTN: a location's PSTN connection and the emergency addresses of locations and numbers
// (domain/pstn). Scopes as Cisco's document names them.
export function pstnRoutes(server: Server, deps: { pstn: PstnService }): void {
  const service = deps.pstn;

  webexRoute(server, operations.retrievePSTNConnectionOptionsForALocation, {
    auth: anyOf(READ),
    handler: async (request) => {
      const types = (request.query.serviceTypes ?? []).map(String);
      return { items: (await service.options(request.orgId, request.params.locationId, types)).map((o) => option(request.orgId, o)) };
    },
  });

  webexRoute(server, operations.retrievePSTNConnectionForALocation, {
    auth: anyOf(READ),
    handler: async (request) => {
      const { option: o, route } = await service.connection(request.orgId, request.params.locationId);
      return {
        ...option(request.orgId, o),
        pstnConnectionType: o.pstnConnectionType,
        ...(route ? { routeType: route.type, routeId: encodeId(route.type, route.id) } : {}),
      };
    },
  });

  webexRoute(server, operations.setupPSTNConnectionForALocation, {
    auth: allOf(READ, WRITE),
    handler: async (request, reply) => {
      await service.setConnection(request.orgId, request.params.locationId, request.body ?? {});
      sendEmpty(reply, 204);
    },
  });

  webexRoute(server, operations.emergencyAddressLookup, {
    auth: anyOf(READ),
    handler: async (request) => {
      const { suggested, errors } = await service.lookup(request.orgId, request.params.locationId, request.body ?? {});
      return { addresses: [{ ...suggested, ...(errors.length > 0 ? { errors } : {}) }] };
    },
  });

  webexRoute(server, operations.addEmergencyAddressToLocation, {
    auth: anyOf(WRITE),
    handler: async (request, reply) => {
      const id = await service.addAddress(request.orgId, request.params.locationId, request.body ?? {});
      reply.code(201);
      return { id: addressId(id) };
    },
  });

  webexRoute(server, operations.updateEmergencyAddressOfLocation, {
    auth: anyOf(WRITE),
    handler: async (request, reply) => {
      await service.updateAddress(request.orgId, request.params.locationId, request.params.addressId, request.body ?? {});
      sendEmpty(reply, 204);
    },
  });

  webexRoute(server, operations.updateEmergencyAddressForPhoneNumber, {
    auth: anyOf(WRITE),
    handler: async (request, reply) => {
      await service.setNumberAddress(request.orgId, request.params.phoneNumber, request.body?.emergencyAddress);
      sendEmpty(reply, 204);
    },
  });
}
