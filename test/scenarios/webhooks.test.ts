import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Config } from '../../src/config.ts';
import { SandboxClock } from '../../src/sandbox/sandbox-clock.ts';
import { nextLink, type Client } from '../support/client.ts';
import { dialects, testDatabase, type Dialect } from '../support/dialects.ts';
import { clientWithScopes, createOrganization } from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';
import { sparkSignature, until, WebhookSink, type Received } from '../support/webhook-sink.ts';

// Call events delivered to real receivers on loopback (reference §5): who gets which event, the
// envelope and its signature, order per call under failures, retries, deactivation, restarts,
// and several processes on one PostgreSQL.

const CALLER = '+14155550123';
const OTHER_CALLER = '+14155550199';
const RETRY_MAX_MS = 4000;
/** The default of a server listening on loopback: receivers on 127.0.0.1 allowed. */
const LOOPBACK = { allowLoopback: true, allowPrivate: false };
// Generous timeouts, so that a busy machine does not turn a slow answer into a retry (and a
// duplicate); the test about timeouts sets its own.
const TIMING: Partial<Config> = {
  webhooks: { maxFailures: 50, retryBaseMs: 1000, retryMaxMs: RETRY_MAX_MS, timeoutMs: 2000, egress: LOOPBACK },
};

type Person = { id: string; extension: string; api: Client };

async function demoPerson(admin: Client, firstName: string): Promise<Person> {
  const people = (await admin.get('/v1/people', { max: 100, callingData: true })).body.items as { id: string; firstName: string; extension: string }[];
  const person = people.find((p) => p.firstName === firstName);
  assert.ok(person, firstName);
  return { id: person.id, extension: person.extension, api: await clientWithScopes(admin, person.id, ['spark:calls_read', 'spark:calls_write']) };
}

async function world(dialect: Dialect, config: Partial<Config> = TIMING, clock = new SandboxClock('manual')) {
  const server = await startServer(dialect, { clock, config: { ...TIMING, ...config } });
  const sink = await WebhookSink.start();
  const alex = await demoPerson(server.admin, 'Alex');
  const blair = await demoPerson(server.admin, 'Blair');
  return { server, clock, sink, admin: server.admin, alex, blair };
}
type World = Awaited<ReturnType<typeof world>>;

async function inWorld(dialect: Dialect, test: (w: World) => Promise<void>, config?: Partial<Config>) {
  const w = await world(dialect, config);
  try {
    await test(w);
  } finally {
    await w.server.close();
    await w.sink.close();
  }
}

async function createWebhook(api: Client, targetUrl: string, overrides: Record<string, unknown> = {}) {
  const reply = await api.post('/v1/webhooks', { name: 'calls', targetUrl, resource: 'telephony_calls', event: 'all', ...overrides });
  assert.equal(reply.status, 200, reply.text);
  return reply.body as Record<string, string>;
}

async function act(person: Person, action: string, body: Record<string, unknown>, status = 204) {
  const reply = await person.api.post(`/v1/telephony/calls/${action}`, body);
  assert.equal(reply.status, status, `${action}: ${reply.text}`);
  return reply.body;
}

async function onlyCallId(person: Person): Promise<string> {
  const calls = (await person.api.get('/v1/telephony/calls')).body.items as { id: string }[];
  assert.equal(calls.length, 1, JSON.stringify(calls));
  return calls[0]!.id;
}

/** A PSTN caller rings a person; answers the person's callId. */
async function pstnCall(admin: Client, from: string, person: Person): Promise<string> {
  const reply = await admin.post('/sandbox/v1/calls', { from, to: person.extension });
  assert.equal(reply.status, 201, reply.text);
  const leg = (reply.body.legs as { callId: string; party: { personId?: string } }[]).find((l) => l.party.personId === person.id);
  assert.ok(leg, reply.text);
  return leg.callId;
}

/** A PSTN call the person answers and hangs up: received, answered, disconnected. */
async function answeredCall(admin: Client, person: Person, from = CALLER): Promise<string> {
  const callId = await pstnCall(admin, from, person);
  await act(person, 'answer', { callId });
  await act(person, 'hangup', { callId });
  return callId;
}

/** [event, eventType, state] of each body. */
const steps = (bodies: any[]) => bodies.map((b) => [b.event, b.data.eventType, b.data.state]);
const ofCall = (bodies: any[], callId: string) => bodies.filter((b) => b.data.callId === callId);

/**
 * Moves the manual clock on by the longest backoff until `condition` holds, each time waiting
 * (real time) for the sends it caused to settle.
 */
async function drive(w: World, condition: () => boolean, what: string, step = RETRY_MAX_MS) {
  for (let round = 0; round < 40; round++) {
    if (condition()) return;
    const before = w.sink.received.length;
    await w.clock.advance(step);
    await until(() => condition() || (w.sink.received.length > before && w.sink.quiet), 1500);
  }
  assert.fail(`never happened: ${what}; the sink got ${JSON.stringify(steps(w.sink.received.map((r) => r.body)))}`);
}

/** Waits a little (real time) to see that nothing more arrives. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

const PSTN_FLOW = [
  ['created', 'received', 'alerting'],
  ['updated', 'answered', 'connected'],
  ['deleted', 'disconnected', 'disconnected'],
];

async function deliveries(api: Client, webhookId: string) {
  const reply = await api.get(`/sandbox/v1/webhooks/${webhookId}/deliveries`, { max: 500 });
  assert.equal(reply.status, 200, reply.text);
  return reply.body.items as any[];
}

/** Waits (real time) until the delivery log holds `count` attempts: the worker has recorded them. */
async function recordedAttempts(api: Client, webhookId: string, count: number) {
  const deadline = Date.now() + 5000;
  for (;;) {
    const total = (await deliveries(api, webhookId)).reduce((n, d) => n + d.attempts.length, 0);
    if (total >= count) return;
    if (Date.now() > deadline) assert.fail(`${count} attempts were never recorded (${total})`);
    await until(() => false, 10);
  }
}

for (const dialect of dialects) {
  describe(`webhook deliveries (${dialect})`, () => {
    describe('call flows', () => {
      it('given a person’s own webhook, when a PSTN call to them is answered and hung up, then it receives created, updated, deleted with the Webex envelope, signed', () =>
        inWorld(dialect, async ({ admin, sink, alex }) => {
          const webhook = await createWebhook(alex.api, sink.url('/alex'), { secret: 'alex-secret', name: 'Alex calls' });
          const callId = await answeredCall(admin, alex);
          await sink.waitForAccepted(3, '/alex');
          const received = sink.accepted('/alex');
          const bodies = received.map((r) => r.body);
          assert.deepEqual(steps(bodies), PSTN_FLOW);
          for (const { raw, headers, body } of received) {
            assert.equal(headers['x-spark-signature'], sparkSignature('alex-secret', raw));
            assert.match(headers['content-type'] ?? '', /^application\/json/);
            assert.deepEqual(Object.keys(body), [
              'id',
              'name',
              'targetUrl',
              'resource',
              'event',
              'orgId',
              'createdBy',
              'appId',
              'ownedBy',
              'status',
              'created',
              'actorId',
              'data',
            ]);
            assert.deepEqual(
              [body.id, body.name, body.targetUrl, body.resource, body.orgId, body.createdBy, body.appId, body.ownedBy, body.status, body.created],
              [webhook.id, 'Alex calls', webhook.targetUrl, 'telephony_calls', webhook.orgId, alex.id, webhook.appId, 'creator', 'active', webhook.created],
            );
            assert.equal(body.actorId, alex.id);
            assert.equal(raw.includes('alex-secret'), false, 'the secret is never sent');
            assert.equal(body.data.callId, callId);
            assert.equal(body.data.personality, 'terminator');
            assert.deepEqual([body.data.remoteParty.number, body.data.remoteParty.callType], [CALLER, 'external']);
            assert.equal(typeof body.data.eventTimestamp, 'string');
            assert.equal(typeof body.data.callSessionId, 'string');
          }
          assert.ok(bodies[1].data.answered && bodies[1].data.muteCapable);
          assert.ok(bodies[2].data.disconnected);
          assert.equal('appearance' in bodies[2].data, false);
          await settle();
          assert.equal(sink.received.length, 3, 'each event once');

          const page = await alex.api.get(`/sandbox/v1/webhooks/${webhook.id}/deliveries`, { max: 2 });
          assert.equal(page.status, 200, page.text);
          assert.deepEqual(
            page.body.items.map((d: any) => [d.eventType, d.event, d.status, d.callId, d.attempts.length, d.attempts[0].statusCode]),
            [
              ['disconnected', 'deleted', 'delivered', callId, 1, 200],
              ['answered', 'updated', 'delivered', callId, 1, 200],
            ],
          );
          const next = nextLink(page.headers);
          assert.ok(next, 'a Link to the older deliveries');
          const older = await alex.api.follow(next);
          assert.deepEqual(
            older.body.items.map((d: any) => [d.eventType, d.body]),
            [['received', received[0]!.raw.toString()]],
          );
          assert.equal(nextLink(older.headers), undefined);
        }));

      it('given webhooks of both people and of the organization, when one clicks to dial the other, holds and resumes, then each receives its calls’ events in order', () =>
        inWorld(dialect, async ({ admin, sink, alex, blair }) => {
          await createWebhook(alex.api, sink.url('/alex'));
          await createWebhook(blair.api, sink.url('/blair'));
          await createWebhook(admin, sink.url('/org'), { ownedBy: 'org' });
          const { callId } = await act(alex, 'dial', { destination: blair.extension }, 201);
          await act(alex, 'answer', { callId });
          const theirs = await onlyCallId(blair);
          await act(blair, 'answer', { callId: theirs });
          await act(alex, 'hold', { callId });
          await act(alex, 'resume', { callId });
          await act(blair, 'hangup', { callId: theirs });

          const alexFlow = [
            ['created', 'originated', 'alerting'],
            ['updated', 'answered', 'connecting'],
            ['updated', 'connected', 'connected'],
            ['updated', 'held', 'held'],
            ['updated', 'resumed', 'connected'],
            ['deleted', 'disconnected', 'disconnected'],
          ];
          const blairFlow = [
            ['created', 'received', 'alerting'],
            ['updated', 'answered', 'connected'],
            ['updated', 'remoteHeld', 'remoteHeld'],
            ['updated', 'remoteResumed', 'connected'],
            ['deleted', 'disconnected', 'disconnected'],
          ];
          await sink.waitForAccepted(6, '/alex');
          await sink.waitForAccepted(5, '/blair');
          await sink.waitForAccepted(11, '/org');
          assert.deepEqual(steps(sink.bodies('/alex')), alexFlow);
          assert.deepEqual(steps(sink.bodies('/blair')), blairFlow);
          assert.deepEqual(
            sink.bodies('/alex').map((b) => [b.data.personality, b.data.callId]),
            alexFlow.map((_, i) => [i === 0 ? 'clickToDial' : 'originator', callId]),
          );
          assert.equal(sink.bodies('/blair')[0].data.remoteParty.personId, alex.id);
          const org = sink.bodies('/org');
          assert.deepEqual(steps(ofCall(org, callId)), alexFlow);
          assert.deepEqual(steps(ofCall(org, theirs)), blairFlow);
          assert.deepEqual(
            [...new Set(org.map((b) => b.actorId))].sort(),
            [alex.id, blair.id].sort(),
          );
          assert.ok(org.every((b) => b.ownedBy === 'org'));
          await settle();
          assert.equal(sink.received.length, 22, 'each event once per webhook');
        }));

      it('delivers no signature header when the webhook has no secret', () =>
        inWorld(dialect, async ({ admin, sink, alex }) => {
          await createWebhook(alex.api, sink.url('/plain'));
          await answeredCall(admin, alex);
          await sink.waitForAccepted(3, '/plain');
          assert.ok(sink.accepted('/plain').every((r) => r.headers['x-spark-signature'] === undefined));
        }));
    });

    describe('who receives what', () => {
      it('gives a person’s webhook only their own calls, an organization webhook everyone’s, another organization nothing', () =>
        inWorld(dialect, async ({ server, admin, sink, alex, blair }) => {
          await createWebhook(blair.api, sink.url('/blair'));
          await createWebhook(admin, sink.url('/admin'));
          await createWebhook(admin, sink.url('/org'), { ownedBy: 'org' });
          const other = await createOrganization(server.anonymous);
          await createWebhook(other.admin, sink.url('/other'), { ownedBy: 'org' });
          const alexCall = await answeredCall(admin, alex);
          const blairCall = await answeredCall(admin, blair, OTHER_CALLER);
          await sink.waitForAccepted(6, '/org');
          await sink.waitForAccepted(3, '/blair');
          await settle();
          assert.deepEqual(steps(sink.bodies('/blair')), PSTN_FLOW);
          assert.ok(sink.bodies('/blair').every((b) => b.data.callId === blairCall));
          assert.deepEqual(steps(ofCall(sink.bodies('/org'), alexCall)), PSTN_FLOW);
          assert.deepEqual(steps(ofCall(sink.bodies('/org'), blairCall)), PSTN_FLOW);
          assert.deepEqual(sink.accepted('/admin'), [], 'the administrator’s own webhook: the administrator’s calls only');
          assert.deepEqual(sink.accepted('/other'), []);
        }));

      it('narrows by event and by filter on personality, state, callType and personId', () =>
        inWorld(dialect, async ({ admin, sink, alex, blair }) => {
          const hook = (path: string, overrides: Record<string, unknown>) => createWebhook(admin, sink.url(path), { ownedBy: 'org', ...overrides });
          await hook('/deleted', { event: 'deleted' });
          await hook('/created', { event: 'created' });
          await hook('/terminator', { filter: 'personality=terminator' });
          await hook('/held', { filter: 'state=held' });
          await hook('/internal', { filter: 'callType=location' });
          await hook('/blair', { filter: `personId=${encodeURIComponent(blair.id)}&state=connected` });

          const pstn = await answeredCall(admin, alex);
          const { callId } = await act(alex, 'dial', { destination: blair.extension }, 201);
          await act(alex, 'answer', { callId });
          const theirs = await onlyCallId(blair);
          await act(blair, 'answer', { callId: theirs });
          await act(alex, 'hold', { callId });
          await act(alex, 'resume', { callId });
          await act(alex, 'hangup', { callId });

          await sink.waitForAccepted(3, '/deleted');
          await sink.waitForAccepted(3, '/created');
          await sink.waitForAccepted(8, '/terminator');
          await sink.waitForAccepted(1, '/held');
          await sink.waitForAccepted(11, '/internal');
          await sink.waitForAccepted(2, '/blair');
          await settle();
          const types = (path: string) => sink.bodies(path).map((b) => `${b.data.callId === pstn ? 'pstn' : b.data.callId === callId ? 'alex' : 'blair'}:${b.data.eventType}`);
          assert.deepEqual(types('/deleted').sort(), ['alex:disconnected', 'blair:disconnected', 'pstn:disconnected']);
          assert.deepEqual(types('/created').sort(), ['alex:originated', 'blair:received', 'pstn:received']);
          assert.ok(sink.bodies('/terminator').every((b) => b.data.personality === 'terminator'));
          assert.equal(sink.accepted('/terminator').length, 8);
          assert.deepEqual(types('/held'), ['alex:held']);
          assert.ok(sink.bodies('/internal').every((b) => b.data.callId !== pstn));
          assert.equal(sink.accepted('/internal').length, 11);
          assert.deepEqual(types('/blair'), ['blair:answered', 'blair:remoteResumed']);
        }));

      it('does not send a new webhook the events of before its creation', () =>
        inWorld(dialect, async ({ admin, clock, sink, alex }) => {
          const callId = await pstnCall(admin, CALLER, alex);
          await act(alex, 'answer', { callId });
          await clock.advance(1000);
          await createWebhook(alex.api, sink.url('/late'));
          await act(alex, 'hangup', { callId });
          await sink.waitForAccepted(1, '/late');
          await settle();
          assert.deepEqual(steps(sink.bodies('/late')), [PSTN_FLOW[2]]);
        }));
    });

    describe('failures, retries and order', () => {
      it('given a receiver answering 503, timing out and answering 500, when the call goes on, then every event arrives once and in order', () =>
        inWorld(
          dialect,
          async (w) => {
            const { admin, sink, alex } = w;
            sink.next(1, { status: 503 });
            sink.next(1, { delayMs: 2000 });
            sink.next(1, { status: 500, body: 'database on fire' });
            const webhook = await createWebhook(alex.api, sink.url('/order'), { secret: 'k' });
            const callId = await pstnCall(admin, CALLER, alex);
            await act(alex, 'answer', { callId });
            await act(alex, 'hold', { callId });
            await act(alex, 'resume', { callId });
            await act(alex, 'hangup', { callId });
            await drive(w, () => sink.accepted('/order').length === 5, 'five events accepted');
            await settle();
            assert.deepEqual(
              sink.received.map((r) => r.body.data.eventType),
              ['received', 'received', 'received', 'received', 'answered', 'held', 'resumed', 'disconnected'],
              'the first event is retried before any later one is sent',
            );
            assert.deepEqual(steps(sink.bodies('/order')), [
              PSTN_FLOW[0],
              PSTN_FLOW[1],
              ['updated', 'held', 'held'],
              ['updated', 'resumed', 'connected'],
              PSTN_FLOW[2],
            ]);
            assert.equal(new Set(sink.received.map((r) => r.raw.toString())).size, 5, 'a retry sends the same bytes');
            for (const r of sink.received) assert.equal(r.headers['x-spark-signature'], sparkSignature('k', r.raw));

            const log = await deliveries(alex.api, webhook.id);
            assert.deepEqual(
              log.map((d) => [d.eventType, d.status]),
              [
                ['disconnected', 'delivered'],
                ['resumed', 'delivered'],
                ['held', 'delivered'],
                ['answered', 'delivered'],
                ['received', 'delivered'],
              ],
            );
            const first = log[4];
            assert.deepEqual(
              first.attempts.map((a: any) => [a.attempt, a.statusCode ?? null, a.outcome]),
              [
                [1, 503, 'retry'],
                [2, null, 'retry'],
                [3, 500, 'retry'],
                [4, 200, 'delivered'],
              ],
            );
            assert.match(first.attempts[1].error, /timed out after 500 ms/);
            assert.equal(first.attempts[2].responseExcerpt, 'database on fire');
            assert.ok(first.attempts.every((a: any) => Number.isInteger(a.latencyMs) && typeof a.time === 'string'));
            assert.ok(first.attempts[1].latencyMs >= 490);
            assert.equal(first.body, sink.received[0]!.raw.toString(), 'the log holds the exact bytes sent');
            assert.equal(JSON.parse(first.body).data.callId, callId);
          },
          { webhooks: { maxFailures: 50, retryBaseMs: 1000, retryMaxMs: RETRY_MAX_MS, timeoutMs: 500, egress: LOOPBACK } },
        ));

      it('given one call whose events keep failing, holds back only that call: another call’s events go through meanwhile', () =>
        inWorld(dialect, async (w) => {
          const { admin, sink, alex, blair } = w;
          let blocked: string | undefined;
          sink.rule = (r) => (r.body?.data?.callId === blocked ? { status: 503 } : undefined);
          await createWebhook(admin, sink.url('/org'), { ownedBy: 'org' });
          blocked = await pstnCall(admin, CALLER, alex);
          await act(alex, 'answer', { callId: blocked });
          await act(alex, 'hangup', { callId: blocked });
          const other = await answeredCall(admin, blair, OTHER_CALLER);
          await sink.waitForAccepted(3, '/org');
          await w.clock.advance(RETRY_MAX_MS);
          await settle();
          assert.deepEqual(steps(ofCall(sink.bodies('/org'), other)), PSTN_FLOW);
          const tried = sink.received.filter((r: Received) => r.body.data.callId === blocked);
          assert.ok(tried.length >= 1);
          assert.ok(
            tried.every((r) => r.body.data.eventType === 'received'),
            'later events of the failing call wait',
          );
          blocked = undefined;
          await drive(w, () => ofCall(sink.bodies('/org'), tried[0]!.body.data.callId).length === 3, 'the held-back call delivered');
          assert.deepEqual(steps(ofCall(sink.bodies('/org'), tried[0]!.body.data.callId)), PSTN_FLOW);
        }));

      it('given a receiver that is down for a while, when it comes back, then it gets every event in order', () =>
        inWorld(dialect, async (w) => {
          const { admin, sink, alex } = w;
          const webhook = await createWebhook(alex.api, sink.url('/down'));
          await sink.down();
          const first = await answeredCall(admin, alex);
          const second = await answeredCall(admin, alex, OTHER_CALLER);
          for (let i = 0; i < 3; i++) await w.clock.advance(RETRY_MAX_MS);
          await settle();
          const log = await deliveries(alex.api, webhook.id);
          assert.equal(log.length, 6);
          assert.ok(log.every((d) => d.status === 'pending'));
          const refused = log.flatMap((d) => d.attempts);
          assert.ok(refused.length >= 2, JSON.stringify(log));
          assert.ok(refused.every((a: any) => a.statusCode === undefined && a.error === 'connection refused' && a.outcome === 'retry'));

          await sink.up();
          await drive(w, () => sink.accepted('/down').length === 6, 'six events after the receiver is back');
          assert.deepEqual(steps(ofCall(sink.bodies('/down'), first)), PSTN_FLOW);
          assert.deepEqual(steps(ofCall(sink.bodies('/down'), second)), PSTN_FLOW);
          assert.equal((await alex.api.get(`/v1/webhooks/${webhook.id}`)).body.status, 'active');
        }));

      it('does not retry an event the receiver refuses with 4xx; the next events go on', () =>
        inWorld(dialect, async (w) => {
          const { admin, sink, alex } = w;
          sink.next(1, { status: 410, body: 'gone' });
          const webhook = await createWebhook(alex.api, sink.url('/refuse'));
          await answeredCall(admin, alex);
          await sink.waitForAccepted(2, '/refuse');
          await w.clock.advance(RETRY_MAX_MS * 2);
          await settle();
          assert.deepEqual(
            sink.received.map((r) => [r.answered, r.body.data.eventType]),
            [
              [410, 'received'],
              [200, 'answered'],
              [200, 'disconnected'],
            ],
          );
          const log = await deliveries(alex.api, webhook.id);
          assert.deepEqual(
            log[2].attempts.map((a: any) => [a.statusCode, a.outcome, a.responseExcerpt]),
            [[410, 'failed', 'gone']],
          );
          assert.equal(log[2].status, 'failed');
        }));

      it('honours Retry-After on a 429', () =>
        inWorld(dialect, async (w) => {
          const { admin, sink, alex } = w;
          sink.next(1, { status: 429, headers: { 'retry-after': '30' } });
          const webhook = await createWebhook(alex.api, sink.url('/busy'));
          const callId = await pstnCall(admin, CALLER, alex);
          await act(alex, 'answer', { callId });
          await recordedAttempts(alex.api, webhook.id, 1);
          await w.clock.advance(20_000);
          await settle();
          assert.equal(sink.received.length, 1, 'nothing before the 30 s asked for');
          await w.clock.advance(10_000);
          await sink.waitForAccepted(2, '/busy');
          assert.deepEqual(steps(sink.bodies('/busy')), PSTN_FLOW.slice(0, 2));
        }));
    });

    describe('deactivation', () => {
      it('turns a webhook inactive after maxFailures failures in a row, sends it nothing then, and delivers all that waited once re-activated', () =>
        inWorld(
          dialect,
          async (w) => {
            const { admin, sink, alex } = w;
            sink.normal = { status: 500 };
            const webhook = await createWebhook(alex.api, sink.url('/flaky'));
            const callId = await pstnCall(admin, CALLER, alex);
            await act(alex, 'answer', { callId });
            const status = async () => (await alex.api.get(`/v1/webhooks/${webhook.id}`)).body.status as string;
            await drive(w, () => sink.received.length === 3, 'three failed attempts');
            let current = await status();
            for (let i = 0; i < 50 && current !== 'inactive'; i++) current = (await until(() => false, 20), await status());
            assert.equal(current, 'inactive');

            await act(alex, 'hangup', { callId });
            sink.normal = { status: 200 };
            for (let i = 0; i < 3; i++) await w.clock.advance(RETRY_MAX_MS);
            await settle();
            assert.equal(sink.received.length, 3, 'an inactive webhook is sent nothing');

            const reply = await alex.api.put(`/v1/webhooks/${webhook.id}`, { name: webhook.name, targetUrl: webhook.targetUrl, status: 'active' });
            assert.equal(reply.status, 200, reply.text);
            assert.equal(reply.body.status, 'active');
            await sink.waitForAccepted(3, '/flaky');
            assert.deepEqual(steps(sink.bodies('/flaky')), PSTN_FLOW);
            const log = await deliveries(alex.api, webhook.id);
            assert.deepEqual(
              log[2].attempts.map((a: any) => [a.statusCode, a.outcome]),
              [
                [500, 'retry'],
                [500, 'retry'],
                [500, 'retry'],
                [200, 'delivered'],
              ],
            );
          },
          { webhooks: { maxFailures: 3, retryBaseMs: 1000, retryMaxMs: RETRY_MAX_MS, timeoutMs: 2000, egress: LOOPBACK } },
        ));
    });

    describe('durability', () => {
      it('given a server stopped mid-call, when another starts on the same store, then every committed event is delivered in order', async () => {
        const store = testDatabase(dialect, { file: true });
        const sink = await WebhookSink.start();
        try {
          const config = { ...TIMING, database: store.config };
          const first = await startServer(dialect, { clock: new SandboxClock('manual'), config });
          let webhook: Record<string, string>;
          let callId: string;
          try {
            const alex = await demoPerson(first.admin, 'Alex');
            webhook = await createWebhook(alex.api, sink.url('/restart'));
            // The receiver refuses everything the first server sends; the events wait in the store.
            sink.normal = { status: 503 };
            callId = await pstnCall(first.admin, CALLER, alex);
            await act(alex, 'answer', { callId });
            await sink.waitFor(() => sink.received.length >= 1 && sink.quiet, 'a first attempt');
          } finally {
            await first.app.close();
          }
          sink.normal = { status: 200 };
          const accepted = sink.received.length;
          const second = await startServer(dialect, { clock: new SandboxClock('manual'), config });
          try {
            const alex = await demoPerson(second.admin, 'Alex');
            await act(alex, 'hangup', { callId });
            const clock = second.app.clock;
            for (let round = 0; round < 10 && sink.accepted('/restart').length < 3; round++) {
              await clock.advance(RETRY_MAX_MS);
              await until(() => sink.accepted('/restart').length === 3, 500);
            }
            assert.deepEqual(steps(sink.bodies('/restart')), PSTN_FLOW);
            assert.ok(sink.received.slice(accepted).every((r) => r.body.id === webhook.id));
          } finally {
            await second.app.close();
          }
        } finally {
          await sink.close();
          await store.drop();
        }
      });

      it('given a server stopped right after a call, when another starts on the same store, then the receiver gets every event (duplicates allowed, order kept)', async () => {
        const store = testDatabase(dialect, { file: true });
        const sink = await WebhookSink.start();
        try {
          const config = { ...TIMING, database: store.config };
          const first = await startServer(dialect, { clock: new SandboxClock('manual'), config });
          try {
            const alex = await demoPerson(first.admin, 'Alex');
            await createWebhook(alex.api, sink.url('/abrupt'));
            await answeredCall(first.admin, alex);
          } finally {
            await first.app.close();
          }
          const second = await startServer(dialect, { clock: new SandboxClock('manual'), config });
          try {
            const distinct = () => [...new Map(sink.accepted('/abrupt').map((r) => [r.raw.toString(), r.body])).values()];
            for (let round = 0; round < 10 && distinct().length < 3; round++) {
              await second.app.clock.advance(RETRY_MAX_MS);
              await until(() => distinct().length === 3, 500);
            }
            assert.deepEqual(steps(distinct()), PSTN_FLOW);
          } finally {
            await second.app.close();
          }
        } finally {
          await sink.close();
          await store.drop();
        }
      });
    });

    if (dialect === 'postgres') {
      describe('several processes on one PostgreSQL', () => {
        it('given two Callplane instances on one database, delivers each event once', async () => {
          const store = testDatabase(dialect, { file: true });
          const sink = await WebhookSink.start();
          const config = { ...TIMING, database: store.config };
          const servers: TestServer[] = [];
          try {
            const one = await startServer(dialect, { config });
            servers.push(one);
            const two = await startServer(dialect, { config });
            servers.push(two);
            const webhook = await createWebhook(one.admin, sink.url('/shared'), { ownedBy: 'org' });
            const calls: string[] = [];
            for (let i = 0; i < 6; i++) {
              const server: TestServer = servers[i % 2]!;
              const alex = await demoPerson(server.admin, i % 3 === 0 ? 'Blair' : 'Alex');
              calls.push(await answeredCall(server.admin, alex, `+1415555020${i}`));
            }
            await sink.waitForAccepted(18, '/shared', 10_000);
            await settle();
            assert.equal(sink.received.length, 18, 'each event exactly once');
            assert.equal(new Set(sink.received.map((r) => r.raw.toString())).size, 18);
            for (const callId of calls) assert.deepEqual(steps(ofCall(sink.bodies('/shared'), callId)), PSTN_FLOW);
            const log = await deliveries(two.admin, webhook.id);
            assert.ok(log.every((d) => d.attempts.length === 1));
          } finally {
            for (const server of servers.reverse()) await server.app.close();
            await sink.close();
            await store.drop();
          }
        });

        it('given an instance that does not deliver, its commits wake the other instance at once (NOTIFY), not at its next watch', async () => {
          const store = testDatabase(dialect, { file: true });
          const sink = await WebhookSink.start();
          const servers: TestServer[] = [];
          try {
            const one = await startServer(dialect, { config: { ...TIMING, database: store.config } });
            servers.push(one);
            // The other looks for new work on its own only once a minute: what it delivers sooner, it was told of.
            const watchMs = 60_000;
            const two = await startServer(dialect, { config: { ...TIMING, database: store.config, webhooks: { ...TIMING.webhooks!, watchMs } } });
            servers.push(two);
            await createWebhook(one.admin, sink.url('/woken'), { ownedBy: 'org' });
            const alex = await demoPerson(one.admin, 'Alex');
            // A first call, which the first instance's watch finds: it now knows the organization has a webhook.
            await answeredCall(one.admin, alex);
            await sink.waitForAccepted(3, '/woken', 10_000);
            await one.app.delivery.stop();
            const callId = await pstnCall(one.admin, OTHER_CALLER, alex);
            await act(alex, 'answer', { callId });
            await act(alex, 'hangup', { callId });
            const committed = Date.now();
            await sink.waitForAccepted(6, '/woken', 5000);
            const waited = Date.now() - committed;
            assert.ok(waited < watchMs / 10, `delivered ${waited} ms after the commit`);
            assert.deepEqual(steps(ofCall(sink.bodies('/woken'), callId)), PSTN_FLOW);
          } finally {
            for (const server of servers.reverse()) await server.app.close();
            await sink.close();
            await store.drop();
          }
        });
      });
    }
  });
}
