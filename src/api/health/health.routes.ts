import { Type } from 'typebox';
import packageJson from '../../../package.json' with { type: 'json' };
import { WebexError } from '../../domain/errors.ts';
import type { Metrics } from '../../http/metrics.ts';
import type { Store } from '../../store/store.ts';
import type { Server } from '../../http/types.ts';
import type { SandboxClock } from '../../sandbox/sandbox-clock.ts';

const Health = {
  summary: 'Health check',
  description: 'Answers 200 once the store is migrated and answering; 503 when the store does not answer.',
  tags: ['Callplane'],
  response: {
    200: Type.Object({
      status: Type.Literal('ok'),
      version: Type.String({ description: "Callplane's version." }),
      store: Type.Union([Type.Literal('sqlite'), Type.Literal('postgres')]),
      clock: Type.Union([Type.Literal('real'), Type.Literal('manual')], { description: 'Whether time follows the wall clock or only moves when told.' }),
    }),
  },
};

const MetricsRoute = {
  summary: 'Metrics',
  description:
    'Prometheus text format: requests by route and status, latency histograms, active calls, the webhook outbox (pending deliveries and the age of the oldest), delivery attempts and failures, and the process (memory, CPU, event loop). Public, like /healthz.',
  tags: ['Callplane'],
};

// Both are public (no token): health checks and metric scrapers carry none.
export function healthRoutes(server: Server, deps: { store: Store; clock: SandboxClock; metrics: Metrics }): void {
  server.get('/healthz', { schema: Health }, async () => {
    try {
      await deps.store.ping();
    } catch {
      throw new WebexError(503, 'The store does not answer.');
    }
    return { status: 'ok' as const, version: packageJson.version, store: deps.store.dialect, clock: deps.clock.currentMode };
  });

  const { store, clock } = deps;
  deps.metrics.watch({
    activeCalls: () => store.metrics.activeCalls(),
    outbox: () => store.metrics.outbox(clock.now().toISOString()),
    deliveries: () => store.metrics.deliveryAttempts(),
  });
  server.get('/metrics', { schema: MetricsRoute }, async (_request, reply) => {
    const text = await deps.metrics.registry.metrics();
    return reply.type(deps.metrics.registry.contentType).send(text);
  });
}
