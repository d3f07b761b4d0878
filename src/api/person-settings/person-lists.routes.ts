import type { FastifyReply, FastifyRequest } from 'fastify';
import { anyOf } from '../../domain/auth/scopes.ts';
import { availableMembers, candidateId, type Candidate } from '../../domain/settings/available-members.ts';
import { alternateNumbersOf } from '../../domain/lines/alternate-numbers.ts';
import { enabledServices } from '../../domain/settings/calling-services.ts';
import { personOf } from '../../domain/settings/settings-service.ts';
import { encodeId } from '../../domain/webex-ids.ts';
import { operations as user } from '../../generated/webex/user-call-settings.ts';
import { offsetPageItems } from '../../http/pagination.ts';
import type { Server } from '../../http/types.ts';
import { webexRoute, type WebexOperation } from '../../http/webex-route.ts';
import type { Store } from '../../store/store.ts';
import { telephonyPaging } from '../telephony-config.ts';
import { documentScopes, personOnAdminPath } from './setting-routes.ts';

// What a person's settings are read against: their numbers, their enabled calling services, and
// the people (and virtual lines) their monitoring, speed dials and executive assistants may name.

const MAX = 1000;

type Query = { start?: number; max?: number; locationId?: string; memberName?: string; name?: string; phoneNumber?: string };

/** A route on the person of the path (or, with a user scope the document allows, oneself). */
function personRoute(server: Server, op: WebexOperation, work: (orgId: string, personId: string, request: FastifyRequest, reply: FastifyReply) => Promise<unknown>): void {
  const scopes = documentScopes(op.operationId);
  webexRoute(server, op, {
    auth: anyOf(...scopes),
    handler: (async (request: FastifyRequest, reply: FastifyReply) => work(request.orgId, personOnAdminPath(request, scopes), request, reply)) as never,
  });
}

const page = <T>(items: T[], query: Query) => {
  const { max, start } = telephonyPaging(query, MAX);
  return { max, page: { items: items.slice(start, start + max), ...(items.length > start + max ? { next: start + max } : {}) } };
};

export function personListRoutes(server: Server, deps: { store: Store }): void {
  const { store } = deps;

  personRoute(server, user.getAListOfPhoneNumbersForAPerson, async (orgId, personId) => {
    const person = await personOf(store, orgId, personId);
    const number = (await store.numbers.ownedBy([person.id])).get(person.id)?.phoneNumber;
    const location = await store.locations.get(orgId, person.locationId!);
    const prefix = location?.routingPrefix;
    const { distinctiveRingEnabled, alternates } = await alternateNumbersOf(store, { kind: 'person', orgId, id: person.id });
    const line = (directNumber: string | undefined, extension: string | null) => ({
      ...(directNumber ? { directNumber } : {}),
      ...(extension ? { extension } : {}),
      ...(extension && prefix ? { routingPrefix: prefix, esn: `${prefix}${extension}` } : {}),
    });
    return {
      distinctiveRingEnabled,
      phoneNumbers: [
        { primary: true, ...line(number, person.extension) },
        ...alternates.map((a) => ({ primary: false, ...line(a.phoneNumber, a.extension), ringPattern: a.ringPattern })),
      ],
    };
  });

  personRoute(server, user.getPersonCallingServices, async (orgId, personId) => ({ services: await enabledServices(store, orgId, personId) }));

  personRoute(server, user.getPersonExecutiveAvailableAssistants, async (orgId, personId, request, reply) => {
    const q = request.query as Query;
    const people = (await availableMembers(store, orgId, personId, { name: q.name, phoneNumber: q.phoneNumber }, false)).filter((c) => c.type === 'PEOPLE');
    const { max, page: one } = page(people, q);
    const assistants = offsetPageItems(request, reply, one, max).map((c) => ({
      id: candidateId(c),
      ...(c.firstName ? { firstName: c.firstName } : {}),
      ...(c.lastName ? { lastName: c.lastName } : {}),
      ...(c.number ? { directNumber: c.number } : {}),
      ...(c.extension ? { extension: c.extension } : {}),
    }));
    return { assistants };
  });

  // Monitoring and its speed dials may name people and virtual lines alike.
  for (const op of [user.getAvailableMembersForPersonMonitoring, user.getAvailableSpeedDialsForPersonMonitoring]) {
    personRoute(server, op, async (orgId, personId, request, reply) => {
      const q = request.query as Query;
      const candidates = await availableMembers(store, orgId, personId, { locationId: q.locationId, name: q.memberName, phoneNumber: q.phoneNumber }, true);
      const locations = new Map((await store.locations.getMany(orgId, [...new Set(candidates.map((c) => c.locationId))])).map((l) => [l.id, l.name]));
      const { max, page: one } = page(candidates, q);
      return { members: offsetPageItems(request, reply, one, max).map((c: Candidate) => presentMember(c, locations.get(c.locationId) ?? '')) };
    });
  }
}

const presentMember = (c: Candidate, locationName: string) => ({
  id: candidateId(c),
  ...(c.firstName ? { firstName: c.firstName } : {}),
  ...(c.lastName ? { lastName: c.lastName } : {}),
  displayName: c.displayName,
  ...(c.number ? { phoneNumber: c.number } : {}),
  ...(c.extension ? { extension: c.extension } : {}),
  type: c.type,
  location: { id: encodeId('LOCATION', c.locationId), name: locationName },
});
