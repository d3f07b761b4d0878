import type { FastifyReply, FastifyRequest } from 'fastify';
import { anyOf } from '../../domain/auth/scopes.ts';
import type { FloorInput, FloorService } from '../../domain/location-floors/floor-service.ts';
import { encodeId } from '../../domain/webex-ids.ts';
import { operations as ops } from '../../generated/webex/locations.ts';
import { sendEmpty } from '../../http/replies.ts';
import type { Server } from '../../http/types.ts';
import { webexRoute } from '../../http/webex-route.ts';
import type { StoredFloor } from '../../store/location-floors-store.ts';
import { documentScopes } from '../person-settings/setting-routes.ts';

// The floors of a location (Locations API, /v1/locations/{locationId}/floors).

const present = (f: StoredFloor) => ({
  id: encodeId('WORKSPACE_LOCATION_FLOOR', f.id),
  locationId: encodeId('LOCATION', f.locationId),
  floorNumber: f.floorNumber,
  ...(f.displayName !== null ? { displayName: f.displayName } : {}),
});

const auth = (operationId: string, otherwise: string) => anyOf(...(documentScopes(operationId).length > 0 ? documentScopes(operationId) : [otherwise]));
const params = (request: FastifyRequest) => request.params as { locationId: string; floorId: string };
const body = (request: FastifyRequest) => {
  const { floorNumber, displayName } = request.body as FloorInput;
  return { floorNumber, ...(displayName !== undefined ? { displayName } : {}) };
};

export function locationFloorRoutes(server: Server, deps: { floors: FloorService }): void {
  const floors = deps.floors;
  const READ = 'spark-admin:locations_read';
  const WRITE = 'spark-admin:locations_write';
  webexRoute(server, ops.listLocationFloors, {
    auth: auth(ops.listLocationFloors.operationId, READ),
    handler: (async (request: FastifyRequest) => ({ items: (await floors.list(request.orgId, params(request).locationId)).map(present) })) as never,
  });
  webexRoute(server, ops.createLocationFloor, {
    auth: auth(ops.createLocationFloor.operationId, WRITE),
    handler: (async (request: FastifyRequest, reply: FastifyReply) => reply.code(201).send(present(await floors.create(request.orgId, params(request).locationId, body(request))))) as never,
  });
  webexRoute(server, ops.getLocationFloorDetails, {
    auth: auth(ops.getLocationFloorDetails.operationId, READ),
    handler: (async (request: FastifyRequest) => present(await floors.get(request.orgId, params(request).locationId, params(request).floorId))) as never,
  });
  webexRoute(server, ops.updateLocationFloor, {
    auth: auth(ops.updateLocationFloor.operationId, WRITE),
    handler: (async (request: FastifyRequest) => present(await floors.update(request.orgId, params(request).locationId, params(request).floorId, body(request)))) as never,
  });
  webexRoute(server, ops.deleteLocationFloor, {
    auth: auth(ops.deleteLocationFloor.operationId, WRITE),
    handler: (async (request: FastifyRequest, reply: FastifyReply) => {
      await floors.delete(request.orgId, params(request).locationId, params(request).floorId);
      sendEmpty(reply, 204);
    }) as never,
  });
}
