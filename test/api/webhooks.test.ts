import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { nextLink, type Client } from '../support/client.ts';
import { dialects } from '../support/dialects.ts';
import { assertWebexError, clientWithScopes, createOrganization, createPerson, unique } from '../support/factories.ts';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { startServer, type TestServer } from '../support/server.ts';

// The /v1/webhooks resource (reference §5.1): create, list, get, update, delete, who sees what,
// and the 4xx answers for bad input, missing scopes and other organizations' webhooks.

const decode = (id: string) => Buffer.from(id, 'base64url').toString('utf8');
const roleId = (role: string) => Buffer.from(`ciscospark://us/ROLE/${role}`).toString('base64url');
const RESOURCES = [
  'attachmentActions',
  'dataSources',
  'memberships',
  'messages',
  'rooms',
  'meetings',
  'recordings',
  'convergedRecordings',
  'meetingParticipants',
  'meetingTranscripts',
  'telephony_calls',
  'telephony_conference',
  'telephony_mwi',
  'uc_counters',
  'serviceApp',
  'adminBatchJobs',
  'all',
];

/** Webex's Webhook object (webex-messaging.json), field by field. */
function assertWebhookShape(w: Record<string, unknown>) {
  const allowed = ['id', 'name', 'targetUrl', 'resource', 'event', 'filter', 'secret', 'status', 'created', 'orgId', 'createdBy', 'appId', 'ownedBy'];
  assert.deepEqual(
    Object.keys(w).filter((k) => !allowed.includes(k)),
    [],
  );
  for (const key of ['id', 'name', 'targetUrl', 'resource', 'event', 'status', 'created', 'orgId', 'createdBy', 'appId', 'ownedBy']) {
    assert.equal(typeof w[key], 'string', `${key} in ${JSON.stringify(w)}`);
  }
  assert.match(decode(w.id as string), /^ciscospark:\/\/us\/WEBHOOK\/[0-9a-f-]{36}$/);
  assert.match(decode(w.orgId as string), /^ciscospark:\/\/us\/ORGANIZATION\//);
  assert.match(decode(w.createdBy as string), /^ciscospark:\/\/us\/PEOPLE\//);
  assert.match(decode(w.appId as string), /^ciscospark:\/\/us\/APPLICATION\/[0-9a-f-]{36}$/);
  assert.ok(RESOURCES.includes(w.resource as string));
  assert.ok(['active', 'inactive'].includes(w.status as string));
  assert.ok(['creator', 'org'].includes(w.ownedBy as string));
  assert.match(w.created as string, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
}

for (const dialect of dialects) {
  describe(`Webhooks API (${dialect})`, () => {
    let server: TestServer;
    let admin: Client;
    let adminId: string;
    let orgId: string;

    /** A person of the demo organization with a token holding these scopes. */
    const user = async (scopes = ['spark:calls_read', 'spark:people_read'], overrides: Record<string, unknown> = {}) => {
      const person = await createPerson(admin, overrides);
      return { id: person.id, api: await clientWithScopes(admin, person.id, scopes) };
    };
    const body = (overrides: Record<string, unknown> = {}) => ({
      name: unique('hook '),
      targetUrl: 'https://example.com/hooks/calls',
      resource: 'telephony_calls',
      event: 'all',
      ...overrides,
    });
    const create = async (api: Client, overrides: Record<string, unknown> = {}) => {
      const reply = await api.post('/v1/webhooks', body(overrides));
      assert.equal(reply.status, 200, reply.text);
      return reply.body as Record<string, any>;
    };

    before(async () => {
      server = await startServer(dialect);
      admin = server.admin;
      const me = (await admin.get('/v1/people/me')).body;
      adminId = me.id;
      orgId = me.orgId;
    });
    after(() => server.close());

    describe('create, read, update, delete', () => {
      it('given a token with spark:calls_read, creates a telephony_calls webhook: 200 with the Webex object', async () => {
        const alice = await user();
        const reply = await alice.api.post(
          '/v1/webhooks',
          body({ name: 'My calls', filter: 'personality=terminator&state=alerting', secret: 's3cret', event: 'created' }),
        );
        assert.equal(reply.status, 200, reply.text);
        const w = reply.body;
        assertWebhookShape(w);
        assert.deepEqual(
          [w.name, w.targetUrl, w.resource, w.event, w.filter, w.secret, w.status, w.ownedBy, w.createdBy, w.orgId],
          ['My calls', 'https://example.com/hooks/calls', 'telephony_calls', 'created', 'personality=terminator&state=alerting', 's3cret', 'active', 'creator', alice.id, orgId],
        );
      });

      it('without filter or secret, leaves both out of the object', async () => {
        const w = await create(admin);
        assert.equal('filter' in w, false);
        assert.equal('secret' in w, false);
        assertWebhookShape(w);
      });

      it('gives every webhook of an organization the same application, and another organization another', async () => {
        const first = await create(admin);
        const alice = await user();
        const second = await create(alice.api);
        assert.equal(first.appId, second.appId);
        const other = await createOrganization(server.anonymous);
        const theirs = await create(other.admin);
        assert.notEqual(theirs.appId, first.appId);
      });

      it('gets a webhook by ID', async () => {
        const alice = await user();
        const w = await create(alice.api, { secret: 'abc' });
        const reply = await alice.api.get(`/v1/webhooks/${w.id}`);
        assert.equal(reply.status, 200, reply.text);
        assert.deepEqual(reply.body, w);
      });

      it('updates name, targetUrl and secret, ignoring every other field', async () => {
        const alice = await user();
        const w = await create(alice.api, { filter: 'state=held', secret: 'old' });
        const reply = await alice.api.put(`/v1/webhooks/${w.id}`, {
          name: 'Renamed',
          targetUrl: 'http://receiver.example:8080/new',
          secret: 'new',
          resource: 'messages',
          event: 'deleted',
          filter: 'state=connected',
          ownedBy: 'org',
          id: 'ignored',
        });
        assert.equal(reply.status, 200, reply.text);
        assert.deepEqual(reply.body, { ...w, name: 'Renamed', targetUrl: 'http://receiver.example:8080/new', secret: 'new' });
        assert.deepEqual((await alice.api.get(`/v1/webhooks/${w.id}`)).body, reply.body);
      });

      it('on update, keeps the secret when absent and removes it when empty; status active on an active webhook changes nothing', async () => {
        const alice = await user();
        const w = await create(alice.api, { secret: 'keep' });
        let reply = await alice.api.put(`/v1/webhooks/${w.id}`, { name: w.name, targetUrl: w.targetUrl, status: 'active' });
        assert.equal(reply.status, 200, reply.text);
        assert.deepEqual(reply.body, w);
        reply = await alice.api.put(`/v1/webhooks/${w.id}`, { name: w.name, targetUrl: w.targetUrl, secret: '' });
        assert.equal('secret' in reply.body, false);
      });

      it('refuses to deactivate with PUT: 400, and the webhook stays active', async () => {
        const alice = await user();
        const w = await create(alice.api);
        assertWebexError(await alice.api.put(`/v1/webhooks/${w.id}`, { name: 'x', targetUrl: w.targetUrl, status: 'inactive' }), 400, /cannot be deactivated/);
        assert.equal((await alice.api.get(`/v1/webhooks/${w.id}`)).body.status, 'active');
      });

      it('deletes a webhook: 204, then it is gone', async () => {
        const alice = await user();
        const w = await create(alice.api);
        const reply = await alice.api.delete(`/v1/webhooks/${w.id}`);
        assert.equal(reply.status, 204);
        assert.equal(reply.text, '');
        assertWebexError(await alice.api.get(`/v1/webhooks/${w.id}`), 404);
        assertWebexError(await alice.api.delete(`/v1/webhooks/${w.id}`), 404);
        assert.deepEqual((await alice.api.get('/v1/webhooks')).body.items, []);
      });

      it('creates webhooks for other resources with any token (they never fire here), checking only the filter syntax', async () => {
        const bob = await user(['spark:people_read']);
        const w = await create(bob.api, { resource: 'messages', event: 'created', filter: 'roomId=Y2lzY29zcGFyazovL3VzL1JPT00vYmJj' });
        assert.equal(w.resource, 'messages');
        assert.equal(w.filter, 'roomId=Y2lzY29zcGFyazovL3VzL1JPT00vYmJj');
      });
    });

    describe('listing', () => {
      it('lists the token’s own webhooks in creation order, paged with max and a Link to follow', async () => {
        const alice = await user();
        const created = [await create(alice.api), await create(alice.api), await create(alice.api)];
        const first = await alice.api.get('/v1/webhooks', { max: 2 });
        assert.equal(first.status, 200, first.text);
        assert.deepEqual(
          first.body.items.map((w: { id: string }) => w.id),
          created.slice(0, 2).map((w) => w.id),
        );
        const next = nextLink(first.headers);
        assert.ok(next, 'a Link rel="next"');
        const second = await alice.api.follow(next);
        assert.deepEqual(
          second.body.items.map((w: { id: string }) => w.id),
          [created[2]!.id],
        );
        assert.equal(nextLink(second.headers), undefined);
        for (const w of first.body.items) assertWebhookShape(w);
      });

      it('clamps max to 100 instead of refusing it', async () => {
        const alice = await user();
        await create(alice.api);
        const reply = await alice.api.get('/v1/webhooks', { max: 5000 });
        assert.equal(reply.status, 200, reply.text);
        assert.equal(reply.body.items.length, 1);
      });

      it('shows a user only their own webhooks, and an administrator also the organization’s; ownedBy narrows the list', async () => {
        const orgHook = await create(admin, { ownedBy: 'org' });
        const adminHook = await create(admin);
        const alice = await user();
        const aliceHook = await create(alice.api);

        const ids = async (api: Client, query: Record<string, string> = {}) =>
          ((await api.get('/v1/webhooks', { max: 100, ...query })).body.items as { id: string }[]).map((w) => w.id);
        assert.deepEqual(await ids(alice.api), [aliceHook.id]);
        assert.deepEqual(await ids(alice.api, { ownedBy: 'org' }), []);
        const mine = await ids(admin);
        assert.ok(mine.includes(orgHook.id) && mine.includes(adminHook.id));
        assert.ok(!mine.includes(aliceHook.id));
        const orgOnly = await ids(admin, { ownedBy: 'org' });
        assert.ok(orgOnly.includes(orgHook.id) && !orgOnly.includes(adminHook.id));
        const creatorOnly = await ids(admin, { ownedBy: 'creator' });
        assert.ok(creatorOnly.includes(adminHook.id) && !creatorOnly.includes(orgHook.id));
      });

      it('refuses an unknown ownedBy and a broken cursor: 400', async () => {
        assertWebexError(await admin.get('/v1/webhooks', { ownedBy: 'team' }), 400, /ownedBy/);
        assertWebexError(await admin.get('/v1/webhooks', { after: 'garbage' }), 400, /cursor/);
      });
    });

    describe('who may see and change what', () => {
      it('hides a user’s webhook from other users: 404 on get, update and delete', async () => {
        const alice = await user();
        const bob = await user();
        const w = await create(alice.api);
        assertWebexError(await bob.api.get(`/v1/webhooks/${w.id}`), 404);
        assertWebexError(await bob.api.put(`/v1/webhooks/${w.id}`, { name: 'x', targetUrl: w.targetUrl }), 404);
        assertWebexError(await bob.api.delete(`/v1/webhooks/${w.id}`), 404);
        assertWebexError(await bob.api.get(`/sandbox/v1/webhooks/${w.id}/deliveries`), 404);
      });

      it('shows the organization’s webhooks to a read-only administrator, who cannot change them: 403', async () => {
        const orgHook = await create(admin, { ownedBy: 'org' });
        const reader = await createPerson(admin, { roles: [roleId('id_readonly_admin')] });
        const api = await clientWithScopes(admin, reader.id, ['spark:calls_read', 'spark-admin:people_read']);
        assert.equal((await api.get(`/v1/webhooks/${orgHook.id}`)).status, 200);
        assertWebexError(await api.delete(`/v1/webhooks/${orgHook.id}`), 403, /administrator/);
        assertWebexError(await api.put(`/v1/webhooks/${orgHook.id}`, { name: 'x', targetUrl: orgHook.targetUrl }), 403);
        assert.equal((await admin.get(`/v1/webhooks/${orgHook.id}`)).status, 200);
      });

      it('answers 404 for another organization’s webhook, whoever asks', async () => {
        const other = await createOrganization(server.anonymous);
        const theirs = await create(other.admin, { ownedBy: 'org' });
        assertWebexError(await admin.get(`/v1/webhooks/${theirs.id}`), 404);
        assertWebexError(await admin.put(`/v1/webhooks/${theirs.id}`, { name: 'x', targetUrl: theirs.targetUrl }), 404);
        assertWebexError(await admin.delete(`/v1/webhooks/${theirs.id}`), 404);
        assertWebexError(await admin.get(`/sandbox/v1/webhooks/${theirs.id}/deliveries`), 404);
        const ours = ((await admin.get('/v1/webhooks', { ownedBy: 'org' })).body.items as { id: string }[]).map((w) => w.id);
        assert.ok(!ours.includes(theirs.id));
        assert.equal((await other.admin.get(`/v1/webhooks/${theirs.id}`)).status, 200);
      });

      it('answers 404 for an ID that is not a webhook ID', async () => {
        assertWebexError(await admin.get(`/v1/webhooks/${adminId}`), 404);
        assertWebexError(await admin.get('/v1/webhooks/not-an-id'), 404);
      });

      it('refuses a telephony_calls or firehose webhook without spark:calls_read: 403', async () => {
        const bob = await user(['spark:people_read']);
        assertWebexError(await bob.api.post('/v1/webhooks', body()), 403, /spark:calls_read/);
        assertWebexError(await bob.api.post('/v1/webhooks', body({ resource: 'all' })), 403, /spark:calls_read/);
        assert.deepEqual((await bob.api.get('/v1/webhooks')).body.items, []);
      });

      it('refuses ownedBy org to a user who is not an administrator: 403', async () => {
        const alice = await user();
        assertWebexError(await alice.api.post('/v1/webhooks', body({ ownedBy: 'org' })), 403, /administrator/);
      });

      it('answers 401 without a token', async () => {
        assertWebexError(await server.anonymous.get('/v1/webhooks'), 401);
        assertWebexError(await server.anonymous.post('/v1/webhooks', body()), 401);
      });
    });

    describe('bad input is a 400 with the Webex error body', () => {
      const cases: [string, Record<string, unknown>, RegExp][] = [
        ['a targetUrl with another scheme', { targetUrl: 'ftp://example.com/hook' }, /targetUrl must be an absolute http or https URL/],
        ['a relative targetUrl', { targetUrl: '/hooks' }, /targetUrl/],
        ['a targetUrl that is no URL', { targetUrl: 'not a url' }, /targetUrl/],
        ['an unknown resource', { resource: 'calls' }, /"calls" is not a webhook resource; use one of .*telephony_calls.*all/],
        ['an unknown event', { event: 'ringing' }, /"ringing" is not a webhook event/],
        ['an event telephony_calls does not have', { event: 'started' }, /telephony_calls resource has no "started" event; use one of created, updated, deleted, all/],
        ['an unknown ownedBy', { ownedBy: 'team' }, /ownedBy/],
        ['a blank name', { name: '  ' }, /name must not be empty/],
        ['a condition without =', { filter: 'state' }, /Invalid filter: "state" is not key=value/],
        ['a condition without value', { filter: 'state=' }, /"state" has no value/],
        ['a condition without key', { filter: '=held' }, /has no key/],
        ['an empty condition', { filter: 'state=held&&personality=originator' }, /empty condition/],
        ['a key given twice', { filter: 'state=held&state=connected' }, /"state" appears more than once/],
        ['an unknown key', { filter: 'roomId=abc' }, /"roomId" is not a telephony_calls filter key; use personality, state, callType, personId/],
        ['an unknown state', { filter: 'state=ringing' }, /state must be one of connecting, alerting, connected, held, remoteHeld, disconnected/],
        ['an unknown personality', { filter: 'personality=caller' }, /personality must be one of/],
        ['an unknown callType', { filter: 'callType=mobile' }, /callType must be one of/],
        ['a personId that is not a person ID', { filter: 'personId=12345' }, /personId must be a person ID/],
        ['broken URL encoding', { filter: 'state=%zz' }, /not valid URL encoding/],
        ['a filter with an unknown key on the firehose', { resource: 'all', filter: 'roomId=abc' }, /filter key/],
        ['a filter with broken syntax on another resource', { resource: 'messages', event: 'created', filter: 'roomId' }, /key=value/],
      ];
      for (const [what, overrides, message] of cases) {
        it(`given ${what}, refuses and creates nothing`, async () => {
          const alice = await user();
          assertWebexError(await alice.api.post('/v1/webhooks', body(overrides)), 400, message);
          assert.deepEqual((await alice.api.get('/v1/webhooks')).body.items, []);
        });
      }

      it('given missing required fields or wrong types, answers 400', async () => {
        const { targetUrl: _, ...noUrl } = body();
        assertWebexError(await admin.post('/v1/webhooks', noUrl), 400, /targetUrl/);
        assertWebexError(await admin.post('/v1/webhooks', body({ resource: 7 })), 400, /resource/);
        const w = await create(admin);
        assertWebexError(await admin.put(`/v1/webhooks/${w.id}`, { name: 'no url' }), 400, /targetUrl/);
        assertWebexError(await admin.put(`/v1/webhooks/${w.id}`, { name: 'x', targetUrl: 'mailto:a@b.c' }), 400, /targetUrl/);
      });

      it('accepts URL-encoded values and a filter on every supported key', async () => {
        const alice = await user();
        const encoded = encodeURIComponent(alice.id);
        const w = await create(alice.api, { filter: `personality=originator&state=connected&callType=external&personId=${encoded}` });
        assert.equal(w.filter, `personality=originator&state=connected&callType=external&personId=${encoded}`);
      });
    });

    describe('security: targets, credentials, limits, demoted administrators', () => {
      it('refuses URL credentials on create and update, and never shows those of a URL stored before', async () => {
        assertWebexError(await admin.post('/v1/webhooks', body({ targetUrl: 'https://user:s3cret@example.com/hook' })), 400, /must not contain a user name or password/);
        assertWebexError(await admin.post('/v1/webhooks', body({ targetUrl: 'https://user@example.com/hook' })), 400, /user name or password/);
        const w = await create(admin);
        const refused = await admin.put(`/v1/webhooks/${w.id}`, { name: 'x', targetUrl: 'https://a:b@example.com/' });
        assertWebexError(refused, 400, /user name or password/);
        assert.doesNotMatch(refused.text, /a:b@/);
        // A row written before the rule (the store is the real one; the API can no longer write it).
        const uuid = (id: string) => decode(id).split('/').pop()!;
        await server.app.store.webhooks.update(uuid(orgId), uuid(w.id as string), { name: 'legacy', targetUrl: 'https://legacy:p4ssw0rd@example.com/hook', secret: null });
        const shown = await admin.get(`/v1/webhooks/${w.id}`);
        assert.equal(shown.body.targetUrl, 'https://example.com/hook');
        const listed = await admin.get('/v1/webhooks', { max: 100 });
        assert.doesNotMatch(listed.text, /p4ssw0rd/);
      });

      it('on a loopback-bound server, accepts loopback targets in every spelling but refuses private, link-local, metadata and unspecified ones', async () => {
        for (const targetUrl of ['http://127.0.0.1:9/hook', 'http://localhost:9/', 'http://[::1]:9/', 'http://0x7f000001/', 'http://127.1/', 'http://2130706433/']) {
          await create(admin, { targetUrl });
        }
        for (const targetUrl of ['http://10.0.0.1/', 'http://192.168.1.1/', 'http://172.16.0.1/', 'http://100.64.0.1/', 'http://[fd12::1]/', 'http://[fe80::1]/', 'http://169.254.169.254/latest/meta-data', 'http://[fd00:ec2::254]/', 'http://0.0.0.0:9/', 'http://[::]/', 'http://224.0.0.1/']) {
          assertWebexError(await admin.post('/v1/webhooks', body({ targetUrl })), 400, /which this server does not deliver to/);
        }
      });

      it('caps webhooks at 100 per organization: the 101st is a 400, and another organization is not affected', async () => {
        const other = await createOrganization(server.anonymous);
        for (let i = 0; i < 100; i++) await create(other.admin);
        assertWebexError(await other.admin.post('/v1/webhooks', body()), 400, /at most 100 webhooks/);
        const third = await createOrganization(server.anonymous);
        await create(third.admin);
        // Deleting one makes room again.
        const first = (await other.admin.get('/v1/webhooks', { max: 1 })).body.items[0];
        assert.equal((await other.admin.delete(`/v1/webhooks/${first.id}`)).status, 204);
        await create(other.admin);
      });

      it('given an administrator demoted to a user, their old token can no longer change their organization webhook (403) but may delete it', async () => {
        const person = await createPerson(admin, { roles: [roleId('id_full_admin')] });
        const api = await clientWithScopes(admin, person.id, ['spark:calls_read', 'spark-admin:people_read']);
        const hook = await create(api, { ownedBy: 'org' });
        assert.equal((await api.put(`/v1/webhooks/${hook.id}`, { name: 'renamed', targetUrl: hook.targetUrl })).status, 200);
        const current = (await admin.get(`/v1/people/${person.id}`)).body;
        const demoted = await admin.put(`/v1/people/${person.id}`, { ...current, roles: [] });
        assert.equal(demoted.status, 200, demoted.text);
        assertWebexError(await api.put(`/v1/webhooks/${hook.id}`, { name: 'x', targetUrl: 'https://attacker.example/' }), 403, /administrator/);
        assert.equal((await admin.get(`/v1/webhooks/${hook.id}`)).body.targetUrl, hook.targetUrl);
        assert.equal((await api.delete(`/v1/webhooks/${hook.id}`)).status, 204);
      });
    });

    describe('security on a shared server (not bound to loopback)', () => {
      let shared: TestServer;
      before(async () => {
        shared = await startServer(dialect, {
          config: { webhooks: { maxFailures: 10, retryBaseMs: 1000, retryMaxMs: 60_000, timeoutMs: 10_000, egress: { allowLoopback: false, allowPrivate: false } } },
        });
      });
      after(() => shared.close());

      it('is what a server listening beyond loopback gets by default; CALLPLANE_WEBHOOK_ALLOW_PRIVATE overrides it', () => {
        for (const HOST of ['0.0.0.0', '::', '192.168.1.10', 'callplane.example.com']) assert.deepEqual(loadConfig({ HOST }).webhooks.egress, { allowLoopback: false, allowPrivate: false });
        for (const HOST of ['127.0.0.1', '::1', 'localhost', '127.0.0.2']) assert.deepEqual(loadConfig({ HOST }).webhooks.egress, { allowLoopback: true, allowPrivate: false });
        assert.deepEqual(loadConfig({ HOST: '0.0.0.0', CALLPLANE_WEBHOOK_ALLOW_PRIVATE: 'on' }).webhooks.egress, { allowLoopback: true, allowPrivate: true });
        assert.deepEqual(loadConfig({ CALLPLANE_WEBHOOK_ALLOW_PRIVATE: 'off' }).webhooks.egress, { allowLoopback: false, allowPrivate: false });
        assert.throws(() => loadConfig({ CALLPLANE_WEBHOOK_ALLOW_PRIVATE: 'maybe' }), ConfigError);
        assert.deepEqual(loadConfig({ CALLPLANE_RETAIN_DELIVERIES: 'off', CALLPLANE_RETAIN_CALL_EVENTS: '30' }).retention, { deliveriesDays: undefined, callEventsDays: 30, callSessionsDays: 7 });
        assert.throws(() => loadConfig({ CALLPLANE_RETAIN_CALL_SESSIONS: '0' }), ConfigError);
      });

      it('refuses loopback targets in every spelling on create and update: 400, nothing created', async () => {
        const spellings = ['http://127.0.0.1:8080/', 'http://localhost/', 'http://LOCALHOST./x', 'http://app.localhost/', 'http://0x7f000001/', 'http://127.1/', 'http://2130706433/', 'http://017700000001/', 'http://[::1]/', 'http://[::ffff:127.0.0.1]/', 'http://0.0.0.0/', 'http://10.1.2.3/'];
        for (const targetUrl of spellings) {
          assertWebexError(await shared.admin.post('/v1/webhooks', body({ targetUrl })), 400, /does not deliver to/);
        }
        assert.deepEqual((await shared.admin.get('/v1/webhooks')).body.items, []);
        const w = await create(shared.admin, { targetUrl: 'https://example.com/hook' });
        for (const targetUrl of spellings) {
          assertWebexError(await shared.admin.put(`/v1/webhooks/${w.id}`, { name: 'x', targetUrl }), 400, /does not deliver to/);
        }
        assert.equal((await shared.admin.get(`/v1/webhooks/${w.id}`)).body.targetUrl, 'https://example.com/hook');
      });
    });
  });
}
