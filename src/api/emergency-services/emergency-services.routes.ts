import type { FastifyReply, FastifyRequest } from 'fastify';
import { anyOf } from '../../domain/auth/scopes.ts';
import { badRequest } from '../../domain/errors.ts';
import type { EcbnDependencyService } from '../../domain/emergency-services/ecbn-service.ts';
import type { DependencyOwner } from '../../domain/emergency-services/line-ecbn.ts';
import type { RedSkyService } from '../../domain/emergency-services/red-sky.ts';
import type { SettingsService } from '../../domain/settings/settings-service.ts';
import { operations as ops } from '../../generated/webex/emergency-services-settings.ts';
import { sendEmpty } from '../../http/replies.ts';
import type { Server } from '../../http/types.ts';
import { webexRoute, type WebexOperation } from '../../http/webex-route.ts';
import { bodyOf, documentScopes, ownerSettingRoutes } from '../person-settings/setting-routes.ts';
import { telephonyPaging } from '../telephony-config.ts';
import { locationDocumentRoutes, organizationDocumentRoutes } from '../service-settings/organization-document-routes.ts';

// Emergency Services Settings: the emergency callback number of people, workspaces and virtual
// lines (settings documents of each line kind) and who depends on a line as one; emergency call
// notification of the organization and its locations (documents); RedSky E911 (its own service).

type Deps = {
  personEcbn: SettingsService;
  workspaceEcbn: SettingsService;
  virtualLineEcbn: SettingsService;
  organizationDocuments: SettingsService;
  locationDocuments: SettingsService;
  ecbnDependencies: EcbnDependencyService;
  redSky: RedSkyService;
};

const TELEPHONY = { read: 'spark-admin:telephony_config_read', write: 'spark-admin:telephony_config_write' };

/** An operation with the document's scopes (the telephony configuration scopes where it names none). */
function route(server: Server, op: WebexOperation, fallback: string, status: number, work: (request: FastifyRequest) => Promise<unknown>): void {
  const named = documentScopes(op.operationId);
  webexRoute(server, op, {
    auth: anyOf(...(named.length > 0 ? named : [fallback])),
    handler: (async (request: FastifyRequest, reply: FastifyReply) => {
      const result = await work(request);
      if (result === undefined) return sendEmpty(reply, status);
      return reply.code(status).send(result);
    }) as never,
  });
}

const param = (request: FastifyRequest, name: string) => (request.params as Record<string, string>)[name]!;
const body = <T>(request: FastifyRequest, op: WebexOperation) => bodyOf(request, op) as T;

export function emergencyServicesRoutes(server: Server, deps: Deps): void {
  const lines = [
    [deps.personEcbn, 'personId', ops.getAPersonsEmergencyCallbackNumber, ops.updateAPersonsEmergencyCallbackNumber],
    [deps.workspaceEcbn, 'workspaceId', ops.getAWorkspaceEmergencyCallbackNumber, ops.updateAWorkspaceEmergencyCallbackNumber],
    [deps.virtualLineEcbn, 'virtualLineId', ops.getVirtualLineEmergencyCallbackSettings, ops.updateAVirtualLinesEmergencyCallbackSettings],
  ] as const;
  for (const [settings, name, get, put] of lines) ownerSettingRoutes(server, settings, { setting: 'emergencyCallbackNumber', get, put }, name, TELEPHONY);

  const dependencies: [WebexOperation, DependencyOwner, string][] = [
    [ops.retrieveAPersonsEmergencyCallbackNumberDependencies, 'person', 'personId'],
    [ops.retrieveWorkspaceEmergencyCallbackNumberDependencies, 'workspace', 'workspaceId'],
    [ops.getDependenciesForAVirtualLineEmergencyCallbackNumber, 'virtualLine', 'virtualLineId'],
    [ops.getDependenciesForAHuntGroupEmergencyCallbackNumber, 'huntGroup', 'huntGroupId'],
  ];
  for (const [op, kind, name] of dependencies) {
    route(server, op, TELEPHONY.read, 200, (r) => deps.ecbnDependencies.dependencies(r.orgId, kind, param(r, name)));
  }

  organizationDocumentRoutes(server, deps.organizationDocuments, {
    setting: 'emergencyCallNotification',
    get: ops.getAnOrganizationEmergencyCallNotification,
    put: ops.updateAnOrganizationEmergencyCallNotification,
  });
  locationDocumentRoutes(server, deps.locationDocuments, {
    setting: 'emergencyCallNotification',
    get: ops.getALocationEmergencyCallNotification,
    put: ops.updateALocationEmergencyCallNotification,
  });

  const red = deps.redSky;
  const { read, write } = TELEPHONY;
  route(server, ops.retrieveRedSkyAccountDetailsForAnOrganization, read, 200, (r) => red.account(r.orgId));
  route(server, ops.createAnAccountAndAdminInRedSky, write, 201, (r) => red.createAccount(r.orgId, body(r, ops.createAnAccountAndAdminInRedSky)));
  route(server, ops.loginToARedSkyAdminAccount, write, 200, (r) => red.login(r.orgId, body(r, ops.loginToARedSkyAdminAccount)));
  route(server, ops.updateRedSkyServiceSettings, write, 204, (r) => red.updateServiceSettings(r.orgId, body(r, ops.updateRedSkyServiceSettings)));
  route(server, ops.getTheOrganizationComplianceStatusForARedSkyAccount, read, 200, (r) => red.status(r.orgId));
  route(server, ops.updateTheOrganizationRedSkyAccountsComplianceStatus, write, 200, (r) =>
    red.updateStatus(r.orgId, body<{ complianceStatus: never }>(r, ops.updateTheOrganizationRedSkyAccountsComplianceStatus).complianceStatus),
  );
  route(server, ops.getTheOrganizationComplianceStatusAndTheLocationStatusList, read, 200, (r) => {
    const query = r.query as { start?: number; max?: number; order?: string };
    const order = (query.order ?? 'asc').toLowerCase();
    if (order !== 'asc' && order !== 'desc' && order !== 'name-asc' && order !== 'name-desc') throw badOrder(query.order!);
    return red.complianceStatus(r.orgId, { ...telephonyPaging(query, 1000), order: order.endsWith('desc') ? 'desc' : 'asc' });
  });
  route(server, ops.getALocationsRedSkyEmergencyCallingParameters, read, 200, (r) => red.locationParameters(r.orgId, param(r, 'locationId')));
  route(server, ops.getALocationsRedSkyComplianceStatus, read, 200, (r) => red.locationStatus(r.orgId, param(r, 'locationId')));
  route(server, ops.updateALocationsRedSkyComplianceStatus, write, 200, (r) =>
    red.updateLocationStatus(r.orgId, param(r, 'locationId'), body<{ complianceStatus: never }>(r, ops.updateALocationsRedSkyComplianceStatus).complianceStatus),
  );
  route(server, ops.createARedSkyBuildingAddressAndAlertEmailForALocation, write, 201, (r) =>
    red.createBuilding(r.orgId, param(r, 'locationId'), body(r, ops.createARedSkyBuildingAddressAndAlertEmailForALocation)),
  );
  route(server, ops.updateARedSkyBuildingAddressForALocation, write, 204, (r) =>
    red.updateBuilding(r.orgId, param(r, 'locationId'), body(r, ops.updateARedSkyBuildingAddressForALocation)),
  );
}

const badOrder = (value: string) => badRequest(`order "${value}" must be asc or desc (by location name).`);
