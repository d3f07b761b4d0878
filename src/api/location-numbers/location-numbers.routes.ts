import type { FastifyReply, FastifyRequest } from 'fastify';
import { anyOf } from '../../domain/auth/scopes.ts';
import type { AvailableList } from '../../domain/location-numbers/available-numbers.ts';
import type { AvailableNumbersQuery, LocationNumberService } from '../../domain/location-numbers/location-numbers-service.ts';
import { targetOrgId } from '../../http/auth.ts';
import { clampMax, linkNext } from '../../http/pagination.ts';
import { sendEmpty } from '../../http/replies.ts';
import type { Server } from '../../http/types.ts';
import { presentCandidate, presentEcbn } from './location-numbers.presenters.ts';
import {
  GetEcbn,
  ListCallInterceptNumbers,
  ListChargeNumbers,
  ListEcbnNumbers,
  ListExternalCallerIdNumbers,
  ListLocationAvailableNumbers,
  ListWebexGoNumbers,
  UpdateEcbn,
  ValidateLocationExtensions,
  ValidateOrgExtensions,
} from './location-numbers.schemas.ts';

const read = { auth: anyOf('spark-admin:telephony_config_read') };
const write = { auth: anyOf('spark-admin:telephony_config_write') };
const MAX_NUMBERS = 2000;
const location = '/v1/telephony/config/locations/:locationId';

type ListQuery = Omit<AvailableNumbersQuery, 'start' | 'max'> & { orgId?: string; max?: number; start?: number };

export function locationNumberRoutes(server: Server, deps: { locationNumbers: LocationNumberService }): void {
  const service = deps.locationNumbers;

  server.get(`${location}/features/emergencyCallbackNumber`, { schema: GetEcbn, config: read }, async (request) => {
    const orgId = targetOrgId(request, request.query.orgId);
    return presentEcbn(await service.getEcbn(orgId, request.params.locationId));
  });

  server.put(`${location}/features/emergencyCallbackNumber`, { schema: UpdateEcbn, config: write }, async (request, reply) => {
    const orgId = targetOrgId(request, request.query.orgId);
    await service.updateEcbn(orgId, request.params.locationId, request.body);
    sendEmpty(reply, 204);
  });

  // Webex documents the organization-level check with the read scope, the location-level one with the write scope.
  server.post('/v1/telephony/config/actions/validateExtensions/invoke', { schema: ValidateOrgExtensions, config: read }, async (request) => {
    targetOrgId(request, request.query.orgId); // refuses another organization's orgId
    return service.validateOrgExtensions(request.body.extensions ?? []);
  });

  server.post(`${location}/actions/validateExtensions/invoke`, { schema: ValidateLocationExtensions, config: write }, async (request) => {
    const orgId = targetOrgId(request, request.query.orgId);
    return service.validateLocationExtensions(orgId, request.params.locationId, request.body.extensions);
  });

  /** One available-number list: the rule of `list`, the query's filters, a page of `max` from `start`. */
  async function availableNumbers(list: AvailableList, request: FastifyRequest, reply: FastifyReply, locationId: string, query: ListQuery) {
    const { orgId: orgIdParam, max: maxParam, start: startParam, ...filters } = query;
    const orgId = targetOrgId(request, orgIdParam);
    const max = clampMax(maxParam, MAX_NUMBERS, MAX_NUMBERS);
    const start = startParam ?? 0;
    const page = await service.availableNumbers(orgId, locationId, list, { ...filters, start, max });
    if (page.next !== undefined) linkNext(request, reply, { start: String(page.next), max: String(max) });
    return { phoneNumbers: page.items.map((n) => presentCandidate(list, n)) };
  }

  server.get(`${location}/externalCallerId/availableNumbers`, { schema: ListExternalCallerIdNumbers, config: read }, (request, reply) =>
    availableNumbers('externalCallerId', request, reply, request.params.locationId, request.query),
  );
  server.get(`${location}/availableNumbers`, { schema: ListLocationAvailableNumbers, config: read }, (request, reply) =>
    availableNumbers('location', request, reply, request.params.locationId, request.query),
  );
  server.get(`${location}/webexGo/availableNumbers`, { schema: ListWebexGoNumbers, config: read }, (request, reply) =>
    availableNumbers('webexGo', request, reply, request.params.locationId, request.query),
  );
  server.get(`${location}/emergencyCallbackNumber/availableNumbers`, { schema: ListEcbnNumbers, config: read }, (request, reply) =>
    availableNumbers('emergencyCallbackNumber', request, reply, request.params.locationId, request.query),
  );
  server.get(`${location}/callIntercept/availableNumbers`, { schema: ListCallInterceptNumbers, config: read }, (request, reply) =>
    availableNumbers('callIntercept', request, reply, request.params.locationId, request.query),
  );
  server.get(`${location}/chargeNumber/availableNumbers`, { schema: ListChargeNumbers, config: read }, (request, reply) =>
    availableNumbers('chargeNumber', request, reply, request.params.locationId, request.query),
  );
}
