import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { decodeSessionId } from '../../src/domain/calls/call-ids.ts';
import { decodeId } from '../../src/domain/webex-ids.ts';
import { encodeStreamCursor } from '../../src/sandbox/console-event-stream.ts';
import { callAction, demoCallers, onlyCall, pstnCall, type Caller } from '../support/calls.ts';
import { Client } from '../support/client.ts';
import { dialects } from '../support/dialects.ts';
import { assertWebexError, createOrganization } from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';

// GET /sandbox/v1/events: the organization's call events as server-sent events, for the console.

type Message = { event: string; id: string | undefined; data: string };

/** Reads an SSE response message by message. */
class EventStream {
  readonly status: number;
  readonly headers: Headers;
  private readonly reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  private readonly controller: AbortController;
  private readonly decoder = new TextDecoder();
  private buffer = '';
  private readonly queue: Message[] = [];

  private constructor(response: Response, controller: AbortController) {
    this.status = response.status;
    this.headers = response.headers;
    this.reader = response.body?.getReader();
    this.controller = controller;
  }

  static async open(url: string, headers: Record<string, string> = {}): Promise<EventStream> {
    const controller = new AbortController();
    const response = await fetch(url, { headers, signal: controller.signal });
    return new EventStream(response, controller);
  }

  /** The next message of the given event type (others are skipped), or a failure after `ms`. */
  async next(event: string, ms = 5000): Promise<Message> {
    const deadline = Date.now() + ms;
    for (;;) {
      const index = this.queue.findIndex((m) => m.event === event);
      if (index >= 0) return this.queue.splice(0, index + 1).pop()!;
      const left = deadline - Date.now();
      if (left <= 0 || !this.reader) throw new Error(`no "${event}" message within ${ms} ms`);
      let timer: NodeJS.Timeout | undefined;
      const chunk = await Promise.race([
        this.reader.read(),
        new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), left))),
      ]);
      clearTimeout(timer);
      if (chunk === 'timeout') continue;
      if (chunk.done) throw new Error(`the stream ended before a "${event}" message`);
      this.buffer += this.decoder.decode(chunk.value, { stream: true });
      this.parse();
    }
  }

  /** Every `call` message until `count` have arrived. */
  async calls(count: number, ms = 5000): Promise<Message[]> {
    const messages: Message[] = [];
    while (messages.length < count) messages.push(await this.next('call', ms));
    return messages;
  }

  private parse(): void {
    let end: number;
    while ((end = this.buffer.indexOf('\n\n')) >= 0) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      const message: Message = { event: 'message', id: undefined, data: '' };
      let fields = 0;
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) continue;
        const [name, ...rest] = line.split(':');
        const value = rest.join(':').replace(/^ /, '');
        if (name === 'event') message.event = value;
        else if (name === 'id') message.id = value;
        else if (name === 'data') message.data += value;
        else continue;
        fields++;
      }
      if (fields > 0 && (message.data !== '' || message.event !== 'message')) this.queue.push(message);
    }
  }

  close(): void {
    this.controller.abort();
  }
}

const body = (m: Message) => JSON.parse(m.data) as { resource: string; actorId: string; created: string; data: { eventType: string; state: string; callId: string; callSessionId: string } };

for (const dialect of dialects) {
  describe(`the live event stream (${dialect})`, () => {
    let server: TestServer;
    let admin: Client;
    let people: Record<'morgan' | 'alex' | 'blair' | 'casey' | 'devon', Caller>;
    const streams: EventStream[] = [];
    const open = async (query = '', headers: Record<string, string> = {}, token: string | undefined = server.demo.adminToken) => {
      const stream = await EventStream.open(`${server.url}/sandbox/v1/events${query}`, token ? { authorization: `Bearer ${token}`, ...headers } : headers);
      streams.push(stream);
      return stream;
    };

    before(async () => {
      server = await startServer(dialect);
      admin = server.admin;
      people = await demoCallers(admin);
    });
    after(async () => {
      for (const stream of streams) stream.close();
      await server.close();
    });

    describe('who may open it', () => {
      it('given no token, answers 401 with the Webex error body', async () => {
        assertWebexError(await server.anonymous.get('/sandbox/v1/events'), 401);
      });

      it('given a person who is not a full administrator, answers 403', async () => {
        assertWebexError(await people.alex.api.get('/sandbox/v1/events'), 403, /full administrator/);
      });

      it('given an unknown token in access_token, answers 401', async () => {
        assertWebexError(await server.anonymous.get('/sandbox/v1/events', { access_token: 'not-a-token' }), 401);
      });

      it('accepts the token as access_token in the query, for EventSource', async () => {
        const stream = await open(`?access_token=${encodeURIComponent(server.demo.adminToken)}`, {}, undefined);
        assert.equal(stream.status, 200);
        assert.match(stream.headers.get('content-type') ?? '', /^text\/event-stream/);
        assert.match(stream.headers.get('trackingid') ?? '', /^ROUTER_/);
        await stream.next('ready');
        stream.close();
      });

      it('given a Last-Event-ID that is not one of its ids, answers 400', async () => {
        assertWebexError(await admin.request('GET', '/sandbox/v1/events', { headers: { 'last-event-id': 'garbage' } }), 400, /Last-Event-ID/);
      });
    });

    describe('what it sends', () => {
      it('sends a call event the moment it happens, with whose call it is and the webhook data', async () => {
        const stream = await open();
        await stream.next('ready');
        const placed = await pstnCall(admin, '+14155550123', people.blair.extension);
        const [message] = await stream.calls(1);
        const event = body(message!);
        assert.equal(event.resource, 'telephony_calls');
        assert.equal(event.actorId, people.blair.id);
        assert.equal(event.data.eventType, 'received');
        assert.equal(event.data.state, 'alerting');
        assert.equal(event.data.callSessionId, placed.callSessionId);
        assert.ok(message!.id);
        await admin.post(`/sandbox/v1/calls/${placed.callSessionId}/pstn/hangup`);
        assert.equal(body((await stream.calls(1))[0]!).data.state, 'disconnected');
        stream.close();
      });

      it('sends the events in the order the outbox holds them, each once', async () => {
        const stream = await open();
        await stream.next('ready');
        await callAction(people.alex, 'dial', { destination: people.devon.extension }, 201);
        const alexCall = await onlyCall(people.alex);
        await callAction(people.alex, 'answer', { callId: alexCall.id }, 204);
        const devonCall = await onlyCall(people.devon);
        await callAction(people.devon, 'answer', { callId: devonCall.id });
        await callAction(people.alex, 'hold', { callId: alexCall.id });
        await callAction(people.alex, 'resume', { callId: alexCall.id });
        await callAction(people.devon, 'hangup', { callId: devonCall.id });

        const orgId = decodeId((await admin.get('/v1/people/me')).body.orgId, 'ORGANIZATION')!;
        const sessionId = decodeSessionId(alexCall.callSessionId);
        const all = await server.app.store.calls.events(orgId, null, 1000);
        const stored = all.filter((e) => e.sessionId === sessionId);
        // A stream opened without a start begins after the newest event: the last in this order.
        assert.deepEqual(await server.app.store.calls.newestEvent(orgId), all.at(-1));
        const received = await stream.calls(stored.length);
        assert.deepEqual(
          received.map((m) => m.id),
          stored.map((e) => encodeStreamCursor(e)),
        );
        const alexTypes = received.map(body).filter((e) => e.actorId === people.alex.id).map((e) => e.data.eventType);
        assert.ok(alexTypes.indexOf('held') > 0 && alexTypes.indexOf('held') < alexTypes.indexOf('resumed'), alexTypes.join(','));
        assert.equal(alexTypes.at(-1), 'disconnected', alexTypes.join(','));
        await assert.rejects(stream.next('call', 600), /no "call" message/);
        stream.close();
      });

      it('replays from `since`, marks the end of the backlog with `ready`, then goes live', async () => {
        const since = new Date(Date.now() - 60_000).toISOString();
        const placed = await pstnCall(admin, '+14155550124', people.casey.extension);
        const stream = await open(`?since=${encodeURIComponent(since)}`);
        const backlog: Message[] = [];
        for (let call; (call = await stream.next('call', 1000).catch(() => undefined)); ) backlog.push(call);
        assert.ok(backlog.some((m) => body(m).data.callSessionId === placed.callSessionId), 'the backlog holds the call placed before the stream opened');
        stream.close();

        const again = await open(`?since=${encodeURIComponent(since)}`);
        const ready = await again.next('ready');
        assert.equal(ready.data, '{}');
        await admin.post(`/sandbox/v1/calls/${placed.callSessionId}/pstn/hangup`);
        const live = body((await again.calls(1))[0]!);
        assert.equal(live.data.callSessionId, placed.callSessionId);
        assert.equal(live.data.state, 'disconnected');
        again.close();
      });

      it('resumes after the Last-Event-ID an EventSource sends when it reconnects', async () => {
        const stream = await open();
        await stream.next('ready');
        const placed = await pstnCall(admin, '+14155550125', people.casey.extension);
        await admin.post(`/sandbox/v1/calls/${placed.callSessionId}/pstn/hangup`);
        const [first, second] = await stream.calls(2);
        stream.close();

        const resumed = await open('', { 'last-event-id': first!.id! });
        const [next] = await resumed.calls(1);
        assert.equal(next!.id, second!.id);
        resumed.close();
      });

      it('never sends another organization’s events', async () => {
        const other = await createOrganization(server.anonymous);
        const stream = await open();
        await stream.next('ready');
        await pstnCall(other.admin, '+14155550126', '1000');
        await assert.rejects(stream.next('call', 800), /no "call" message/);
        stream.close();
      });
    });
  });
}

describe('the live event stream and the server’s lifetime', () => {
  it('ends open streams when the server closes, instead of waiting for them', async () => {
    const server = await startServer();
    const stream = await EventStream.open(`${server.url}/sandbox/v1/events`, { authorization: `Bearer ${server.demo.adminToken}` });
    await stream.next('ready');
    const started = Date.now();
    await server.close();
    assert.ok(Date.now() - started < 3000, `closing took ${Date.now() - started} ms`);
    await assert.rejects(stream.next('call', 1000), /ended|no "call"/);
  });
});

describe('GET /sandbox/v1/demo', () => {
  it('offers the demo administrator token when Callplane generated it', async () => {
    const server = await startServer('sqlite', { config: { adminToken: undefined } });
    try {
      const reply = await server.anonymous.get('/sandbox/v1/demo');
      assert.equal(reply.status, 200, reply.text);
      assert.equal(reply.body.adminToken, server.demo.adminToken);
      assert.equal(reply.body.displayName, 'Callplane Demo');
      assert.equal(reply.body.adminEmail, server.demo.adminEmail);
    } finally {
      await server.close();
    }
  });

  it('keeps the generated token back when the server listens beyond loopback', async () => {
    const server = await startServer('sqlite', { config: { adminToken: undefined, host: '0.0.0.0' } });
    try {
      const reply = await new Client(server.url.replace('0.0.0.0', '127.0.0.1')).get('/sandbox/v1/demo');
      assert.equal(reply.status, 200, reply.text);
      assert.equal(reply.body.displayName, 'Callplane Demo');
      assert.equal(reply.body.adminToken, undefined);
      assert.equal((await server.admin.get('/v1/people/me')).status, 200, 'the token itself still works');
    } finally {
      await server.close();
    }
  });

  it('never serves a token chosen with CALLPLANE_ADMIN_TOKEN', async () => {
    const server = await startServer();
    try {
      const reply = await server.anonymous.get('/sandbox/v1/demo');
      assert.equal(reply.status, 200, reply.text);
      assert.equal(reply.body.adminToken, undefined);
    } finally {
      await server.close();
    }
  });

  it('answers 404 without a demo organization', async () => {
    const app = await buildApp(loadConfig({ PORT: '0', DATABASE_URL: 'sqlite::memory:', CALLPLANE_DEMO: 'off', LOG_LEVEL: 'silent' }));
    try {
      const url = await app.listen();
      assertWebexError(await new Client(url).get('/sandbox/v1/demo'), 404, /no demo organization/);
    } finally {
      await app.close();
    }
  });
});
