import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Server } from './types.ts';

// Prometheus metrics (prom-client), one registry per server so that several servers in one
// process (tests, the harness) count apart. Requests are counted by route pattern, never by
// raw path, so IDs do not multiply the series.

export type MetricsSource = {
  /** Calls not yet ended. */
  activeCalls(): Promise<number>;
  /** Deliveries waiting, and the age in seconds of the oldest. */
  outbox(): Promise<{ pending: number; oldestSeconds: number }>;
  /** Delivery attempts made so far, and how many did not deliver. */
  deliveries(): Promise<{ attempts: number; failures: number }>;
};

export class Metrics {
  readonly registry = new Registry();
  private readonly requests = new Counter({
    name: 'callplane_http_requests_total',
    help: 'HTTP requests answered, by method, route and status.',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });
  private readonly latency = new Histogram({
    name: 'callplane_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method and route.',
    labelNames: ['method', 'route'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'callplane_' });
  }

  /** Gauges read from the store when scraped. */
  watch(source: MetricsSource): void {
    const registers = [this.registry];
    new Gauge({ name: 'callplane_active_calls', help: 'Call sessions not yet ended.', registers, collect: async function () { this.set(await source.activeCalls()); } });
    const outbox = source.outbox.bind(source);
    new Gauge({ name: 'callplane_webhook_outbox_pending', help: 'Webhook deliveries waiting to be sent.', registers, collect: async function () { this.set((await outbox()).pending); } });
    new Gauge({
      name: 'callplane_webhook_outbox_lag_seconds',
      help: 'Age of the oldest webhook delivery waiting to be sent (0 when none waits).',
      registers,
      collect: async function () {
        this.set((await outbox()).oldestSeconds);
      },
    });
    new Gauge({ name: 'callplane_webhook_delivery_attempts', help: 'Webhook delivery attempts made.', registers, collect: async function () { this.set((await source.deliveries()).attempts); } });
    new Gauge({ name: 'callplane_webhook_delivery_failures', help: 'Webhook delivery attempts that failed.', registers, collect: async function () { this.set((await source.deliveries()).failures); } });
  }

  install(server: Server): void {
    server.addHook('onResponse', (request, reply, done) => {
      const route = request.routeOptions.url ?? 'unknown';
      this.requests.inc({ method: request.method, route, status: String(reply.statusCode) });
      this.latency.observe({ method: request.method, route }, reply.elapsedTime / 1000);
      done();
    });
  }
}
