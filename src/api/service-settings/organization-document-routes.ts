import type { FastifyReply, FastifyRequest } from 'fastify';
import { anyOf } from '../../domain/auth/scopes.ts';
import type { SettingsService } from '../../domain/settings/settings-service.ts';
import { sendEmpty } from '../../http/replies.ts';
import type { Server } from '../../http/types.ts';
import { webexRoute } from '../../http/webex-route.ts';
import { bodyOf, documentScopes, ownerSettingRoutes, type SettingPair } from '../person-settings/setting-routes.ts';

// Settings documents of the organization (no owner in the path: the token's organization) and of
// its calling locations ({locationId}), served by the one settings mechanism with the scopes
// Cisco's document names (the telephony configuration scopes where it names none).

const TELEPHONY = { read: 'spark-admin:telephony_config_read', write: 'spark-admin:telephony_config_write' };

const scopes = (operationId: string, otherwise: string) => {
  const named = documentScopes(operationId);
  return named.length > 0 ? named : [otherwise];
};

export function organizationDocumentRoutes(server: Server, settings: SettingsService, pair: SettingPair): void {
  const { setting, get, put } = pair;
  webexRoute(server, get, {
    auth: anyOf(...scopes(get.operationId, TELEPHONY.read)),
    handler: (async (request: FastifyRequest) => settings.get(request.orgId, request.orgId, setting)) as never,
  });
  if (!put) return;
  webexRoute(server, put, {
    auth: anyOf(...scopes(put.operationId, TELEPHONY.write)),
    handler: (async (request: FastifyRequest, reply: FastifyReply) => {
      await settings.update(request.orgId, request.orgId, setting, bodyOf(request, put));
      sendEmpty(reply, 204);
    }) as never,
  });
}

export function locationDocumentRoutes(server: Server, settings: SettingsService, pair: SettingPair): void {
  ownerSettingRoutes(server, settings, pair, 'locationId', TELEPHONY);
}
