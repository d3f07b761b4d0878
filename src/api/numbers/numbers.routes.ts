import { anyOf } from '../../domain/auth/scopes.ts';
import type { NumberService } from '../../domain/numbers/number-service.ts';
import { targetOrgId } from '../../http/auth.ts';
import { clampMax, linkNext } from '../../http/pagination.ts';
import { sendEmpty } from '../../http/replies.ts';
import type { Server } from '../../http/types.ts';
import { presentNumber } from './numbers.presenters.ts';
import { AddNumbers, ListNumbers, ManageNumberState, RemoveNumbers } from './numbers.schemas.ts';

const read = { auth: anyOf('spark-admin:telephony_config_read') };
const write = { auth: anyOf('spark-admin:telephony_config_write') };
const MAX_NUMBERS = 2000;

export function numberRoutes(server: Server, deps: { numbers: NumberService }): void {
  server.get('/v1/telephony/config/numbers', { schema: ListNumbers, config: read }, async (request, reply) => {
    const { orgId: orgIdParam, max: maxParam, start: startParam, ...filters } = request.query;
    const orgId = targetOrgId(request, orgIdParam);
    const max = clampMax(maxParam, MAX_NUMBERS, MAX_NUMBERS);
    const start = startParam ?? 0;
    const list = await deps.numbers.list(orgId, { ...filters, start, max });
    if (list.next !== undefined) linkNext(request, reply, { start: String(list.next), max: String(max) });
    return { phoneNumbers: list.items.map(presentNumber), ...(list.counts ? { count: list.counts } : {}) };
  });

  const numbersOf = '/v1/telephony/config/locations/:locationId/numbers';

  server.post(numbersOf, { schema: AddNumbers, config: write }, async (request, reply) => {
    const orgId = targetOrgId(request, request.query.orgId);
    await deps.numbers.add(orgId, request.params.locationId, request.body);
    sendEmpty(reply, 201);
  });

  server.put(numbersOf, { schema: ManageNumberState, config: write }, async (request, reply) => {
    const orgId = targetOrgId(request, request.query.orgId);
    await deps.numbers.manageState(orgId, request.params.locationId, request.body.phoneNumbers, request.body.action ?? 'ACTIVATE');
    reply.code(204);
    return null;
  });

  server.delete(numbersOf, { schema: RemoveNumbers, config: write }, async (request, reply) => {
    const orgId = targetOrgId(request, request.query.orgId);
    await deps.numbers.remove(orgId, request.params.locationId, request.body.phoneNumbers);
    reply.code(204);
    return null;
  });
}
