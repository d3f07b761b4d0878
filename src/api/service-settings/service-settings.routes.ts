import type { FastifyReply, FastifyRequest } from 'fastify';
import { anyOf } from '../../domain/auth/scopes.ts';
import { type CallerReputationService, PROVIDERS } from '../../domain/service-settings/caller-reputation.ts';
import { otherOrganization } from '../../domain/organizations/organization-errors.ts';
import { decodeId } from '../../domain/webex-ids.ts';
import { DATA_REGIONS } from '../../domain/service-settings/calling-service-documents.ts';
import { largeOrgStatus } from '../../domain/service-settings/organization-status.ts';
import type { WebhookInterestService } from '../../domain/service-settings/webhook-interests.ts';
import type { SettingsService } from '../../domain/settings/settings-service.ts';
import { operations as service } from '../../generated/webex/calling-service-settings.ts';
import { operations as storage } from '../../generated/webex/call-settings-configurable-storage-region.ts';
import { operations as client } from '../../generated/webex/client-call-settings.ts';
import { operations as interests } from '../../generated/webex/webhook-interest-registrations.ts';
import { operations as callerReputation } from '../../generated/webex/caller-reputation-provider.ts';
import { operations as locationCalls } from '../../generated/webex/location-call-settings.ts';
import { principalOf } from '../../http/auth.ts';
import { sendEmpty } from '../../http/replies.ts';
import type { Server } from '../../http/types.ts';
import { webexRoute, type WebexOperation } from '../../http/webex-route.ts';
import type { Store } from '../../store/store.ts';
import { bodyOf, documentScopes } from '../person-settings/setting-routes.ts';
import { telephonyConfig } from '../telephony-config.ts';
import { locationDocumentRoutes, organizationDocumentRoutes } from './organization-document-routes.ts';

// Calling Service Settings (call captions, music on hold theme, large organization status), the
// configurable storage region, Client Call Settings (Microsoft Teams) and a location's call
// captions: documents of the organization and its locations; webhook interest registrations.

type Deps = {
  organizationDocuments: SettingsService;
  locationDocuments: SettingsService;
  webhookInterests: WebhookInterestService;
  callerReputation: CallerReputationService;
  store: Store;
};

/**
 * The Caller Reputation Provider operations name the organization in `organizationId` (not orgId):
 * only the token's own is accepted, as orgId is elsewhere.
 */
function reputationOrg(request: FastifyRequest): string {
  const named = (request.query as { organizationId?: string }).organizationId;
  if (named !== undefined && named !== '' && decodeId(named, 'ORGANIZATION') !== request.orgId) throw otherOrganization();
  return request.orgId;
}

export function serviceSettingsRoutes(server: Server, deps: Deps): void {
  const org = (setting: string, get: Parameters<typeof organizationDocumentRoutes>[2]['get'], put: Parameters<typeof organizationDocumentRoutes>[2]['put']) =>
    organizationDocumentRoutes(server, deps.organizationDocuments, { setting, get, put });
  const location = (setting: string, get: Parameters<typeof locationDocumentRoutes>[2]['get'], put: Parameters<typeof locationDocumentRoutes>[2]['put']) =>
    locationDocumentRoutes(server, deps.locationDocuments, { setting, get, put });

  org('callCaptions', service.getTheOrganizationCallCaptionsSettings, service.updateTheOrganizationCallCaptionsSettings);
  org('musicOnHoldTheme', service.getTheOrganizationMusicOnHoldConfiguration, service.updateTheOrganizationMusicOnHoldConfiguration);
  org('dataPolicy', storage.readDataPolicySettings, storage.modifyDataPolicySettings);
  org('msTeams', client.getAnOrganizationsMSTeamsSettings, client.updateAnOrganizationsMSTeamsSetting);
  location('callCaptions', locationCalls.getTheLocationCallCaptionsSettings, locationCalls.updateTheLocationCallCaptionsSettings);
  location('dataPolicy', storage.getLocationDataPolicySettings, storage.modifyLocationDataPolicySettings);

  webexRoute(server, storage.getAvailableDataPolicyRegions, { ...telephonyConfig.read, handler: async () => ({ regions: DATA_REGIONS.map((r) => ({ ...r })) }) });
  webexRoute(server, service.getLargeOrganizationStatus, { ...telephonyConfig.read, handler: async (request) => largeOrgStatus(deps.store, request.orgId) });

  const reputation = deps.callerReputation;
  const reputationRoute = (op: WebexOperation, fallback: string, work: (orgId: string, request: FastifyRequest) => Promise<unknown>) =>
    webexRoute(server, op, {
      auth: anyOf(...(documentScopes(op.operationId).length > 0 ? documentScopes(op.operationId) : [fallback])),
      handler: (async (request: FastifyRequest, reply: FastifyReply) => {
        const result = await work(reputationOrg(request), request);
        if (result === undefined) return sendEmpty(reply, op.method === 'PUT' ? 204 : 200);
        return result;
      }) as never,
    });
  const { read, write } = { read: 'spark-admin:telephony_config_read', write: 'spark-admin:telephony_config_write' };
  reputationRoute(callerReputation.getCallerReputationProviderSettings, read, (orgId) => reputation.settings(orgId));
  reputationRoute(callerReputation.updateCallerReputationProviderSettings, write, (orgId, r) =>
    reputation.update(orgId, bodyOf(r, callerReputation.updateCallerReputationProviderSettings)),
  );
  reputationRoute(callerReputation.getCallerReputationProviderStatus, read, (orgId) => reputation.status(orgId));
  reputationRoute(callerReputation.getCallerReputationProviderProviders, read, async () => ({ providers: PROVIDERS }));
  reputationRoute(callerReputation.unlockCallerReputationProvider, write, (orgId, r) =>
    reputation.unlock(orgId, (bodyOf(r, callerReputation.unlockCallerReputationProvider) as { id: string }).id),
  );

  // The registration of the token's person and client (its OAuth app).
  const who = (request: FastifyRequest) => {
    const principal = principalOf(request);
    return { orgId: principal.orgId, personId: principal.personId, ...(principal.appId ? { appId: principal.appId } : {}) };
  };
  const auth = (operationId: string) => anyOf(...(documentScopes(operationId).length > 0 ? documentScopes(operationId) : ['spark-admin:calls_read']));
  webexRoute(server, interests.getWebhookInterestRegistration, {
    auth: auth(interests.getWebhookInterestRegistration.operationId),
    handler: (async (request: FastifyRequest) => deps.webhookInterests.get(who(request))) as never,
  });
  webexRoute(server, interests.createWebhookInterestRegistration, {
    auth: auth(interests.createWebhookInterestRegistration.operationId),
    handler: (async (request: FastifyRequest, reply: FastifyReply) => {
      await deps.webhookInterests.register(who(request), bodyOf(request, interests.createWebhookInterestRegistration) as never);
      sendEmpty(reply, 204);
    }) as never,
  });
  webexRoute(server, interests.deleteWebhookInterestRegistration, {
    auth: auth(interests.deleteWebhookInterestRegistration.operationId),
    handler: (async (request: FastifyRequest, reply: FastifyReply) => {
      await deps.webhookInterests.delete(who(request));
      sendEmpty(reply, 204);
    }) as never,
  });
}
