import { createServer } from 'node:http';
import { latency } from './support.ts';

// A local webhook receiver in a process of its own: answers every delivery 200 at once and notes
// when it arrived. Delivery latency is the arrival time minus the event's data.eventTimestamp
// (both from this machine's clock; the timestamp has millisecond precision).
// Usage: node bench/webhook-receiver.ts PORT.   GET /stats: what arrived.   POST /reset: forget it.

type Delivery = { at: number; latencyMs: number | undefined; event: string; eventType: string; callId: string };

let deliveries: Delivery[] = [];
let malformed: string[] = [];

function summary() {
  const timed = deliveries.filter((d) => d.latencyMs !== undefined).map((d) => d.latencyMs!);
  const byEvent: Record<string, number> = {};
  for (const d of deliveries) byEvent[`${d.event}/${d.eventType}`] = (byEvent[`${d.event}/${d.eventType}`] ?? 0) + 1;
  // A delivery of the same event twice (same call, same eventType and timestamp) is a duplicate.
  const keys = new Set(deliveries.map((d) => `${d.callId}|${d.eventType}|${d.at - (d.latencyMs ?? 0)}`));
  return {
    received: deliveries.length,
    duplicates: deliveries.length - keys.size,
    withoutTimestamp: deliveries.length - timed.length,
    byEvent,
    latency: latency(timed),
    firstAt: deliveries[0]?.at,
    lastAt: deliveries.at(-1)?.at,
    malformed: malformed.slice(0, 3),
  };
}

const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (c: Buffer) => chunks.push(c));
  request.on('end', () => {
    const at = Date.now();
    if (request.method === 'GET' && request.url === '/stats') {
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(summary()));
      return;
    }
    if (request.method === 'POST' && request.url === '/reset') {
      deliveries = [];
      malformed = [];
      response.writeHead(204).end();
      return;
    }
    response.writeHead(200).end();
    const text = Buffer.concat(chunks).toString();
    try {
      const body = JSON.parse(text) as { event?: string; data?: { eventTimestamp?: string; eventType?: string; callId?: string } };
      const stamp = body.data?.eventTimestamp ? Date.parse(body.data.eventTimestamp) : NaN;
      deliveries.push({
        at,
        latencyMs: Number.isFinite(stamp) ? at - stamp : undefined,
        event: String(body.event),
        eventType: String(body.data?.eventType),
        callId: String(body.data?.callId),
      });
    } catch {
      if (malformed.length < 10) malformed.push(text.slice(0, 300));
    }
  });
});

server.keepAliveTimeout = 60_000;
server.listen(Number(process.argv[2]), '127.0.0.1');
process.on('SIGTERM', () => server.close(() => process.exit(0)));
