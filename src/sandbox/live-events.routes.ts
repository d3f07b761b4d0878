import type { Server } from '../http/types.ts';
import type { Store } from '../store/store.ts';

/** The live stream of an organization's call events for the console (server-sent events). */
export function liveEventRoutes(_server: Server, _deps: { store: Store }): void {}
