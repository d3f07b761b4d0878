import type { CallPickupService } from '../../domain/call-pickup/call-pickup-service.ts';
import { encodeId } from '../../domain/webex-ids.ts';
import { operations } from '../../generated/webex/features-call-pickup.ts';
import { offsetPageItems } from '../../http/pagination.ts';
import { sendEmpty } from '../../http/replies.ts';
import type { Server } from '../../http/types.ts';
import { webexRoute } from '../../http/webex-route.ts';
import { pageOf, presentMember } from '../call-park/call-park.presenters.ts';
import { telephonyConfig, telephonyPaging } from '../telephony-config.ts';

const read = telephonyConfig.read.auth;
const write = telephonyConfig.write.auth;
const MAX = 2000;
const callPickupId = (id: string) => encodeId('CALL_PICKUP', id);

// Features: Call Pickup — the groups whose members answer each other's ringing calls.
export function callPickupRoutes(server: Server, deps: { callPickups: CallPickupService }): void {
  const service = deps.callPickups;

  webexRoute(server, operations.readTheListOfCallPickups, {
    auth: read,
    handler: async (request, reply) => {
      const { max, start } = telephonyPaging(request.query, MAX);
      const { pickups, location } = await service.list(request.orgId, request.params.locationId, { name: request.query.name });
      return {
        callPickups: offsetPageItems(request, reply, pageOf(pickups, start, max), max).map((p) => ({
          id: callPickupId(p.id),
          name: p.name,
          locationName: location.name,
          locationId: encodeId('LOCATION', location.id),
        })),
      };
    },
  });

  webexRoute(server, operations.createACallPickup, {
    auth: write,
    handler: async (request, reply) => {
      const pickup = await service.create(request.orgId, request.params.locationId, request.body);
      reply.code(201);
      return { id: callPickupId(pickup.id) };
    },
  });

  webexRoute(server, operations.getAvailableAgentsFromCallPickups, {
    auth: read,
    handler: async (request, reply) => {
      const { max, start } = telephonyPaging(request.query, MAX);
      const { name, phoneNumber, callPickupName } = request.query;
      const people = await service.availableAgents(request.orgId, request.params.locationId, { name, phoneNumber, callPickupName });
      return { agents: offsetPageItems(request, reply, pageOf(people, start, max), max).map((m) => presentMember(m, 'phoneNumber')) };
    },
  });

  webexRoute(server, operations.getDetailsForACallPickup, {
    auth: read,
    handler: async (request) => {
      const { pickup, agents } = await service.get(request.orgId, request.params.locationId, request.params.callPickupId);
      return {
        id: callPickupId(pickup.id),
        name: pickup.name,
        notificationType: pickup.notificationType,
        notificationDelayTimerSeconds: pickup.notificationDelayTimerSeconds,
        agents: agents.map((a) => presentMember(a, 'phoneNumber')),
      };
    },
  });

  webexRoute(server, operations.updateACallPickup, {
    auth: write,
    handler: async (request) => {
      const pickup = await service.update(request.orgId, request.params.locationId, request.params.callPickupId, request.body);
      return { id: callPickupId(pickup.id) };
    },
  });

  webexRoute(server, operations.deleteACallPickup, {
    auth: write,
    handler: async (request, reply) => {
      await service.delete(request.orgId, request.params.locationId, request.params.callPickupId);
      sendEmpty(reply, 204);
    },
  });
}
