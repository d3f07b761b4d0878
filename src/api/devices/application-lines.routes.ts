import type { FastifyReply, FastifyRequest } from 'fastify';
import { anyOf } from '../../domain/auth/scopes.ts';
import { APPLICATION_LINE_COUNT, APPLICATION_MODEL, type ApplicationLineService } from '../../domain/devices/application-lines.ts';
import { holderPublicId, type LineFilter, type LineHolder } from '../../domain/devices/device-members.ts';
import { encodeId } from '../../domain/webex-ids.ts';
import { operations as user } from '../../generated/webex/user-call-settings.ts';
import { offsetPageItems } from '../../http/pagination.ts';
import { sendEmpty } from '../../http/replies.ts';
import type { Server } from '../../http/types.ts';
import { webexRoute, type WebexOperation } from '../../http/webex-route.ts';
import { documentScopes } from '../person-settings/setting-routes.ts';
import { telephonyPaging } from '../telephony-config.ts';
import { presentMember } from './device-call-settings.routes.ts';

// Shared line appearances on a person's Webex App (domain/devices/application-lines.ts): the
// lines on it and who could take one, by the app's ID (the person's desktopClientId) or, on the
// "New" paths, by the person alone. Both forms are one handler each, told apart by whether the
// path names an application. Scopes are the document's (people_* on the first form,
// telephony_config_* on the new one).

type Params = { personId: string; applicationId?: string };
const auth = (op: WebexOperation) => anyOf(...documentScopes(op.operationId));
const ids = (request: FastifyRequest) => request.params as Params;

function presentAvailable(h: LineHolder) {
  const prefix = h.location?.routingPrefix ?? null;
  return {
    id: holderPublicId(h),
    firstName: h.firstName,
    lastName: h.lastName,
    ...(h.phoneNumber ? { phoneNumber: h.phoneNumber } : {}),
    ...(h.extension ? { extension: h.extension, ...(prefix !== null ? { routingPrefix: prefix } : {}), esn: `${prefix ?? ''}${h.extension}` } : {}),
    lineType: 'SHARED_CALL_APPEARANCE' as const,
    ...(h.location ? { location: { id: encodeId('LOCATION', h.location.id), name: h.location.name } } : {}),
  };
}

export function applicationLineRoutes(server: Server, deps: { applicationLines: ApplicationLineService }): void {
  const { applicationLines } = deps;

  const members = async (request: FastifyRequest) => {
    const { personId, applicationId } = ids(request);
    const { members: ports, holders } = await applicationLines.members(request.orgId, personId, applicationId);
    return { model: APPLICATION_MODEL, members: ports.map((m) => presentMember(m, holders.get(m.memberId)!)), maxLineCount: APPLICATION_LINE_COUNT };
  };
  const update = async (request: FastifyRequest, reply: FastifyReply) => {
    const { personId, applicationId } = ids(request);
    const body = request.body as { members?: Parameters<ApplicationLineService['update']>[3] } | undefined;
    await applicationLines.update(request.orgId, personId, applicationId, body?.members ?? []);
    sendEmpty(reply, 204);
  };
  /** The available members list: its filters as each form names them. */
  const available = (filterOf: (query: Record<string, string | undefined>) => LineFilter) => async (request: FastifyRequest, reply: FastifyReply) => {
    const query = request.query as Record<string, string | undefined> & { max?: number; start?: number };
    const { max, start } = telephonyPaging(query, 1000);
    const { personId, applicationId } = ids(request);
    const all = await applicationLines.available(request.orgId, personId, applicationId, filterOf(query));
    const page = { items: all.slice(start, start + max), ...(all.length > start + max ? { next: start + max } : {}) };
    return { members: offsetPageItems(request, reply, page, max).map(presentAvailable) };
  };
  const byName = (q: Record<string, string | undefined>, phoneNumber: string | undefined): LineFilter => ({
    ...(q.name !== undefined ? { memberName: q.name } : {}),
    ...(phoneNumber !== undefined ? { phoneNumber } : {}),
    ...(q.extension !== undefined ? { extension: q.extension } : {}),
    ...(q.location !== undefined ? { locationId: q.location } : {}),
  });

  for (const op of [user.getSharedLineAppearanceMembers, user.getSharedLineAppearanceMembersNew]) webexRoute(server, op, { auth: auth(op), handler: members as never });
  for (const op of [user.modifySharedLineAppearanceMembers, user.putSharedLineAppearanceMembersNew]) webexRoute(server, op, { auth: auth(op), optionalBody: true, handler: update as never });
  webexRoute(server, user.searchSharedLineAppearanceMembers, { auth: auth(user.searchSharedLineAppearanceMembers), handler: available((q) => byName(q, q.number)) as never });
  webexRoute(server, user.searchSharedLineAppearanceMembersNew, { auth: auth(user.searchSharedLineAppearanceMembersNew), handler: available((q) => byName(q, q.phoneNumber)) as never });
  webexRoute(server, user.getCountOfSharedLineAppearanceMembersNew, {
    auth: auth(user.getCountOfSharedLineAppearanceMembersNew),
    handler: async (request) => ({ totalCount: (await applicationLines.available(request.orgId, request.params.personId, undefined, request.query)).length }),
  });
}
