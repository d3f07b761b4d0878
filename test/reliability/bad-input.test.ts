import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { SandboxClock } from '../../src/sandbox/sandbox-clock.ts';
import { dialects } from '../support/dialects.ts';
import { startServer, type TestServer } from '../support/server.ts';
import { WebhookSink } from '../support/webhook-sink.ts';
import { badRequests, pick, type BadRequest, type Category } from './support/bad-input-cases.ts';
import { label, operationsOf, type Operation } from './support/operations.ts';
import { seeded } from '../support/random.ts';
import { getWithHost, sendRaw, webexErrorProblem } from './support/send.ts';
import { changedTables, digestStore, rowsMentioning, StoreWatch, uuidsOf } from './support/store-digest.ts';
import { idFor, twoOrganizations, type OrganizationWorld } from './support/world.ts';

// Bad input on every route of the OpenAPI document, generated from the document itself: every
// answer is a 4xx with Webex's error body (never a 5xx), and a refused request changes nothing in
// the store. Accepted (2xx) answers are allowed where the generated request happened to be valid;
// they may not carry another organization's data. Deterministic: RELIABILITY_SEED picks the
// sample, RELIABILITY_CASES how many sampled cases per operation (or "all"); see
// docs/reliability.md.

const SEED = Number(process.env.RELIABILITY_SEED ?? 20260115);
const SAMPLED = process.env.RELIABILITY_CASES === 'all' ? Infinity : Number(process.env.RELIABILITY_CASES ?? 4);
const BODY_LIMIT = 64 * 1024;
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

for (const dialect of dialects) {
  describe(`Bad input on every route (${dialect})`, () => {
    let server: TestServer;
    let sink: WebhookSink;
    let own: OrganizationWorld;
    let foreign: OrganizationWorld;
    let operations: Operation[];
    let watch: StoreWatch;
    const tally = new Map<Category, { sent: number; accepted: number }>();
    /** Answers of 500 or more (a 501 of an operation not served yet excepted): there must be none. */
    let serverErrors = 0;

    before(async () => {
      // A manual clock: no ring timeout or job step writes to the store while a digest is taken.
      server = await startServer(dialect, { clock: new SandboxClock('manual'), config: { bodyLimit: BODY_LIMIT } });
      sink = await WebhookSink.start();
      ({ own, foreign } = await twoOrganizations(server, sink.url()));
      operations = operationsOf((await server.anonymous.get('/openapi.json')).body);
      watch = new StoreWatch(server.app.store);
    });
    after(async () => {
      await server.close();
      await sink.close();
    });

    it('given no requests, the store does not change on its own (the digest is a fair witness)', async () => {
      const first = await digestStore(server.app.store);
      await sleep(300);
      assert.deepEqual(changedTables(first, await digestStore(server.app.store)), []);
    });

    it('the document has the routes to sweep', () => {
      assert.ok(operations.length > 100, `${operations.length} operations`);
    });

    /** Runs one case; answers what is wrong with the answer (nothing: undefined). */
    async function check(op: Operation, c: BadRequest): Promise<string | undefined> {
      const store = server.app.store;
      await watch.mark();
      const reply = await sendRaw(server.url, { ...c, path: op.path, token: server.demo.adminToken }).catch((error: Error) => error);
      if (reply instanceof Error) return `${c.category} (${c.where}): no answer: ${reply.message}`;
      const counts = tally.get(c.category) ?? { sent: 0, accepted: 0 };
      counts.sent++;
      tally.set(c.category, counts);
      const what = `${c.category} (${c.where}) → ${reply.status}`;
      if (reply.status === 501 && op.notServed) return webexErrorProblem(reply) && `${what}: ${webexErrorProblem(reply)}`;
      if (reply.status >= 500) {
        serverErrors++;
        return `${what}: a server error: ${reply.text.slice(0, 300)}`;
      }
      if (reply.status >= 200 && reply.status < 300) {
        counts.accepted++;
        watch.reset();
        // A generated request that changed the clock's mode must not let timers write behind our back.
        if (server.app.clock.currentMode !== 'manual') server.app.clock.setMode('manual');
        if (c.expect === 'reject') return `${what}: accepted, should be refused`;
        const sent = `${reply.url} ${c.body?.text ?? ''}`;
        const leaked = foreign.markers.filter((m) => reply.text.includes(m) && !sent.includes(m));
        if (leaked.length > 0) return `${what}: the answer holds another organization's data: ${leaked.join(', ')}`;
        const unreadable = await readBack(op, c, reply.body);
        if (unreadable) return `${what}: accepted, and then ${unreadable}`;
        const foreignSent = Object.values(foreign.ids).filter((id) => sent.includes(id));
        if (foreignSent.length > 0) {
          const references = await rowsMentioning(store, foreignSent.flatMap(uuidsOf), uuidsOf(foreign.ids.orgId!)[0]!);
          if (references.length > 0) return `${what}: accepted, and now refers to another organization's object: ${references.join('; ')}`;
        }
        return undefined;
      }
      if (reply.status < 400) return `${what}: neither a refusal nor a success`;
      const bodyProblem = webexErrorProblem(reply);
      if (bodyProblem) return `${what}: not Webex's error body: ${bodyProblem}`;
      const changed = await watch.changed();
      if (changed.length > 0) return `${what}: refused, yet the store changed: ${changed.join(', ')}`;
      return undefined;
    }

    /**
     * After an accepted write, the object written must still read: GET the same path, or the
     * created object's (the path plus its id). Answers what went wrong, if anything.
     */
    async function readBack(op: Operation, c: BadRequest, body: unknown): Promise<string | undefined> {
      if (!['POST', 'PUT', 'PATCH'].includes(c.method)) return undefined;
      const gets = operations.filter((o) => o.method === 'GET');
      const reads: { path: string; pathValues: Record<string, string> }[] = [];
      if (gets.some((o) => o.path === op.path)) reads.push({ path: op.path, pathValues: c.pathValues });
      const id = (body as { id?: unknown } | undefined)?.id;
      const item = gets.find((o) => o.path.startsWith(`${op.path}/{`) && /^\/\{\w+\}$/.test(o.path.slice(op.path.length)));
      if (typeof id === 'string' && item) {
        const param = item.path.slice(op.path.length + 2, -1);
        reads.push({ path: item.path, pathValues: { ...c.pathValues, [param]: id } });
      }
      for (const read of reads) {
        const reply = await sendRaw(server.url, { method: 'GET', ...read, token: server.demo.adminToken });
        if (reply.status >= 500) return `GET ${read.path} answers ${reply.status}: the store holds what it cannot read back`;
      }
      return undefined;
    }

    it('given a malformed Host header, every GET answers without a 5xx, and no Link echoes it', async (t) => {
      const hosts = ['a b', '[::1', 'x:99999', 'evil.example/path', ''];
      const problems: string[] = [];
      let sent = 0;
      for (const op of operations.filter((o) => o.method === 'GET')) {
        const pathValues: Record<string, string> = {};
        for (const p of op.params.filter((p) => p.in === 'path')) pathValues[p.name] = idFor(own.ids, op.path, p.name) ?? 'answer';
        for (const host of hosts) {
          const reply = await getWithHost(server.url, { method: 'GET', path: op.path, pathValues, query: [['max', '1']], token: server.demo.adminToken }, host);
          sent++;
          if (reply.status >= 500 && !(reply.status === 501 && op.notServed)) problems.push(`${label(op)} with Host ${JSON.stringify(host)} → ${reply.status}: ${reply.text.slice(0, 200)}`);
          if (reply.link !== undefined && host !== '' && reply.link.includes(host)) problems.push(`${label(op)}: the Link echoes Host ${JSON.stringify(host)}`);
        }
      }
      t.diagnostic(`${sent} requests with a malformed Host header`);
      assert.deepEqual(problems, [], problems.join('\n'));
    });

    it('every operation refuses bad input with a 4xx and the Webex error body, and changes nothing', async (t) => {
      const random = seeded(SEED);
      const byPath = new Map<string, string[]>();
      for (const op of operations) byPath.set(op.path, [...(byPath.get(op.path) ?? []), op.method]);
      const context = { ids: own.ids, freeNumber: own.freeNumber, targetUrl: own.targetUrl, foreign: foreign.ids, bodyLimit: BODY_LIMIT };
      let sent = 0;
      for (const op of operations) {
        await t.test(label(op), async () => {
          const cases = pick(badRequests(op, context), SAMPLED, random);
          // One method the path does not serve: 405 with Allow.
          const served = byPath.get(op.path)!;
          if (served[0] === op.method) {
            const other = METHODS.find((m) => !served.includes(m));
            if (other) cases.push({ ...cases[0]!, category: 'unsupported method', where: other, method: other, body: undefined, query: [], expect: 'reject' });
          }
          const problems: string[] = [];
          for (const c of cases) {
            const problem = await check(op, c);
            if (problem) problems.push(problem);
          }
          sent += cases.length;
          assert.deepEqual(problems, [], `${label(op)}: ${problems.length} of ${cases.length} answers are wrong (seed ${SEED}):\n${problems.join('\n')}`);
        });
      }
      const lines = [...tally].map(([category, n]) => `${category}: ${n.sent} sent, ${n.accepted} accepted`);
      const sandbox = operations.filter((o) => o.path.startsWith('/sandbox/')).length;
      t.diagnostic(`${sent} bad requests over ${operations.length} operations (${sandbox} of them /sandbox/v1), seed ${SEED}: ${serverErrors} answered 5xx\n${lines.join('\n')}`);
      assert.ok(sandbox > 30, `the sweep covers /sandbox/v1 (${sandbox} operations)`);
      assert.equal(serverErrors, 0);
    });
  });
}
