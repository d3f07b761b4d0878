import type { NumberService } from '../../domain/numbers/number-service.ts';
import { offsetPageItems, offsetPaging } from '../../http/pagination.ts';
import { sendEmpty } from '../../http/replies.ts';
import type { Server } from '../../http/types.ts';
import { telephonyConfig } from '../telephony-config.ts';
import { presentNumber } from './numbers.presenters.ts';
import { AddNumbers, ListNumbers, ManageNumberState, RemoveNumbers } from './numbers.schemas.ts';

const { read, write } = telephonyConfig;
const MAX_NUMBERS = 2000;

export function numberRoutes(server: Server, deps: { numbers: NumberService }): void {
  server.get('/v1/telephony/config/numbers', { schema: ListNumbers, config: read }, async (request, reply) => {
    const { orgId: _orgId, max: _max, start: _start, ...filters } = request.query;
    const orgId = request.orgId;
    const { max, start } = offsetPaging(request.query, MAX_NUMBERS);
    const list = await deps.numbers.list(orgId, { ...filters, start, max });
    return { phoneNumbers: offsetPageItems(request, reply, list, max).map(presentNumber), ...(list.counts ? { count: { ...list.counts, reservedNumber: 0 } } : {}) };
  });

  const numbersOf = '/v1/telephony/config/locations/:locationId/numbers';

  server.post(numbersOf, { schema: AddNumbers, config: write }, async (request, reply) => {
    const orgId = request.orgId;
    await deps.numbers.add(orgId, request.params.locationId, request.body);
    sendEmpty(reply, 201);
  });

  server.put(numbersOf, { schema: ManageNumberState, config: write }, async (request, reply) => {
    const orgId = request.orgId;
    await deps.numbers.manageState(orgId, request.params.locationId, request.body.phoneNumbers, request.body.action ?? 'ACTIVATE');
    sendEmpty(reply, 204);
  });

  server.delete(numbersOf, { schema: RemoveNumbers, config: write }, async (request, reply) => {
    const orgId = request.orgId;
    await deps.numbers.remove(orgId, request.params.locationId, request.body.phoneNumbers);
    sendEmpty(reply, 204);
  });
}
