import type { FastifyReply, FastifyRequest } from 'fastify';
import { anyOf } from '../../domain/auth/scopes.ts';
import type { AccessCode, DigitPattern } from '../../domain/settings/calling-permissions.ts';
import type { LineOwner, PermissionOwner, PermissionService } from '../../domain/settings/permission-service.ts';
import type { LocationNumberService } from '../../domain/location-numbers/location-numbers-service.ts';
import type { SettingsService } from '../../domain/settings/settings-service.ts';
import type { AgentCallerIdService } from '../../domain/settings/agent-caller-id.ts';
import { offsetPageItems } from '../../http/pagination.ts';
import { readAnnouncementUpload } from '../announcements/announcement-upload.ts';
import { presentCandidate } from '../location-numbers/location-numbers.presenters.ts';
import { myLine } from '../for-me/my-line.ts';
import { telephonyPaging } from '../telephony-config.ts';
import { webexOperations as ops } from '../../generated/webex/index.ts';
import { sendEmpty } from '../../http/replies.ts';
import type { Server } from '../../http/types.ts';
import { webexRoute, type WebexOperation } from '../../http/webex-route.ts';
import { documentScopes, mySettingRoutes, personOnAdminPath, personSettingRoutes, type MySettingDeps, type SettingPair } from '../person-settings/setting-routes.ts';

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
  // The same document of a secondary line the person carries (its owner's).
  { setting: 'callerIdDelivery', get: ops.getMySecondaryLinesCallerIDSettings, put: ops.modifyMySecondaryLinesCallerIDSettings },
];

type Deps = MySettingDeps & {
  virtualLineSettings: SettingsService;
  permissions: PermissionService;
  locationNumbers: LocationNumberService;
  agentCallerId: AgentCallerIdService;
  virtualLineAgentCallerId: AgentCallerIdService;
};

/** An operation of a person's and the same operation of a virtual line's, its success status and its work. */
type LineOperation = [WebexOperation, WebexOperation, number, (owner: LineOwner, request: FastifyRequest) => Promise<unknown>];

const MAX_NUMBERS = 2000;

/** Whose lists an admin path names: the person of the path, or the virtual line of the path. */
type LineKind = LineOwner['kind'];

const FALLBACK_SCOPES = { GET: 'spark-admin:telephony_config_read', other: 'spark-admin:telephony_config_write' };

/**
 * An admin route acting on the line of the path: a person (or, with a user scope the document
 * allows, oneself) or a virtual line. The document's scopes apply; a virtual line's operation
 * without any takes the telephony config scopes.
 */
function lineRoute(server: Server, kind: LineKind, op: WebexOperation, status: number, work: (owner: LineOwner, request: FastifyRequest) => Promise<unknown>): void {
  const named = documentScopes(op.operationId);
  const scopes = named.length > 0 ? named : [op.method === 'GET' ? FALLBACK_SCOPES.GET : FALLBACK_SCOPES.other];
  webexRoute(server, op, {
    auth: anyOf(...scopes),
    handler: (async (request: FastifyRequest, reply: FastifyReply) => {
      const id = kind === 'person' ? personOnAdminPath(request, scopes) : (request.params as { virtualLineId: string }).virtualLineId;
      const result = await work({ kind, orgId: request.orgId, id }, request);
      if (result === undefined) return sendEmpty(reply, status);
      return reply.code(status).send(result);
    }) as never,
  });
}

/**
 * A Call Settings For Me route: the token's own person, or on a secondary line path the line's
 * owner (a calling token's scope is accepted too).
 */
function myRoute(server: Server, deps: Deps, op: WebexOperation, callingScope: string, status: number, work: (me: PermissionOwner, request: FastifyRequest) => Promise<unknown>): void {
  webexRoute(server, op, {
    auth: anyOf(...documentScopes(op.operationId), callingScope),
    handler: (async (request: FastifyRequest, reply: FastifyReply) => {
      const { kind, orgId, id } = await myLine(deps.secondaryLines, request);
      const result = await work({ kind, orgId, id }, request);
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
  const settingsOf = (o: LineOwner) => (o.kind === 'person' ? deps.settings : deps.virtualLineSettings);
  const agentOf = (o: LineOwner) => (o.kind === 'person' ? deps.agentCallerId : deps.virtualLineAgentCallerId);

  // The operations a person and a virtual line share (same bodies, same rules): one row each.
  const rows: LineOperation[] = [
    [ops.modifyOutgoingCallingPermissionsSettingsForAPerson, ops.modifyAVirtualLinesOutgoingCallingPermissionsSettings, 204, (o, r) => p.updateOutgoing(o, body(r))],
    // Webex answers this PUT with 200 and no body.
    [ops.configurePrivacySettingsForAPerson, ops.configureAVirtualLinesPrivacySettings, 200, (o, r) => settingsOf(o).update(o.orgId, o.id, 'privacy', body(r))],
    [ops.retrieveAccessCodesForPerson, ops.retrieveAccessCodesForAVirtualLine, 200, async (o) => ({ accessCodes: await p.accessCodes(o) })],
    [ops.createAccessCodesForPerson, ops.createAccessCodesForAVirtualLine, 201, (o, r) => p.addAccessCodes(o, [body<AccessCode>(r)])],
    [ops.modifyAccessCodesForPerson, ops.modifyAccessCodesForAVirtualLine, 204, (o, r) => p.deleteAccessCodes(o, body<{ deleteCodes?: string[] }>(r).deleteCodes ?? [])],
    [ops.deleteAccessCodesForPerson, ops.deleteAccessCodesForAVirtualLine, 204, (o) => p.deleteAccessCodes(o)],
    [ops.retrieveDigitPatternsForPerson, ops.retrieveDigitPatternsForAVirtualProfile, 200, async (o) => p.digitPatterns(o)],
    [ops.createDigitPatternsForPerson, ops.createDigitPatternForAVirtualProfile, 201, async (o, r) => ({ id: await p.addDigitPattern(o, body<Omit<DigitPattern, 'id'>>(r)) })],
    [
      ops.modifyDigitPatternCategoryControlSettingsForPerson,
      ops.modifyTheDigitPatternCategoryControlSettingsForAVirtualProfile,
      204,
      (o, r) => p.useCustomDigitPatterns(o, body<{ useCustomDigitPatterns?: boolean }>(r).useCustomDigitPatterns),
    ],
    [ops.deleteAllDigitPatternsPerson, ops.deleteAllDigitPatternsForAVirtualProfile, 204, (o) => p.deleteDigitPatterns(o)],
    [ops.retrieveDigitPatternDetailsPerson, ops.retrieveSpecifiedDigitPatternDetailsForAVirtualProfile, 200, (o, r) => p.digitPattern(o, patternId(r))],
    [ops.modifyDigitPatternForPerson, ops.modifyADigitPatternForAVirtualProfile, 204, (o, r) => p.changeDigitPattern(o, patternId(r), body(r))],
    [ops.deleteADigitPatternPerson, ops.deleteADigitPatternForAVirtualProfile, 204, (o, r) => p.deleteDigitPatterns(o, patternId(r))],
    [
      ops.configureCallInterceptGreetingForAPerson,
      ops.configureCallInterceptGreetingForAVirtualLine,
      201,
      async (o, r) => {
        // The owner first: another organization's line is a 404 whatever the body.
        await settingsOf(o).owner(o.orgId, o.id);
        await p.uploadInterceptGreeting(o, await readAnnouncementUpload(r));
      },
    ],
    // An agent's caller ID (the hunt groups that let agents use theirs).
    [ops.retrieveAgentsListOfAvailableCallerIDs, ops.retrieveAgentsListOfAvailableCallerIDsVirtualLines, 200, async (o) => ({ availableCallerIds: await agentOf(o).available(o.orgId, o.id) })],
    [
      ops.retrieveAgentsCallerIDInformation,
      ops.retrieveAgentsCallerIDInformationVirtualLines,
      200,
      async (o) => {
        const selected = await agentOf(o).selected(o.orgId, o.id);
        return selected ? { selectedCallerId: selected } : {};
      },
    ],
    [ops.modifyAgentCallerIdInformation, ops.modifyAgentsCallerIDInformation, 204, (o, r) => agentOf(o).select(o.orgId, o.id, body<{ selectedCallerId: unknown }>(r).selectedCallerId)],
  ];
  for (const [person, virtualLine, status, work] of rows) {
    lineRoute(server, 'person', person, status, work);
    lineRoute(server, 'virtualLine', virtualLine, status, work);
  }

  // An agent's caller ID (the hunt groups that let agents use theirs), admin and "me" paths.
  // The secondary line forms act on the line's owner (a virtual line's: its own service).
  const agent = (me: PermissionOwner) => (me.kind === 'virtualLine' ? deps.virtualLineAgentCallerId : deps.agentCallerId);
  for (const op of [ops.getMyAvailableCallerIDList, ops.getMySecondaryLinesAvailableCallerIDList]) {
    myRoute(server, deps, op, 'spark:calls_read', 200, async (me) => ({ availableCallerIds: await agent(me).myAvailable(me.orgId, me.id) }));
  }
  for (const op of [ops.getMySelectedCallerIDSettings, ops.getMySecondaryLinesSelectedCallerIDSettings]) {
    myRoute(server, deps, op, 'spark:calls_read', 200, async (me) => ({ selected: await agent(me).mySelected(me.orgId, me.id) }));
  }
  for (const op of [ops.modifyMySelectedCallerIDSettings, ops.modifyMySecondaryLinesSelectedCallerIDSettings]) {
    myRoute(server, deps, op, 'spark:calls_write', 204, (me, r) => agent(me).mySelect(me.orgId, me.id, body<{ selected: { type: string; id?: string } }>(r).selected));
  }

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
