import type { AdminConfigServices } from '../../domain/service-settings/admin-config-services.ts';
import type { Server } from '../../http/types.ts';
import type { Store } from '../../store/store.ts';
import { emergencyServicesRoutes } from '../emergency-services/emergency-services.routes.ts';
import { locationDeletionRoutes } from '../location-deletion/location-deletion.routes.ts';
import { locationFloorRoutes } from '../location-floors/location-floors.routes.ts';
import { serviceSettingsRoutes } from './service-settings.routes.ts';

// Organization and location administration: every area of it, registered once from src/app.ts.

export function adminConfigRoutes(server: Server, services: AdminConfigServices & { store: Store }): void {
  emergencyServicesRoutes(server, services);
  serviceSettingsRoutes(server, services);
  locationFloorRoutes(server, services);
  locationDeletionRoutes(server, services);
}
