import type { LocationNumberService } from '../../domain/location-numbers/location-numbers-service.ts';
import { operations as snr } from '../../generated/webex/features-single-number-reach.ts';
import { offsetPageItems, offsetPaging } from '../../http/pagination.ts';
import { sendEmpty } from '../../http/replies.ts';
import type { Server } from '../../http/types.ts';
import { webexRoute } from '../../http/webex-route.ts';
import { numberQuery } from '../hunt-groups/hunt-group-forwarding.routes.ts';
import { telephonyConfig, telephonyPaging } from '../telephony-config.ts';
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

const { read, write } = telephonyConfig;
const MAX_NUMBERS = 2000;
const location = '/v1/telephony/config/locations/:locationId';

export function locationNumberRoutes(server: Server, deps: { locationNumbers: LocationNumberService }): void {
  const service = deps.locationNumbers;

  server.get(`${location}/features/emergencyCallbackNumber`, { schema: GetEcbn, config: read }, async (request) => {
    const orgId = request.orgId;
    return presentEcbn(await service.getEcbn(orgId, request.params.locationId));
  });

  server.put(`${location}/features/emergencyCallbackNumber`, { schema: UpdateEcbn, config: write }, async (request, reply) => {
    const orgId = request.orgId;
    await service.updateEcbn(orgId, request.params.locationId, request.body);
    sendEmpty(reply, 204);
  });

  // Webex documents the organization-level check with the read scope, the location-level one with the write scope.
  server.post('/v1/telephony/config/actions/validateExtensions/invoke', { schema: ValidateOrgExtensions, config: read }, async (request) => {
    request.orgId; // refuses another organization's orgId
    return service.validateOrgExtensions(request.body.extensions ?? []);
  });

  server.post(`${location}/actions/validateExtensions/invoke`, { schema: ValidateLocationExtensions, config: write }, async (request) => {
    const orgId = request.orgId;
    return service.validateLocationExtensions(orgId, request.params.locationId, request.body.extensions);
  });

  // The available-number lists: each with its own rule and item fields (`list`), the same filters and paging.
  const lists = [
    ['externalCallerId', 'externalCallerId/availableNumbers', ListExternalCallerIdNumbers],
    ['location', 'availableNumbers', ListLocationAvailableNumbers],
    ['webexGo', 'webexGo/availableNumbers', ListWebexGoNumbers],
    ['emergencyCallbackNumber', 'emergencyCallbackNumber/availableNumbers', ListEcbnNumbers],
    ['callIntercept', 'callIntercept/availableNumbers', ListCallInterceptNumbers],
    ['chargeNumber', 'chargeNumber/availableNumbers', ListChargeNumbers],
  ] as const;
  for (const [list, path, schema] of lists) {
    server.get(`${location}/${path}`, { schema, config: read }, async (request, reply) => {
      const { orgId: _orgId, max: _max, start: _start, ...filters } = request.query;
      const orgId = request.orgId;
      const { max, start } = offsetPaging(request.query, MAX_NUMBERS);
      const page = await service.availableNumbers(orgId, request.params.locationId, list, { ...filters, start, max });
      return { phoneNumbers: offsetPageItems(request, reply, page, max).map((n) => presentCandidate(list, n)) };
    });
  }

  // A single number reach's primary number: service and standard numbers nobody holds, the hunt
  // group primary list's rule (and its fields).
  webexRoute(server, snr.getSingleNumberReachPrimaryAvailablePhoneNumbers, {
    auth: read.auth,
    handler: async (request, reply) => {
      const { max, start } = telephonyPaging(request.query, MAX_NUMBERS);
      const page = await service.availableNumbers(request.orgId, request.params.locationId, 'huntGroup', { ...numberQuery(request.query), start, max });
      return { phoneNumbers: offsetPageItems(request, reply, page, max).map((n) => presentCandidate('huntGroup', n)) } as never;
    },
  });
}
