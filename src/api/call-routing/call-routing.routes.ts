import type { CallRoutingService } from '../../domain/call-routing/call-routing-service.ts';
import type { Server } from '../../http/types.ts';

export function callRoutingRoutes(_server: Server, _deps: { callRouting: CallRoutingService }): void {}
