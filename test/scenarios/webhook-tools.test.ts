import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Config } from '../../src/config.ts';
import type { Client } from '../support/client.ts';
import { dialects } from '../support/dialects.ts';
import { assertWebexError, clientWithScopes, createOrganization, createPerson } from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';
import { sparkSignature, WebhookSink } from '../support/webhook-sink.ts';

// The webhook tools of the sandbox (docs/webhooks.md#developer-tools): a test event and a
// redelivery, delivered over real HTTP to a real receiver on loopback; the request headers in
// the delivery log (the signature included); a webhook's health; who may use them.

const CONFIG: Partial<Config> = {
  webhooks: { maxFailures: 50, retryBaseMs: 1000, retryMaxMs: 4000, timeoutMs: 2000, egress: { allowLoopback: true, allowPrivate: false } },
};
const roleId = (role: string) => Buffer.from(`ciscospark://us/ROLE/${role}`).toString('base64url');

async function createWebhook(api: Client, targetUrl: string, overrides: Record<string, unknown> = {}) {
  const reply = await api.post('/v1/webhooks', { name: 'calls', targetUrl, resource: 'telephony_calls', event: 'all', ...overrides });
  assert.equal(reply.status, 200, reply.text);
  return reply.body as Record<string, string>;
}

/** The log, once every delivery in it is settled (delivered or failed). */
async function settledLog(api: Client, webhookId: string, count: number): Promise<any[]> {
  let items: any[] = [];
  const deadline = Date.now() + 5000;
  for (;;) {
    const reply = await api.get(`/sandbox/v1/webhooks/${webhookId}/deliveries`);
    assert.equal(reply.status, 200, reply.text);
    items = reply.body.items;
    if (items.length >= count && items.every((d) => d.status !== 'pending')) return items;
    if (Date.now() > deadline) assert.fail(`the log never settled: ${reply.text}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

for (const dialect of dialects) {
  describe(`webhook tools (${dialect})`, () => {
    let server: TestServer;
    let sink: WebhookSink;
    let admin: Client;
    before(async () => {
      server = await startServer(dialect, { config: CONFIG });
      sink = await WebhookSink.start();
      admin = server.admin;
    });
    after(async () => {
      await server.close();
      await sink.close();
    });

    it('given a webhook with a secret, when a test event is sent, then the receiver gets a signed telephony_calls event and the log shows the headers sent', async () => {
      const webhook = await createWebhook(admin, sink.url('/test'), { secret: 's3cret', event: 'created' });
      const sent = await admin.post(`/sandbox/v1/webhooks/${webhook.id}/test`, {});
      assert.equal(sent.status, 201, sent.text);
      assert.equal(sent.body.origin, 'test');
      assert.equal(sent.body.status, 'pending');
      await sink.waitFor(() => sink.accepted('/test').length === 1, 'the test event');
      const got = sink.accepted('/test')[0]!;
      assert.equal(got.body.id, webhook.id);
      assert.equal(got.body.resource, 'telephony_calls');
      assert.equal(got.body.event, 'created');
      assert.equal(got.body.data.eventType, 'received');
      assert.equal(got.body.data.remoteParty.number, '+15555550100');
      assert.equal(got.headers['x-spark-signature'], sparkSignature('s3cret', got.raw));

      const [entry] = await settledLog(admin, webhook.id, 1);
      assert.equal(entry.id, sent.body.id);
      assert.equal(entry.status, 'delivered');
      const headers = entry.attempts[0].requestHeaders;
      assert.equal(headers['x-spark-signature'], got.headers['x-spark-signature']);
      assert.equal(headers['content-type'], 'application/json');
      assert.equal(headers['content-length'], String(got.raw.length));
      assert.equal(headers.host, new URL(sink.url()).host);

      const health = await admin.get(`/sandbox/v1/webhooks/${webhook.id}/health`);
      assert.equal(health.status, 200, health.text);
      assert.equal(health.body.status, 'active');
      assert.equal(health.body.consecutiveFailures, 0);
      assert.equal(health.body.lastAttempt.statusCode, 200);
      assert.equal(health.body.lastAttempt.outcome, 'delivered');
    });

    it('given a webhook without a secret, then the test event goes unsigned and the log says so', async () => {
      const webhook = await createWebhook(admin, sink.url('/unsigned'), { event: 'deleted' });
      assert.equal((await admin.post(`/sandbox/v1/webhooks/${webhook.id}/test`, {})).status, 201);
      await sink.waitFor(() => sink.accepted('/unsigned').length === 1, 'the test event');
      const got = sink.accepted('/unsigned')[0]!;
      assert.equal(got.headers['x-spark-signature'], undefined);
      assert.equal(got.body.event, 'deleted');
      assert.equal(got.body.data.eventType, 'disconnected');
      const [entry] = await settledLog(admin, webhook.id, 1);
      assert.equal(entry.attempts[0].requestHeaders['x-spark-signature'], undefined);
    });

    it('given a receiver that refused a delivery, when it is fixed and the delivery redelivered, then the same bytes arrive with the same signature and the health recovers', async () => {
      const webhook = await createWebhook(admin, sink.url('/flaky'), { secret: 'k' });
      sink.next(1, { status: 400, body: 'bad handler' });
      await admin.post(`/sandbox/v1/webhooks/${webhook.id}/test`, {});
      const [failed] = await settledLog(admin, webhook.id, 1);
      assert.equal(failed.status, 'failed');
      assert.equal(failed.attempts[0].statusCode, 400);
      let health = (await admin.get(`/sandbox/v1/webhooks/${webhook.id}/health`)).body;
      assert.equal(health.consecutiveFailures, 1);
      assert.deepEqual([health.lastAttempt.statusCode, health.lastAttempt.outcome], [400, 'failed']);

      const again = await admin.post(`/sandbox/v1/webhooks/${webhook.id}/deliveries/${failed.id}/redeliver`, {});
      assert.equal(again.status, 201, again.text);
      assert.equal(again.body.origin, 'redelivery');
      assert.equal(again.body.redeliveryOf, failed.id);
      assert.equal(again.body.body, failed.body);
      await sink.waitFor(() => sink.accepted('/flaky').length === 1, 'the redelivery');
      const [first, second] = sink.received.filter((r) => r.path === '/flaky');
      assert.deepEqual(second!.raw, first!.raw);
      assert.equal(second!.headers['x-spark-signature'], first!.headers['x-spark-signature']);
      const log = await settledLog(admin, webhook.id, 2);
      assert.deepEqual(
        log.map((d) => [d.origin, d.status]),
        [
          ['redelivery', 'delivered'],
          ['test', 'failed'],
        ],
      );
      health = (await admin.get(`/sandbox/v1/webhooks/${webhook.id}/health`)).body;
      assert.equal(health.consecutiveFailures, 0);
      assert.equal(health.lastAttempt.statusCode, 200);
    });

    it('given a webhook that never delivered, then its health has no last attempt', async () => {
      const webhook = await createWebhook(admin, sink.url('/idle'));
      const health = await admin.get(`/sandbox/v1/webhooks/${webhook.id}/health`);
      assert.deepEqual(health.body, { status: 'active', consecutiveFailures: 0 });
    });

    it('refuses what makes no sense: a test event to a messages webhook (400), redelivering a pending delivery (409), an unknown delivery (404)', async () => {
      const messages = await createWebhook(admin, sink.url('/messages'), { resource: 'messages', event: 'created' });
      assertWebexError(await admin.post(`/sandbox/v1/webhooks/${messages.id}/test`, {}), 400, /telephony_calls/);
      const slow = await createWebhook(admin, sink.url('/slow'));
      sink.rule = (r) => (r.path === '/slow' ? { delayMs: 600 } : undefined);
      const pending = (await admin.post(`/sandbox/v1/webhooks/${slow.id}/test`, {})).body;
      assertWebexError(await admin.post(`/sandbox/v1/webhooks/${slow.id}/deliveries/${pending.id}/redeliver`, {}), 409, /pending/);
      await settledLog(admin, slow.id, 1);
      sink.rule = undefined;
      assertWebexError(await admin.post(`/sandbox/v1/webhooks/${slow.id}/deliveries/00000000-0000-4000-8000-000000000000/redeliver`, {}), 404);
      assertWebexError(await admin.post('/sandbox/v1/webhooks/not-a-webhook/test', {}), 404);
      assertWebexError(await admin.get('/sandbox/v1/webhooks/not-a-webhook/health'), 404);
    });

    it('lets only the webhook’s creator, or a full administrator for an organization webhook, send to it', async () => {
      const scopes = ['spark:calls_read', 'spark:people_read'];
      const alicePerson = await createPerson(admin);
      const alice = await clientWithScopes(admin, alicePerson.id, scopes);
      const bobPerson = await createPerson(admin);
      const bob = await clientWithScopes(admin, bobPerson.id, scopes);
      const own = await createWebhook(alice, sink.url('/alice'));
      assert.equal((await alice.post(`/sandbox/v1/webhooks/${own.id}/test`, {})).status, 201);
      assertWebexError(await bob.post(`/sandbox/v1/webhooks/${own.id}/test`, {}), 404);
      assertWebexError(await bob.get(`/sandbox/v1/webhooks/${own.id}/health`), 404);
      await sink.waitFor(() => sink.accepted('/alice').length === 1, 'alice’s test event');
      const [delivered] = await settledLog(alice, own.id, 1);
      assertWebexError(await bob.post(`/sandbox/v1/webhooks/${own.id}/deliveries/${delivered.id}/redeliver`, {}), 404);

      const orgHook = await createWebhook(admin, sink.url('/org'), { ownedBy: 'org' });
      const readerPerson = await createPerson(admin, { roles: [roleId('id_readonly_admin')] });
      const reader = await clientWithScopes(admin, readerPerson.id, scopes);
      assert.equal((await reader.get(`/sandbox/v1/webhooks/${orgHook.id}/health`)).status, 200);
      assertWebexError(await reader.post(`/sandbox/v1/webhooks/${orgHook.id}/test`, {}), 403, /administrator/);

      const other = await createOrganization(server.anonymous);
      assertWebexError(await other.admin.post(`/sandbox/v1/webhooks/${orgHook.id}/test`, {}), 404);
      assertWebexError(await other.admin.get(`/sandbox/v1/webhooks/${orgHook.id}/health`), 404);
      assertWebexError(await other.admin.post(`/sandbox/v1/webhooks/${own.id}/deliveries/${delivered.id}/redeliver`, {}), 404);
    });
  });
}
