import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Ajv } from 'ajv';
import { SandboxClock } from '../../src/sandbox/sandbox-clock.ts';
import { USER_SCOPES } from '../../src/domain/auth/scopes.ts';
import { catalogue } from '../../src/generated/webex/catalogue.ts';
import type { Client } from '../support/client.ts';
import { dialects } from '../support/dialects.ts';
import { wav } from '../support/announcements.ts';
import { clientWithScopes, unique } from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';
import { WebhookSink } from '../support/webhook-sink.ts';
import { label, operationsOf, type Operation } from './support/operations.ts';
import { sampleBody, sampleValue, type SampleContext } from './support/sample.ts';
import { multipartBody, sendRaw, webexErrorProblem, type RawRequest } from './support/send.ts';
import { StoreWatch } from './support/store-digest.ts';
import { FIXED_PARAMS, idFor, twoOrganizations, VALUE_IDS, type OrganizationWorld } from './support/world.ts';

// Organizations are walled off from each other, scopes are enforced on every route, and tokens
// expire: swept over every operation of the OpenAPI document.

/** Routes that need no token at all (the media links carry their signature instead). */
const PUBLIC = new Set([
  'GET /healthz',
  'GET /metrics',
  'POST /sandbox/v1/orgs',
  'GET /sandbox/v1/demo',
  'GET /v1/authorize',
  'POST /v1/authorize',
  'POST /v1/access_token',
  'GET /media/{orgId}/{mediaId}',
  'PUT /media/{orgId}/{mediaId}',
]);

/**
 * /v1 routes any valid token may call (their route config is `auth: 'token'`): Webex's webhooks
 * belong to whoever holds the token, and operations not served yet answer 501 to anyone.
 */
const anyToken = (op: Operation) => op.notServed || op.tags.includes('Webhooks') || label(op) === 'GET /v1/authorizations/tokenExpiry';

/** /v1 routes for users (spark:people_read, spark:calls_read, spark:calls_write, spark:kms). */
const forUsers = (op: Operation) =>
  anyToken(op) ||
  ['GET /v1/people', 'GET /v1/people/me', 'GET /v1/people/{personId}'].includes(label(op)) ||
  op.path.startsWith('/v1/telephony/calls') ||
  // The Voice Messages API: the token's own voicemail box (spark:calls_read / spark:calls_write).
  op.path.startsWith('/v1/telephony/voiceMessages') ||
  // Conference Controls act on the person's own calls, as the Call Controls do.
  op.path.startsWith('/v1/telephony/conference') ||
  // A person's own settings: the Call Settings For Me paths, and admin paths whose document names a
  // user scope (spark:people_read) a person may use for themselves (the sweep's user is that person).
  op.path.startsWith('/v1/telephony/config/people/me/') ||
  op.path === '/v1/telephony/config/people/me' ||
  // Not a Webex operation: the audio a recording's details link to, for whoever may read the recording.
  label(op) === 'GET /v1/convergedRecordings/{recordingId}/audio' ||
  userScopesOf(op).some((s) => (USER_SCOPES as readonly string[]).includes(s));

const userScopesOf = (op: Operation) =>
  catalogue.find(([method, path]) => method === op.method.toUpperCase() && path === op.path)?.[6].filter((s) => s.startsWith('spark:')) ?? [];

/** Sandbox routes a user's token may call: the delivery log and tools of the user's own webhooks, reading the clock. */
const sandboxForUsers = (op: Operation) =>
  [
    'GET /sandbox/v1/webhooks/{webhookId}/deliveries',
    'POST /sandbox/v1/webhooks/{webhookId}/test',
    'POST /sandbox/v1/webhooks/{webhookId}/deliveries/{deliveryId}/redeliver',
    'GET /sandbox/v1/webhooks/{webhookId}/health',
    'GET /sandbox/v1/clock',
    'POST /sandbox/v1/authorize',
  ].includes(label(op));

/** Sandbox routes a person calls for themselves with a user token's scope (a hot desk sign-in), as an administrator does for anyone. */
const sandboxForSelf = (op: Operation) => ['POST /sandbox/v1/hotdesk/sessions'].includes(label(op));

/**
 * Sandbox routes only the operator (CALLPLANE_ADMIN_TOKEN) may call: they change the whole server.
 * Other operator routes are recognised by their 403, which names the operator.
 */
const OPERATOR = new Set(['PUT /sandbox/v1/clock', 'POST /sandbox/v1/clock/advance']);

const ajv = new Ajv({ strict: false, allErrors: true });

for (const dialect of dialects) {
  describe(`Isolation, scopes and token expiry on every route (${dialect})`, () => {
    let server: TestServer;
    let clock: SandboxClock;
    let sink: WebhookSink;
    let own: OrganizationWorld;
    let foreign: OrganizationWorld;
    let operations: Operation[];
    let watch: StoreWatch;

    before(async () => {
      clock = new SandboxClock('manual');
      server = await startServer(dialect, { clock });
      sink = await WebhookSink.start();
      ({ own, foreign } = await twoOrganizations(server, sink.url()));
      operations = operationsOf((await server.anonymous.get('/openapi.json')).body);
      watch = new StoreWatch(server.app.store);
    });
    after(async () => {
      await server.close();
      await sink.close();
    });

    const contextOf = (world: OrganizationWorld): SampleContext => ({ ids: world.ids, freeNumber: world.freeNumber, targetUrl: world.targetUrl });

    /** A request a client of `world` could send: its IDs in the path (unless given), a body valid for the schema. */
    async function requestOf(op: Operation, world: OrganizationWorld, pathIds: Record<string, string>, token: string): Promise<RawRequest> {
      const pathValues: Record<string, string> = {};
      for (const p of op.params.filter((p) => p.in === 'path')) pathValues[p.name] = FIXED_PARAMS[p.name] ?? idFor(pathIds, op.path, p.name) ?? idFor(world.ids, op.path, p.name)!;
      const query = op.params.filter((p) => p.in === 'query' && p.required).map((p) => [p.name, String(sampleValue(p.schema, p.name, contextOf(world)))] as [string, string]);
      let body: RawRequest['body'];
      if (op.multipart) body = await multipartBody(unique('Greeting '), wav());
      if (op.body) {
        const value = sampleBody(op, contextOf(world));
        const validate = ajv.compile(op.body);
        assert.ok(validate(value), `the generated body of ${label(op)} is not valid for its schema (fix test/reliability/support/sample.ts): ${ajv.errorsText(validate.errors)}`);
        body = { text: JSON.stringify(value), contentType: 'application/json' };
      }
      return { method: op.method, path: op.path, pathValues, query, body, token };
    }

    /** Sends; answers what is wrong when the status is not one of `statuses` (501 is fine for operations not served), or `also` finds fault. */
    async function expectStatus(
      op: Operation,
      request: RawRequest,
      statuses: number[],
      also?: (reply: Awaited<ReturnType<typeof sendRaw>>) => string | undefined,
    ): Promise<string | undefined> {
      const reply = await sendRaw(server.url, request);
      const allowed = op.notServed ? [...statuses, 501] : statuses;
      if (!allowed.includes(reply.status)) return `${label(op)} → ${reply.status}, expected ${statuses.join(' or ')}: ${reply.text.slice(0, 200)}`;
      const more = also?.(reply);
      if (more) return more;
      const problem = reply.status >= 400 ? webexErrorProblem(reply) : undefined;
      return problem && `${label(op)} → ${reply.status}: not Webex's error body: ${problem}`;
    }

    const report = (problems: string[], what: string) => assert.deepEqual(problems, [], `${problems.length} ${what}:\n${problems.join('\n')}`);

    it("given another organization's IDs in the path, every operation answers 404 or 403 and changes nothing", async () => {
      const problems: string[] = [];
      let checked = 0;
      for (const op of operations) {
        const ids = op.params.filter((p) => p.in === 'path' && !(p.name in FIXED_PARAMS));
        if (ids.length === 0 || PUBLIC.has(label(op)) || VALUE_IDS.has(label(op))) continue;
        // Theirs (the foreign organization's administrator) asking for ours.
        const request = await requestOf(op, foreign, own.ids, foreign.admin.token!);
        await watch.mark();
        // Our own routes know no partner administrators: another organization's ID is simply not found
        // (the operator's routes refuse everyone else first).
        const onlyOperators = (reply: { status: number; body: any; text: string }) =>
          reply.status === 403 && !/operator/.test(reply.body?.message) ? `${label(op)} → 403, expected 404: ${reply.text.slice(0, 160)}` : undefined;
        const problem = await expectStatus(op, request, [403, 404], op.path.startsWith('/sandbox/') ? onlyOperators : undefined);
        const changed = await watch.changed();
        if (problem) problems.push(problem);
        else if (changed.length > 0) problems.push(`${label(op)}: refused, yet the store changed: ${changed.join(', ')}`);
        checked++;
      }
      assert.ok(checked > 50, `${checked} operations take IDs in their path`);
      report(problems, "operations let another organization's ID through");
    });

    it("given another organization's orgId, every operation that takes orgId answers 403 and changes nothing", async () => {
      const problems: string[] = [];
      const takingOrgId = operations.filter((o) => o.params.some((p) => p.in === 'query' && p.name === 'orgId'));
      assert.ok(takingOrgId.length > 50, `${takingOrgId.length} operations take orgId`);
      for (const op of takingOrgId) {
        const request = await requestOf(op, foreign, {}, foreign.admin.token!);
        request.query = [...(request.query ?? []), ['orgId', own.ids.orgId!]];
        await watch.mark();
        const problem = await expectStatus(op, request, [403]);
        const changed = await watch.changed();
        if (problem) problems.push(problem);
        else if (changed.length > 0) problems.push(`${label(op)}: refused, yet the store changed: ${changed.join(', ')}`);
      }
      report(problems, 'operations act on another organization');
    });

    it('no answer to another organization holds our data, whatever IDs it sends', async () => {
      const problems: string[] = [];
      let answered = 0;
      for (const op of operations.filter((o) => o.method === 'GET' && !PUBLIC.has(label(o)))) {
        // With their own IDs, then with ours in every ID query parameter.
        const theirs = await requestOf(op, foreign, {}, foreign.admin.token!);
        const idQuery = op.params.filter((p) => p.in === 'query' && /Id$/.test(p.name) && own.ids[p.name === 'ownerId' ? 'personId' : p.name]);
        const ours = { ...theirs, query: idQuery.map((p) => [p.name, own.ids[p.name === 'ownerId' ? 'personId' : p.name]!] as [string, string]) };
        for (const request of idQuery.length > 0 ? [theirs, ours] : [theirs]) {
          const reply = await sendRaw(server.url, request);
          if (reply.status >= 500) problems.push(`${label(op)} → ${reply.status}`);
          if (reply.status >= 300) continue;
          answered++;
          const sent = reply.url;
          const leaked = own.markers.filter((m) => reply.text.includes(m) && !sent.includes(m));
          if (leaked.length > 0) problems.push(`${label(op)} (${sent}): holds ${leaked.join(', ')}`);
        }
      }
      assert.ok(answered > 40, `${answered} answers to read for our data`);
      report(problems, 'answers leak another organization’s data');
    });

    it('given a token without the route’s scope (only spark:kms), every authenticated /v1 and /sandbox/v1 route answers 403 before reading the body', async () => {
      const kms = await clientWithScopes(server.admin, (await server.admin.get('/v1/people/me')).body.id, ['spark:kms']);
      const problems: string[] = [];
      let sandbox = 0;
      for (const op of operations.filter((o) => !PUBLIC.has(label(o)))) {
        if (op.path.startsWith('/sandbox/')) sandbox++;
        const request = await requestOf(op, own, {}, kms.token!);
        // A broken body: refused for the scope first, it is never parsed (a 400 would mean it was).
        if (request.body) request.body = { text: '{"broken": ', contentType: 'application/json' };
        const reply = await sendRaw(server.url, request);
        if (op.path.startsWith('/v1/') ? anyToken(op) : sandboxForUsers(op)) {
          if (reply.status === 401 || reply.status === 403) problems.push(`${label(op)} → ${reply.status}: any valid token should do`);
          continue;
        }
        if (reply.status !== 403) problems.push(`${label(op)} → ${reply.status}, expected 403: ${reply.text.slice(0, 160)}`);
        else if (webexErrorProblem(reply)) problems.push(`${label(op)}: ${webexErrorProblem(reply)}`);
        // A scope refusal names what is missing (the operator's routes need the operator, not a scope).
        else if (!/spark(-admin)?:\w+|operator/.test(reply.body.message)) problems.push(`${label(op)}: the 403 names no scope (nor the operator): ${reply.body.message}`);
      }
      assert.ok(sandbox > 30, `${sandbox} sandbox operations swept`);
      report(problems, 'routes do not check their scopes');
    });

    it('given a user’s token (user scopes), every administrator route of /v1 and every administrator sandbox route answers 403', async () => {
      const user = await clientWithScopes(server.admin, own.ids.personId!, [...USER_SCOPES]);
      const problems: string[] = [];
      for (const op of operations.filter((o) => !PUBLIC.has(label(o)))) {
        const userRoute = op.path.startsWith('/v1/') ? forUsers(op) : sandboxForUsers(op) || sandboxForSelf(op);
        if (userRoute) continue;
        const problem = await expectStatus(op, await requestOf(op, own, {}, user.token!), [403]);
        if (problem) problems.push(problem);
        // A route that let the user in may have switched the server clock: these suites need it manual.
        if (clock.currentMode !== 'manual') clock.setMode('manual');
      }
      report(problems, 'administrator routes let a user in');
    });

    it('given a read-only administrator’s token (every scope the role allows), every sandbox route but the users’ answers 403 before reading the body', async () => {
      const reader = await server.admin.post('/v1/people', {
        emails: [`${unique('reader')}@example.com`],
        displayName: 'Read Only',
        roles: [Buffer.from('ciscospark://us/ROLE/id_readonly_admin').toString('base64url')],
      });
      assert.equal(reader.status, 200, reader.text);
      const issued = await server.admin.post('/sandbox/v1/tokens', { personId: reader.body.id });
      assert.equal(issued.status, 201, issued.text);
      const problems: string[] = [];
      for (const op of operations.filter((o) => o.path.startsWith('/sandbox/') && !PUBLIC.has(label(o)) && !sandboxForUsers(o) && !sandboxForSelf(o))) {
        const request = await requestOf(op, own, {}, issued.body.access_token);
        if (request.body) request.body = { text: '{"broken": ', contentType: 'application/json' };
        const problem = await expectStatus(op, request, [403]);
        if (problem) problems.push(problem);
      }
      report(problems, 'sandbox routes let a read-only administrator in');
    });

    it('given a full administrator who is not the operator (another organization’s, or a new full token of ours), every operator route answers 403 and the clock stays', async () => {
      const me = (await server.admin.get('/v1/people/me')).body.id;
      const full = await server.admin.post('/sandbox/v1/tokens', { personId: me });
      assert.equal(full.status, 201, full.text);
      const problems: string[] = [];
      const swept = operations.filter((o) => OPERATOR.has(label(o)));
      assert.equal(swept.length, OPERATOR.size, 'every operator route is in the document');
      const before = await server.admin.get('/sandbox/v1/clock');
      for (const op of swept) {
        for (const [who, world, token] of [['another organization', foreign, foreign.admin.token!], ['our full token', own, full.body.access_token]] as const) {
          const problem = await expectStatus(op, await requestOf(op, world, {}, token), [403]);
          if (problem) problems.push(`${who}: ${problem}`);
        }
      }
      report(problems, 'operator routes let a non-operator in');
      assert.deepEqual((await server.admin.get('/sandbox/v1/clock')).body, before.body, 'the clock did not move');
    });

    it('given no token or an unknown one, every authenticated route answers 401', async () => {
      const problems: string[] = [];
      for (const op of operations.filter((o) => !PUBLIC.has(label(o)))) {
        for (const token of [undefined, 'not-a-token']) {
          const problem = await expectStatus(op, { ...await requestOf(op, own, {}, server.demo.adminToken), token }, [401]);
          if (problem) problems.push(`${token === undefined ? 'no token' : 'unknown token'}: ${problem}`);
        }
      }
      report(problems, 'routes let an anonymous caller in');
    });

    // Last: it moves the clock on.
    it('a token expires after expiresIn seconds of server time: every authenticated route then answers 401', async () => {
      const me = (await server.admin.get('/v1/people/me')).body.id;
      const issued = await server.admin.post('/sandbox/v1/tokens', { personId: me, expiresIn: 60 });
      assert.equal(issued.status, 201, issued.text);
      const expiring: Client = server.admin.withToken(issued.body.access_token);
      assert.equal(issued.body.expires_in, 60);
      assert.equal((await expiring.get('/v1/people/me')).status, 200);
      await clock.advance(59_999);
      assert.equal((await expiring.get('/v1/people/me')).status, 200, 'still valid a millisecond before it expires');
      await clock.advance(1);
      const problems: string[] = [];
      for (const op of operations.filter((o) => !PUBLIC.has(label(o)))) {
        const problem = await expectStatus(op, await requestOf(op, own, {}, expiring.token!), [401]);
        if (problem) problems.push(problem);
      }
      report(problems, 'routes accept an expired token');
      assert.equal((await server.admin.get('/v1/people/me')).status, 200, 'a token without expiry still works');
    });
  });
}
