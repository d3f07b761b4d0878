import type { Server } from '../http/types.ts';

/** Faults the sandbox injects into Webex API answers (429, 5xx, latency), reproducibly. */
export class FaultInjector {}

/** Applies the injector's faults to matching requests. */
export function installFaults(_server: Server, _faults: FaultInjector): void {}

/** The sandbox API that sets faults up, under /sandbox/v1/faults. */
export function faultRoutes(_server: Server, _deps: { faults: FaultInjector }): void {}
