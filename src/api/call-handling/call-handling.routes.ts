import type { FastifyReply, FastifyRequest } from 'fastify';
import type { LocationSettingsService } from '../../domain/call-handling/location-settings-service.ts';
import type { AccessCode, DigitPattern } from '../../domain/settings/calling-permissions.ts';
import type { PermissionOwner, PermissionService } from '../../domain/settings/permission-service.ts';
import type { SettingDocument } from '../../domain/settings/setting-documents.ts';
import { operations as ops } from '../../generated/webex/location-call-settings-call-handling.ts';
import { sendEmpty } from '../../http/replies.ts';
import type { RouteAuth, Server } from '../../http/types.ts';
import { webexRoute, type WebexOperation } from '../../http/webex-route.ts';
import { knownFields } from '../person-settings/setting-routes.ts';
import { telephonyConfig } from '../telephony-config.ts';

// Location Call Settings: Call Handling — a location's intercept, internal dialing and outgoing
// permissions (with access codes, auto transfer numbers and digit patterns). Documents through
// LocationSettingsService; list operations through PermissionService.

type Deps = { locationSettings: LocationSettingsService; permissions: PermissionService };

const locationOf = (request: FastifyRequest): PermissionOwner => ({
  kind: 'location',
  orgId: request.orgId,
  id: (request.params as { locationId: string }).locationId,
});
const body = <T>(request: FastifyRequest, op?: WebexOperation) =>
  (op ? knownFields(request.body ?? {}, op.body as never) : (request.body ?? {})) as T;
const patternId = (request: FastifyRequest) => (request.params as { digitPatternId: string }).digitPatternId;

function route(server: Server, op: WebexOperation, auth: RouteAuth, status: number, work: (owner: PermissionOwner, request: FastifyRequest) => Promise<unknown>): void {
  webexRoute(server, op, {
    auth,
    handler: (async (request: FastifyRequest, reply: FastifyReply) => {
      const result = await work(locationOf(request), request);
      if (result === undefined) return sendEmpty(reply, status);
      return reply.code(status).send(result);
    }) as never,
  });
}

/** A GET/PUT pair of a location document. */
function documentRoutes(server: Server, deps: Deps, key: string, get: WebexOperation, put: WebexOperation): void {
  route(server, get, telephonyConfig.read.auth, 200, (o) => deps.locationSettings.get(o.orgId, o.id, key));
  route(server, put, telephonyConfig.write.auth, 204, (o, r) => deps.locationSettings.update(o.orgId, o.id, key, () => body<SettingDocument>(r, put)));
}

export function callHandlingRoutes(server: Server, deps: Deps): void {
  const read = telephonyConfig.read.auth;
  const write = telephonyConfig.write.auth;
  const p = deps.permissions;

  documentRoutes(server, deps, 'intercept', ops.getLocationIntercept, ops.putLocationIntercept);
  documentRoutes(server, deps, 'internalDialing', ops.readTheInternalDialingConfigurationForALocation, ops.modifyTheInternalDialingConfigurationForALocation);
  documentRoutes(server, deps, 'outgoingTransferNumbers', ops.getOutgoingPermissionAutoTransferNumber, ops.putOutgoingPermissionAutoTransferNumber);

  route(server, ops.getLocationOutgoingPermission, read, 200, (o) => deps.locationSettings.get(o.orgId, o.id, 'outgoingPermission'));
  route(server, ops.updateLocationOutgoingPermission, write, 204, (o, r) => p.updateOutgoing(o, body(r)));

  route(server, ops.getOutgoingPermissionLocationAccessCode, read, 200, async (o) => ({ accessCodes: await p.accessCodes(o) }));
  route(server, ops.createOutgoingPermissionANewAccessCodeForACustomerLocation, write, 201, (o, r) =>
    p.addAccessCodes(o, body<{ accessCodes?: AccessCode[] }>(r).accessCodes ?? []),
  );
  route(server, ops.deleteOutgoingPermissionAccessCodeLocation, write, 204, (o, r) => p.deleteAccessCodes(o, body<{ deleteCodes: string[] }>(r).deleteCodes));
  route(server, ops.deleteAllOutgoingPermissionAccessCodeForALocation, write, 204, (o) => p.deleteAccessCodes(o));

  route(server, ops.getOutgoingPermissionDigitPatternForALocation, read, 200, async (o) => ({ digitPatterns: (await p.digitPatterns(o)).digitPatterns }));
  route(server, ops.createOutgoingPermissionANewDigitPatternForALocation, write, 201, async (o, r) => ({
    id: await p.addDigitPattern(o, body<Omit<DigitPattern, 'id'>>(r)),
  }));
  route(server, ops.deleteAllOutgoingPermissionDigitPatternsForALocation, write, 204, (o) => p.deleteDigitPatterns(o));
  route(server, ops.getDetailsForAOutgoingPermissionDigitPatternForALocation, read, 200, (o, r) => p.digitPattern(o, patternId(r)));
  route(server, ops.updateAOutgoingPermissionDigitPatternForALocation, write, 204, (o, r) => p.changeDigitPattern(o, patternId(r), body(r)));
  route(server, ops.deleteAOutgoingPermissionDigitPatternForALocation, write, 204, (o, r) => p.deleteDigitPatterns(o, patternId(r)));
}
