import { createHmac } from 'node:crypto';
import http, { type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

// A real webhook receiver on 127.0.0.1 (port 0): records every request it gets and answers as
// told (a status, a delay, headers, or never); it can go down (connection refused) and come back
// up on the same port.

export type Received = {
  path: string;
  headers: IncomingHttpHeaders;
  /** The body exactly as received. */
  raw: Buffer;
  body: any;
  /** What the sink answered; 0 when it never answered (the sender gave up first). */
  answered: number;
  /** Answered, or the sender hung up. */
  settled: boolean;
};

/** `hang`: never answer (the sender times out or gives up). */
export type Behaviour = { status?: number; delayMs?: number; headers?: Record<string, string>; body?: string; hang?: boolean };

export class WebhookSink {
  private readonly server: http.Server;
  private port = 0;
  readonly received: Received[] = [];
  /** Behaviours for the next requests, in order; afterwards `normal`. */
  private readonly plan: Behaviour[] = [];
  normal: Behaviour = { status: 200 };
  /** Decides per request before the plan; undefined falls through to the plan, then `normal`. */
  rule: ((request: Received) => Behaviour | undefined) | undefined;

  private constructor() {
    this.server = http.createServer((request, response) => this.handle(request, response));
  }

  static async start(): Promise<WebhookSink> {
    const sink = new WebhookSink();
    await sink.listen(0);
    return sink;
  }

  url(path = '/hook'): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  /** The next `count` requests get this answer. */
  next(count: number, behaviour: Behaviour): void {
    for (let i = 0; i < count; i++) this.plan.push(behaviour);
  }

  /** Requests the sink accepted (answered 2xx), optionally at one path. */
  accepted(path?: string): Received[] {
    return this.received.filter((r) => r.answered >= 200 && r.answered < 300 && (path === undefined || r.path === path));
  }

  /** Polls (every 10 ms of real time) until `condition` holds; fails after `timeoutMs`. */
  async waitFor(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
    if (!(await until(condition, timeoutMs))) throw new Error(`webhook sink: gave up waiting for ${what}; got ${this.received.length} requests`);
  }

  /** Every request so far was answered or abandoned by its sender. */
  get quiet(): boolean {
    return this.received.every((r) => r.settled);
  }

  /** Accepted request bodies at a path. */
  bodies(path?: string): any[] {
    return this.accepted(path).map((r) => r.body);
  }

  /** Waits until `count` requests were accepted at `path` (all paths if undefined). */
  waitForAccepted(count: number, path?: string, timeoutMs?: number): Promise<void> {
    return this.waitFor(() => this.accepted(path).length >= count, `${count} accepted deliveries`, timeoutMs);
  }

  /** Stops listening: senders get connection refused. */
  async down(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  /** Listens again on the same port. */
  up(): Promise<void> {
    return this.listen(this.port);
  }

  async close(): Promise<void> {
    if (this.server.listening) await this.down();
  }

  private listen(port: number): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => {
        this.server.off('error', reject);
        this.port = (this.server.address() as AddressInfo).port;
        resolve();
      });
    });
  }

  private handle(request: http.IncomingMessage, response: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const raw = Buffer.concat(chunks);
      let body: unknown;
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        body = undefined;
      }
      const entry: Received = { path: request.url ?? '/', headers: request.headers, raw, body, answered: 0, settled: false };
      this.received.push(entry);
      const behaviour = this.rule?.(entry) ?? this.plan.shift() ?? this.normal;
      let gone = false;
      response.on('close', () => {
        if (!response.writableEnded) gone = true;
        entry.settled = true;
      });
      const answer = () => {
        if (gone || response.destroyed) return;
        entry.answered = behaviour.status ?? 200;
        entry.settled = true;
        response.writeHead(entry.answered, { 'content-type': 'text/plain', ...behaviour.headers });
        response.end(behaviour.body ?? 'ok');
      };
      if (behaviour.hang) return;
      if (behaviour.delayMs) setTimeout(answer, behaviour.delayMs);
      else answer();
    });
  }
}

/** Webex's X-Spark-Signature for a body and a secret. */
export const sparkSignature = (secret: string, raw: Buffer): string => createHmac('sha1', secret).update(raw).digest('hex');

/** Polls (every 10 ms of real time) until `condition` holds or `timeoutMs` passes; answers whether it held. */
export async function until(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return true;
}
