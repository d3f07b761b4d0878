import type { Server } from './types.ts';

/** Serves the web console (console/dist) at /console. */
export async function consoleRoutes(_server: Server): Promise<void> {}
