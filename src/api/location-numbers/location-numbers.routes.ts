import type { LocationNumberService } from '../../domain/location-numbers/location-numbers-service.ts';
import type { Server } from '../../http/types.ts';

export function locationNumberRoutes(_server: Server, _deps: { locationNumbers: LocationNumberService }): void {}
