import assert from 'node:assert/strict';
import { lookup as systemLookup } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { describe, it } from 'node:test';
import type { Config } from '../../src/config.ts';
import { SandboxClock } from '../../src/sandbox/sandbox-clock.ts';
import type { Client } from '../support/client.ts';
import { dialects, type Dialect } from '../support/dialects.ts';
import { clientWithScopes, createCallingUser, createOrganization, createPerson } from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';
import { until, WebhookSink } from '../support/webhook-sink.ts';

// Webhook deliveries as an attacker would use them (docs/webhooks.md#security): the egress
// policy on resolved addresses (DNS rebinding), a delivery log that is no port scanner, lanes
// that keep one organization's slow receiver from delaying another's events, receivers that
// keep timing out, and an organization webhook whose creator is no longer an administrator.

const LOOPBACK = { allowLoopback: true, allowPrivate: false };
const SHARED = { allowLoopback: false, allowPrivate: false };
const CALLER = '+14155550123';

/** Resolves the test names as an attacker's DNS would; everything else as the system does. */
const REBINDING: Record<string, string[]> = {
  'rebind.test': ['127.0.0.1'],
  'mixed.test': ['93.184.216.34', '127.0.0.1'],
  'metadata.test': ['169.254.169.254'],
};
const rebindingLookup: LookupFunction = (hostname, options, callback) => {
  const addresses = REBINDING[hostname];
  if (!addresses) return systemLookup(hostname, options, callback);
  const all = addresses.map((address) => ({ address, family: 4 }));
  if (options.all) callback(null, all);
  else callback(null, all[0]!.address, 4);
};

const webhooks = (overrides: Partial<Config['webhooks']>): Partial<Config> => ({
  webhooks: { maxFailures: 50, retryBaseMs: 1000, retryMaxMs: 4000, timeoutMs: 2000, egress: LOOPBACK, lookup: rebindingLookup, ...overrides },
});

type Person = { id: string; extension: string; api: Client };

async function demoPerson(admin: Client, firstName: string): Promise<Person> {
  const people = (await admin.get('/v1/people', { max: 100, callingData: true })).body.items as { id: string; firstName: string; extension: string }[];
  const person = people.find((p) => p.firstName === firstName)!;
  return { id: person.id, extension: person.extension, api: await clientWithScopes(admin, person.id, ['spark:calls_read', 'spark:calls_write']) };
}

async function createWebhook(api: Client, targetUrl: string, overrides: Record<string, unknown> = {}) {
  const reply = await api.post('/v1/webhooks', { name: 'calls', targetUrl, resource: 'telephony_calls', event: 'all', ...overrides });
  assert.equal(reply.status, 200, reply.text);
  return reply.body as Record<string, string>;
}

/** A PSTN caller rings a person (the call stays alerting: one `created` event for them). */
async function ring(admin: Client, extension: string, from = CALLER): Promise<void> {
  const reply = await admin.post('/sandbox/v1/calls', { from, to: extension });
  assert.equal(reply.status, 201, reply.text);
}

async function deliveries(api: Client, webhookId: string) {
  const reply = await api.get(`/sandbox/v1/webhooks/${webhookId}/deliveries`, { max: 500 });
  assert.equal(reply.status, 200, reply.text);
  return reply.body.items as any[];
}

async function attemptsOf(api: Client, webhookId: string, count: number) {
  let attempts: any[] = [];
  const deadline = Date.now() + 8000;
  while (Date.now() < deadline) {
    attempts = (await deliveries(api, webhookId)).flatMap((d) => d.attempts);
    if (attempts.length >= count) return attempts;
    await new Promise((r) => setTimeout(r, 20));
  }
  assert.fail(`${count} attempts were never recorded (${attempts.length})`);
}

async function withServer(dialect: Dialect, config: Partial<Config>, test: (server: TestServer, sink: WebhookSink, clock: SandboxClock) => Promise<void>) {
  const clock = new SandboxClock('manual');
  const server = await startServer(dialect, { clock, config });
  const sink = await WebhookSink.start();
  try {
    await test(server, sink, clock);
  } finally {
    await server.close();
    await sink.close();
  }
}

for (const dialect of dialects) {
  describe(`webhook security (${dialect})`, () => {
    describe('egress policy at delivery', () => {
      it('given a shared server, a host name that resolves to loopback (or to loopback among public addresses, or to a metadata address) is never connected to', () =>
        withServer(dialect, webhooks({ egress: SHARED }), async (server, sink) => {
          const port = new URL(sink.url()).port;
          const hooks = [];
          for (const host of ['rebind.test', 'mixed.test', 'metadata.test']) hooks.push(await createWebhook(server.admin, `http://${host}:${port}/${host}`, { ownedBy: 'org' }));
          const alex = await demoPerson(server.admin, 'Alex');
          await ring(server.admin, alex.extension);
          for (const hook of hooks) {
            const [attempt] = await attemptsOf(server.admin, hook.id!, 1);
            assert.equal(attempt.error, 'blocked: the target is not an address this server delivers to');
            assert.equal(attempt.outcome, 'failed', 'a blocked target is not retried');
            assert.equal(attempt.statusCode, undefined);
          }
          assert.deepEqual(sink.received, [], 'the listener on 127.0.0.1 was never reached');
        }));

      it('given a loopback-bound server, the same rebinding name reaches the local receiver (the policy, not the resolver, decides)', () =>
        withServer(dialect, webhooks({ egress: LOOPBACK }), async (server, sink) => {
          const port = new URL(sink.url()).port;
          await createWebhook(server.admin, `http://rebind.test:${port}/local`, { ownedBy: 'org' });
          await createWebhook(server.admin, `http://localhost:${port}/named`, { ownedBy: 'org' });
          const alex = await demoPerson(server.admin, 'Alex');
          await ring(server.admin, alex.extension);
          await sink.waitForAccepted(1, '/local');
          await sink.waitForAccepted(1, '/named');
        }));

      it('keeps the delivery log from serving as a port scanner: fixed error phrases and short excerpts', () =>
        withServer(dialect, webhooks({ egress: LOOPBACK }), async (server, sink) => {
          const closed = await WebhookSink.start();
          const closedUrl = closed.url('/closed');
          await closed.close();
          const refused = await createWebhook(server.admin, closedUrl, { ownedBy: 'org' });
          sink.normal = { status: 500, body: `internal secret page ${'x'.repeat(2000)}` };
          const talkative = await createWebhook(server.admin, sink.url('/talkative'), { ownedBy: 'org' });
          const alex = await demoPerson(server.admin, 'Alex');
          await ring(server.admin, alex.extension);
          const [refusal] = await attemptsOf(server.admin, refused.id!, 1);
          assert.equal(refusal.error, 'connection refused');
          const [answered] = await attemptsOf(server.admin, talkative.id!, 1);
          assert.equal(answered.statusCode, 500);
          assert.ok(answered.responseExcerpt.length <= 200, answered.responseExcerpt.length);
          assert.equal(typeof answered.latencyMs, 'number');
        }));
    });

    describe('fairness between organizations', () => {
      it('given an organization whose 20 webhooks never answer, another organization’s first event arrives while those still hang', () =>
        withServer(dialect, webhooks({ timeoutMs: 5000 }), async (server, sink) => {
          sink.rule = (r) => (r.path === '/slow' ? { hang: true } : undefined);
          for (let i = 0; i < 20; i++) await createWebhook(server.admin, sink.url('/slow'), { ownedBy: 'org' });
          const other = await createOrganization(server.anonymous);
          const callee = await createCallingUser(other.admin);
          await createWebhook(other.admin, sink.url('/fast'), { ownedBy: 'org' });
          const alex = await demoPerson(server.admin, 'Alex');
          const rung = performance.now();
          await ring(server.admin, alex.extension);
          // The organization's share: 16 deliveries in flight at once (docs/webhooks.md#lanes), before
          // any times out (5 s) and frees a place; its other 4 wait.
          await sink.waitFor(() => sink.received.filter((r) => r.path === '/slow').length >= 16, 'the slow receiver holding deliveries');
          assert.ok(performance.now() - rung < 4000, 'the organization’s 16 deliveries went at once');
          const started = performance.now();
          await ring(other.admin, String((callee as Record<string, unknown>).extension));
          await sink.waitForAccepted(1, '/fast', 4000);
          const latencyMs = performance.now() - started;
          assert.ok(
            sink.received.filter((r) => r.path === '/slow').some((r) => !r.settled),
            'the slow receiver was still hanging when the other organization’s event arrived',
          );
          assert.ok(latencyMs < 2000, `the other organization’s first event took ${Math.round(latencyMs)} ms`);
          assert.equal(sink.received.filter((r) => r.path === '/slow').length, 16, 'no more than the organization’s share in flight');
          console.log(`# other organization's first event with a hanging receiver present: ${Math.round(latencyMs)} ms`);
        }));

      it('deactivates a receiver that keeps timing out, as one that keeps failing', () =>
        withServer(dialect, webhooks({ maxFailures: 3, timeoutMs: 200 }), async (server, sink, clock) => {
          sink.normal = { hang: true };
          const hook = await createWebhook(server.admin, sink.url('/hang'), { ownedBy: 'org' });
          const alex = await demoPerson(server.admin, 'Alex');
          await ring(server.admin, alex.extension);
          for (let round = 0; round < 20; round++) {
            if ((await server.admin.get(`/v1/webhooks/${hook.id}`)).body.status === 'inactive') break;
            await until(() => false, 250);
            await clock.advance(4000);
          }
          assert.equal((await server.admin.get(`/v1/webhooks/${hook.id}`)).body.status, 'inactive');
          const attempts = (await deliveries(server.admin, hook.id!)).flatMap((d) => d.attempts);
          assert.equal(attempts.length, 3);
          assert.ok(attempts.every((a) => /^timed out after 200 ms/.test(a.error)));
        }));
    });

    describe('an organization webhook whose creator is demoted', () => {
      it('receives everyone’s calls while its creator is an administrator, and only the creator’s own once they are not', () =>
        withServer(dialect, webhooks({}), async (server, sink) => {
          const roleId = Buffer.from('ciscospark://us/ROLE/id_full_admin').toString('base64url');
          const person = await createPerson(server.admin, { roles: [roleId] });
          const api = await clientWithScopes(server.admin, person.id, ['spark:calls_read']);
          await createWebhook(api, sink.url('/org'), { ownedBy: 'org' });
          const alex = await demoPerson(server.admin, 'Alex');
          const blair = await demoPerson(server.admin, 'Blair');
          await ring(server.admin, alex.extension);
          await sink.waitForAccepted(1, '/org');
          const current = (await server.admin.get(`/v1/people/${person.id}`)).body;
          assert.equal((await server.admin.put(`/v1/people/${person.id}`, { ...current, roles: [] })).status, 200);
          // A current administrator's organization webhook, as a witness that Blair's event went out.
          await createWebhook(server.admin, sink.url('/admin-all'), { ownedBy: 'org' });
          await ring(server.admin, blair.extension, '+14155550177');
          await sink.waitForAccepted(1, '/admin-all');
          await until(() => false, 300);
          assert.equal(sink.accepted('/org').length, 1, 'no event of another person after the demotion');
        }));
    });

    describe('retention', () => {
      it('prunes settled deliveries, fanned-out call events and ended sessions once their days have passed on the server clock, and keeps history', () =>
        withServer(dialect, { ...webhooks({}), retention: { deliveriesDays: 7, callEventsDays: 7, callSessionsDays: 7 } }, async (server, sink, clock) => {
          const hook = await createWebhook(server.admin, sink.url('/kept'), { ownedBy: 'org' });
          const alex = await demoPerson(server.admin, 'Alex');
          const reply = await server.admin.post('/sandbox/v1/calls', { from: CALLER, to: alex.extension });
          const callId = (reply.body.legs as { callId: string; party: { personId?: string } }[]).find((l) => l.party.personId === alex.id)!.callId;
          const sessionId = reply.body.callSessionId as string;
          assert.equal((await alex.api.post('/v1/telephony/calls/answer', { callId })).status, 204);
          assert.equal((await alex.api.post('/v1/telephony/calls/hangup', { callId })).status, 204);
          await sink.waitForAccepted(3, '/kept');
          await until(() => false, 200);
          const orgId = Buffer.from(hook.orgId!, 'base64url').toString('utf8').split('/').pop()!;
          const store = server.app.store;
          const session = async () => (await server.admin.get(`/sandbox/v1/calls/${sessionId}`)).status;
          assert.equal((await deliveries(server.admin, hook.id!)).length, 3);
          assert.equal((await store.calls.events(orgId, null, 100)).length, 3);
          assert.equal(await session(), 200, 'the ended session is kept for now');

          await clock.advance(6 * 86_400_000);
          assert.equal((await deliveries(server.admin, hook.id!)).length, 3, 'six days on, everything is kept');
          await clock.advance(2 * 86_400_000);
          assert.deepEqual(await deliveries(server.admin, hook.id!), []);
          assert.deepEqual(await store.calls.events(orgId, null, 100), []);
          assert.equal(await session(), 404);
          const history = (await alex.api.get('/v1/telephony/calls/history')).body.items as unknown[];
          assert.equal(history.length, 1, 'call history is Webex’s to keep (20 per type), not pruned by age');
        }));
    });
  });
}
