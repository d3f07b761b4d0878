import type { FastifyReply, FastifyRequest } from 'fastify';
import { anyOf } from '../../domain/auth/scopes.ts';
import type { AccessCode, DigitPattern } from '../../domain/settings/calling-permissions.ts';
import type { PermissionOwner, PermissionService } from '../../domain/settings/permission-service.ts';
import type { LocationNumberService } from '../../domain/location-numbers/location-numbers-service.ts';
import type { SettingsService } from '../../domain/settings/settings-service.ts';
import type { AgentCallerIdService } from '../../domain/settings/agent-caller-id.ts';
import { encodeId } from '../../domain/webex-ids.ts';
import { principalOf } from '../../http/auth.ts';
import { offsetPageItems } from '../../http/pagination.ts';
import { readAnnouncementUpload } from '../announcements/announcement-upload.ts';
import { presentCandidate } from '../location-numbers/location-numbers.presenters.ts';
import { telephonyPaging } from '../telephony-config.ts';
import { webexOperations as ops } from '../../generated/webex/index.ts';
import { sendEmpty } from '../../http/replies.ts';
import type { Server } from '../../http/types.ts';
import { webexRoute, type WebexOperation } from '../../http/webex-route.ts';
import { documentScopes, mySettingRoutes, personOnAdminPath, personSettingRoutes, type SettingPair } from '../person-settings/setting-routes.ts';

// A person's permissions, intercept, caller ID, anonymous call rejection, privacy and barge-in:
// plain documents through the one settings mechanism, plus the outgoing permission operations
// that change lists (access codes, digit patterns) through PermissionService.

const ADMIN_PAIRS: readonly SettingPair[] = [
  { setting: 'incomingPermission', get: ops.readIncomingPermissionSettingsForAPerson, put: ops.configureIncomingPermissionSettingsForAPerson },
  { setting: 'outgoingPermission', get: ops.retrieveOutgoingCallingPermissionsSettingsForAPerson },
  { setting: 'outgoingTransferNumbers', get: ops.retrieveTransferNumbersForPerson, put: ops.modifyTransferNumbersForPerson },
  { setting: 'intercept', get: ops.readCallInterceptSettingsForAPerson, put: ops.configureCallInterceptSettingsForAPerson },
  { setting: 'callerId', get: ops.readCallerIDSettingsForAPerson, put: ops.configureCallerIDSettingsForAPerson },
  { setting: 'anonymousCallReject', get: ops.getPersonAnonymousCallRejectSettings, put: ops.updatePersonAnonymousCallRejectSettings },
  { setting: 'privacy', get: ops.getPrivacySettingsForAPerson },
  { setting: 'bargeIn', get: ops.readBargeInSettingsForAPerson, put: ops.configureBargeInSettingsForAPerson },
];

const MY_PAIRS: readonly SettingPair[] = [
  { setting: 'anonymousCallReject', get: ops.getMyAnonymousCallRejectSettings, put: ops.updateMyAnonymousCallRejectSettings },
  { setting: 'bargeIn', get: ops.getBargeInSettings, put: ops.configureBargeInSettings },
  { setting: 'callerIdDelivery', get: ops.getMyCallerIDSettings, put: ops.modifyMyCallerIDSettings },
];

type Deps = { settings: SettingsService; permissions: PermissionService; locationNumbers: LocationNumberService; agentCallerId: AgentCallerIdService };

const MAX_NUMBERS = 2000;

/** An admin route acting on the person of the path (or, with a user scope the document allows, on oneself). */
function personRoute(server: Server, op: WebexOperation, status: number, work: (owner: PermissionOwner, request: FastifyRequest) => Promise<unknown>): void {
  const scopes = documentScopes(op.operationId);
  webexRoute(server, op, {
    auth: anyOf(...scopes),
    handler: (async (request: FastifyRequest, reply: FastifyReply) => {
      const owner: PermissionOwner = { kind: 'person', orgId: request.orgId, id: personOnAdminPath(request, scopes) };
      const result = await work(owner, request);
      if (result === undefined) return sendEmpty(reply, status);
      return reply.code(status).send(result);
    }) as never,
  });
}

/** A Call Settings For Me route: the token's own person (a calling token's scope is accepted too). */
function myRoute(server: Server, op: WebexOperation, callingScope: string, status: number, work: (me: PermissionOwner, request: FastifyRequest) => Promise<unknown>): void {
  webexRoute(server, op, {
    auth: anyOf(...documentScopes(op.operationId), callingScope),
    handler: (async (request: FastifyRequest, reply: FastifyReply) => {
      const principal = principalOf(request);
      const result = await work({ kind: 'person', orgId: principal.orgId, id: encodeId('PEOPLE', principal.personId) }, request);
      if (result === undefined) return sendEmpty(reply, status);
      return reply.code(status).send(result);
    }) as never,
  });
}

const body = <T>(request: FastifyRequest) => (request.body ?? {}) as T;
const patternId = (request: FastifyRequest) => (request.params as { digitPatternId: string }).digitPatternId;

export function personPermissionRoutes(server: Server, deps: Deps): void {
  for (const pair of ADMIN_PAIRS) personSettingRoutes(server, deps, pair);
  for (const pair of MY_PAIRS) mySettingRoutes(server, deps, pair);
  const p = deps.permissions;

  personRoute(server, ops.modifyOutgoingCallingPermissionsSettingsForAPerson, 204, (o, r) => p.updateOutgoing(o, body(r)));
  // Webex answers this PUT with 200 and no body.
  personRoute(server, ops.configurePrivacySettingsForAPerson, 200, (o, r) => deps.settings.update(o.orgId, o.id, 'privacy', body(r)));

  personRoute(server, ops.retrieveAccessCodesForPerson, 200, async (o) => ({ accessCodes: await p.accessCodes(o) }));
  personRoute(server, ops.createAccessCodesForPerson, 201, (o, r) => p.addAccessCodes(o, [body<AccessCode>(r)]));
  personRoute(server, ops.modifyAccessCodesForPerson, 204, (o, r) => p.deleteAccessCodes(o, body<{ deleteCodes?: string[] }>(r).deleteCodes ?? []));
  personRoute(server, ops.deleteAccessCodesForPerson, 204, (o) => p.deleteAccessCodes(o));

  personRoute(server, ops.retrieveDigitPatternsForPerson, 200, async (o) => p.digitPatterns(o));
  personRoute(server, ops.createDigitPatternsForPerson, 201, async (o, r) => ({ id: await p.addDigitPattern(o, body<Omit<DigitPattern, 'id'>>(r)) }));
  personRoute(server, ops.modifyDigitPatternCategoryControlSettingsForPerson, 204, (o, r) =>
    p.useCustomDigitPatterns(o, body<{ useCustomDigitPatterns?: boolean }>(r).useCustomDigitPatterns),
  );
  personRoute(server, ops.deleteAllDigitPatternsPerson, 204, (o) => p.deleteDigitPatterns(o));
  personRoute(server, ops.retrieveDigitPatternDetailsPerson, 200, (o, r) => p.digitPattern(o, patternId(r)));
  personRoute(server, ops.modifyDigitPatternForPerson, 204, (o, r) => p.changeDigitPattern(o, patternId(r), body(r)));
  personRoute(server, ops.deleteADigitPatternPerson, 204, (o, r) => p.deleteDigitPatterns(o, patternId(r)));

  personRoute(server, ops.configureCallInterceptGreetingForAPerson, 201, async (o, r) => {
    // The person first: another organization's person is a 404 whatever the body.
    await p.locationOf(o.orgId, o.id);
    await p.uploadInterceptGreeting({ ...o, kind: 'person' }, await readAnnouncementUpload(r));
  });

  // An agent's caller ID (the hunt groups that let agents use theirs), admin and "me" paths.
  const agent = deps.agentCallerId;
  personRoute(server, ops.retrieveAgentsListOfAvailableCallerIDs, 200, async (o) => ({ availableCallerIds: await agent.available(o.orgId, o.id) }));
  personRoute(server, ops.retrieveAgentsCallerIDInformation, 200, async (o) => {
    const selected = await agent.selected(o.orgId, o.id);
    return selected ? { selectedCallerId: selected } : {};
  });
  personRoute(server, ops.modifyAgentCallerIdInformation, 204, (o, r) => agent.select(o.orgId, o.id, body<{ selectedCallerId: unknown }>(r).selectedCallerId));
  myRoute(server, ops.getMyAvailableCallerIDList, 'spark:calls_read', 200, async (me) => ({ availableCallerIds: await agent.myAvailable(me.orgId, me.id) }));
  myRoute(server, ops.getMySelectedCallerIDSettings, 'spark:calls_read', 200, async (me) => ({ selected: await agent.mySelected(me.orgId, me.id) }));
  myRoute(server, ops.modifyMySelectedCallerIDSettings, 'spark:calls_write', 204, (me, r) =>
    agent.mySelect(me.orgId, me.id, body<{ selected: { type: string; id?: string } }>(r).selected),
  );

  // The numbers an intercept may announce or transfer to: the person's location's list.
  const interceptNumbers = ops.getPersonCallInterceptAvailablePhoneNumbers;
  webexRoute(server, interceptNumbers, {
    auth: anyOf(...documentScopes(interceptNumbers.operationId)),
    handler: async (request, reply) => {
      const locationId = await deps.permissions.locationOf(request.orgId, personOnAdminPath(request, documentScopes(interceptNumbers.operationId)));
      const { orgId: _orgId, max: _max, start: _start, phoneNumber, ...filters } = request.query;
      const { max, start } = telephonyPaging(request.query, MAX_NUMBERS);
      const query = { ...filters, ...(phoneNumber !== undefined ? { phoneNumber: phoneNumber.map(String).join(',') } : {}), start, max };
      const page = await deps.locationNumbers.availableNumbers(request.orgId, locationId, 'callIntercept', query);
      return { phoneNumbers: offsetPageItems(request, reply, page, max).map((n) => presentCandidate('callIntercept', n)) } as never;
    },
  });
}
