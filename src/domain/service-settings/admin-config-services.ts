import type { Store } from '../../store/store.ts';
import type { Clock } from '../clock.ts';
import { EcbnDependencyService } from '../emergency-services/ecbn-service.ts';
import { PERSON_ECBN, VIRTUAL_LINE_ECBN, WORKSPACE_ECBN } from '../emergency-services/line-ecbn.ts';
import { RedSkyService } from '../emergency-services/red-sky.ts';
import { PEOPLE, SettingsService } from '../settings/settings-service.ts';
import { VIRTUAL_LINES } from '../settings/virtual-line-settings.ts';
import { WORKSPACES } from '../settings/workspace-settings.ts';
import { CALLING_LOCATIONS, ORGANIZATION } from './admin-owners.ts';
import { DisableLocationJobs } from '../location-deletion/disable-location-jobs.ts';
import { FloorService } from '../location-floors/floor-service.ts';
import { CallerReputationService } from './caller-reputation.ts';
import { WebhookInterestService } from './webhook-interests.ts';
import { LOCATION_DOCUMENTS, ORGANIZATION_DOCUMENTS } from './service-documents.ts';

// The services of organization and location administration (emergency services, service settings),
// built once by the composition root (src/app.ts).

export type AdminConfigServices = ReturnType<typeof adminConfigServices>;

export function adminConfigServices(store: Store, clock: Clock) {
  const organizationDocuments = new SettingsService(store, clock, ORGANIZATION_DOCUMENTS, ORGANIZATION);
  return {
    /** The emergency callback number of each line kind: one settings document per line. */
    personEcbn: new SettingsService(store, clock, [PERSON_ECBN], PEOPLE),
    workspaceEcbn: new SettingsService(store, clock, [WORKSPACE_ECBN], WORKSPACES),
    virtualLineEcbn: new SettingsService(store, clock, [VIRTUAL_LINE_ECBN], VIRTUAL_LINES),
    ecbnDependencies: new EcbnDependencyService(store),
    /** Settings documents of the organization and of its calling locations. */
    organizationDocuments,
    callerReputation: new CallerReputationService(store, organizationDocuments),
    locationDocuments: new SettingsService(store, clock, LOCATION_DOCUMENTS, CALLING_LOCATIONS),
    redSky: new RedSkyService(store, clock),
    webhookInterests: new WebhookInterestService(store, clock),
    floors: new FloorService(store, clock),
    locationDeletions: new DisableLocationJobs(store, clock),
  };
}
