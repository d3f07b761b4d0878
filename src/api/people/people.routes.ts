import type { FastifyRequest } from 'fastify';
import { allOf, anyOf, isAdmin } from '../../domain/auth/scopes.ts';
import type { PeopleService } from '../../domain/people/people-service.ts';
import type { Person as PersonRecord } from '../../store/store.ts';
import { encodeId } from '../../domain/webex-ids.ts';
import { principalOf } from '../../http/auth.ts';
import { clampMax, decodeCursor, encodeCursor, linkNext } from '../../http/pagination.ts';
import { sendEmpty } from '../../http/replies.ts';
import type { Server } from '../../http/types.ts';
import { presentPerson } from './people.presenters.ts';
import { CreatePerson, DeletePerson, GetMe, GetPerson, ListPeople, UpdatePerson } from './people.schemas.ts';

const read = { auth: anyOf('spark:people_read', 'spark-admin:people_read') };
/** Reads whose answers may be kept while the store has not changed (http/read-cache.ts). */
const cachedRead = { ...read, readCache: true };
const write = { auth: allOf('spark-admin:people_write', 'spark-admin:people_read') };

/** Administrators of the organization see roles, licenses and, when asked, calling data. */
const isOrgAdmin = (request: FastifyRequest) => {
  const principal = principalOf(request);
  return isAdmin(principal) && principal.scopes.has('spark-admin:people_read');
};

export function peopleRoutes(server: Server, deps: { people: PeopleService }): void {
  const { people } = deps;

  async function presentOne(orgId: string, person: PersonRecord, callingData: boolean | undefined, admin: boolean) {
    const show = { admin, callingData: admin && callingData === true };
    const [view] = await people.describe(orgId, [person], { licenses: show.admin, number: show.callingData });
    return presentPerson(view!, show);
  }

  server.get('/v1/people', { schema: ListPeople, config: cachedRead }, async (request, reply) => {
    const { query } = request;
    const orgId = request.orgId;
    const admin = isOrgAdmin(request);
    const callingData = admin && query.callingData === true;
    const limit = query.locationId !== undefined ? 50 : callingData ? 100 : 1000;
    const max = clampMax(query.max, Math.min(100, limit), limit);
    const result = await people.list(principalOf(request), orgId, {
      email: query.email,
      displayName: query.displayName,
      id: query.id,
      roles: query.roles,
      locationId: query.locationId,
      after: decodeCursor(query.after),
      max,
    });
    if (result.next) linkNext(request, reply, { after: encodeCursor(result.next), max: String(max) });
    // Webex leaves administrative fields out of ?id= lookups.
    const show = { admin: admin && query.id === undefined, callingData };
    const views = await people.describe(orgId, result.people, { licenses: show.admin, number: show.callingData });
    return {
      items: views.map((view) => presentPerson(view, show)),
      ...(result.notFoundIds ? { notFoundIds: result.notFoundIds } : {}),
    };
  });

  server.get('/v1/people/me', { schema: GetMe, config: cachedRead }, async (request) => {
    const principal = principalOf(request);
    const me = await people.get(principal.orgId, encodeId('PEOPLE', principal.personId));
    return presentOne(principal.orgId, me, request.query.callingData, true);
  });

  server.get('/v1/people/:personId', { schema: GetPerson, config: cachedRead }, async (request) => {
    const orgId = request.orgId;
    const person = await people.get(orgId, request.params.personId);
    return presentOne(orgId, person, request.query.callingData, isOrgAdmin(request));
  });

  server.post('/v1/people', { schema: CreatePerson, config: write }, async (request) => {
    const orgId = request.orgId;
    // Shown from what the create wrote: no read back.
    const view = await people.createDescribed(orgId, request.body);
    if (request.query.minResponse) return { id: encodeId('PEOPLE', view.person.id) };
    return presentPerson(view, { admin: true, callingData: request.query.callingData === true });
  });

  server.put('/v1/people/:personId', { schema: UpdatePerson, config: write }, async (request) => {
    const orgId = request.orgId;
    const person = await people.update(orgId, request.params.personId, request.body);
    if (request.query.minResponse) return { id: encodeId('PEOPLE', person.id) };
    return presentOne(orgId, person, request.query.callingData, true);
  });

  server.delete('/v1/people/:personId', { schema: DeletePerson, config: { auth: anyOf('spark-admin:people_write') } }, async (request, reply) => {
    const orgId = request.orgId;
    await people.delete(orgId, request.params.personId);
    sendEmpty(reply, 204);
  });
}
