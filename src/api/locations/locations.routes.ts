import { anyOf } from '../../domain/auth/scopes.ts';
import type { LocationService } from '../../domain/locations/location-service.ts';
import { encodeId } from '../../domain/webex-ids.ts';
import { clampMax, decodeCursor, encodeCursor, linkNext } from '../../http/pagination.ts';
import { sendEmpty } from '../../http/replies.ts';
import type { Server } from '../../http/types.ts';
import { presentLocation } from './locations.presenters.ts';
import { CreateLocation, DeleteLocation, GetLocation, ListLocations, UpdateLocation } from './locations.schemas.ts';

const read = { auth: anyOf('spark-admin:locations_read', 'spark-admin:people_read', 'spark-admin:device_read') };
/** Reads whose answers may be kept while the store has not changed (http/read-cache.ts). */
const cachedRead = { ...read, readCache: true };
const write = { auth: anyOf('spark-admin:locations_write') };

export function locationRoutes(server: Server, deps: { locations: LocationService }): void {
  server.get('/v1/locations', { schema: ListLocations, config: cachedRead }, async (request, reply) => {
    const { query } = request;
    const orgId = request.orgId;
    const max = clampMax(query.max, 500, 1000);
    const page = await deps.locations.list(orgId, { name: query.name, id: query.id, after: decodeCursor(query.after), max });
    if (page.next) linkNext(request, reply, { after: encodeCursor(page.next), max: String(max) });
    return { items: page.items.map(presentLocation) };
  });

  server.get('/v1/locations/:locationId', { schema: GetLocation, config: cachedRead }, async (request) => {
    const orgId = request.orgId;
    return presentLocation(await deps.locations.get(orgId, request.params.locationId));
  });

  server.post('/v1/locations', { schema: CreateLocation, config: write }, async (request, reply) => {
    const orgId = request.orgId;
    const { latitude, longitude, ...body } = request.body;
    const location = await deps.locations.create(orgId, {
      ...body,
      ...(latitude !== undefined ? { latitude: String(latitude) } : {}),
      ...(longitude !== undefined ? { longitude: String(longitude) } : {}),
    });
    reply.code(201);
    return { id: encodeId('LOCATION', location.id) };
  });

  server.put('/v1/locations/:locationId', { schema: UpdateLocation, config: write }, async (request, reply) => {
    const orgId = request.orgId;
    await deps.locations.update(orgId, request.params.locationId, request.body);
    sendEmpty(reply, 204);
  });

  server.delete('/v1/locations/:locationId', { schema: DeleteLocation, config: write }, async (request, reply) => {
    const orgId = request.orgId;
    await deps.locations.delete(orgId, request.params.locationId);
    sendEmpty(reply, 204);
  });
}
