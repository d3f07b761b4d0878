import type { ServerResponse } from 'node:http';
import { badRequest } from '../domain/errors.ts';
import { encodeId } from '../domain/webex-ids.ts';
import { MWI_EVENT_TYPE } from '../domain/voicemail/mwi.ts';
import type { CallEventRecord } from '../store/calls-store.ts';
import type { Store } from '../store/store.ts';

// One connection of the live event stream (GET /sandbox/v1/events): it polls an organization's
// call-event outbox from a cursor and writes each event as a server-sent event. The cursor is
// the SSE `id`, so a browser that reconnects (Last-Event-ID) resumes where it stopped.

export type StreamCursor = Pick<CallEventRecord, 'created' | 'sessionId' | 'seq'>;

export type StreamTiming = {
  /** How often an idle connection reads the outbox again. */
  pollMs: number;
  /** How often a comment line is sent, so proxies keep the connection and a gone client is noticed. */
  heartbeatMs: number;
  /** Events read per query; a full batch is followed at once by the next. */
  batch: number;
};

export const DEFAULT_TIMING: StreamTiming = { pollMs: 250, heartbeatMs: 15_000, batch: 100 };

/** Milliseconds a disconnected EventSource waits before reconnecting (the SSE `retry` field). */
const RECONNECT_MS = 2000;

export function encodeStreamCursor(cursor: StreamCursor): string {
  return Buffer.from(JSON.stringify([cursor.created, cursor.sessionId, cursor.seq])).toString('base64url');
}

export function decodeStreamCursor(value: string): StreamCursor {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 3 && typeof parsed[0] === 'string' && typeof parsed[1] === 'string' && Number.isInteger(parsed[2])) {
      return { created: parsed[0], sessionId: parsed[1], seq: parsed[2] };
    }
  } catch {
    // fall through to the 400
  }
  throw badRequest('Last-Event-ID is not the id of an event of this stream.');
}

/** The first cursor at or after a time: every event created at `since` or later follows it. */
export const cursorAt = (since: Date): StreamCursor => ({ created: since.toISOString(), sessionId: '', seq: 0 });

/** The organization's newest event, so that a stream opened without a start shows only what comes next. */
export async function newestCursor(store: Store, orgId: string): Promise<StreamCursor | null> {
  return (await store.calls.newestEvent(orgId)) ?? null;
}

/**
 * The message of one event: the telephony_calls `data` snapshot as a webhook would carry it,
 * with `actorId` (whose call it is: the data does not say) and when it was written.
 */
function message(event: CallEventRecord): string {
  const body = JSON.stringify({
    resource: 'telephony_calls',
    actorId: encodeId('PEOPLE', event.personId),
    created: event.created,
    data: JSON.parse(event.data),
  });
  return `id: ${encodeStreamCursor(event)}\nevent: call\ndata: ${body}\n\n`;
}

export class LiveEventStream {
  private readonly store: Store;
  private readonly orgId: string;
  private readonly response: ServerResponse;
  private readonly timing: StreamTiming;
  private readonly onError: (error: unknown) => void;
  private cursor: StreamCursor | null;
  private caughtUp = false;
  private closed = false;
  private pollTimer: NodeJS.Timeout | undefined;
  private readonly heartbeat: NodeJS.Timeout;
  private readonly ended: Promise<void>;
  private end!: () => void;

  constructor(deps: { store: Store; orgId: string; from: StreamCursor | null; response: ServerResponse; timing: StreamTiming; onError: (error: unknown) => void }) {
    this.store = deps.store;
    this.orgId = deps.orgId;
    this.cursor = deps.from;
    this.response = deps.response;
    this.timing = deps.timing;
    this.onError = deps.onError;
    this.ended = new Promise((resolve) => (this.end = resolve));
    this.response.on('close', () => this.close());
    this.response.write(`retry: ${RECONNECT_MS}\n\n`);
    this.heartbeat = setInterval(() => this.response.write(': keep-alive\n\n'), this.timing.heartbeatMs);
    this.heartbeat.unref();
    void this.poll();
  }

  /** Resolves once the stream has stopped (client gone, server closing, or a store failure). */
  get done(): Promise<void> {
    return this.ended;
  }

  private async poll(): Promise<void> {
    this.pollTimer = undefined;
    if (this.closed) return;
    let events: CallEventRecord[];
    try {
      events = await this.store.calls.events(this.orgId, this.cursor, this.timing.batch);
    } catch (error) {
      if (!this.closed) this.onError(error);
      this.close();
      return;
    }
    if (this.closed) return;
    // The console shows calls: a voicemail box's indicator events share the outbox but are not calls.
    for (const event of events) if (event.eventType !== MWI_EVENT_TYPE) this.response.write(message(event));
    if (events.length > 0) this.cursor = events[events.length - 1]!;
    const more = events.length === this.timing.batch;
    // `ready` tells the client that what came before was the backlog, and what follows is live.
    if (!more && !this.caughtUp) {
      this.caughtUp = true;
      this.response.write('event: ready\ndata: {}\n\n');
    }
    if (this.response.writableNeedDrain) await new Promise<void>((resolve) => {
      this.response.once('drain', resolve);
      void this.ended.then(resolve);
    });
    if (this.closed) return;
    this.pollTimer = setTimeout(() => void this.poll(), more ? 0 : this.timing.pollMs);
  }

  /** Stops polling and ends the response (the client's EventSource will reconnect). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.heartbeat);
    if (this.pollTimer) clearTimeout(this.pollTimer);
    if (!this.response.writableEnded) this.response.end();
    this.end();
  }
}
