import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { NOT_SERVED } from '../../src/api/not-served.ts';
import { assertWebexError } from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';

// Sweeps the reference catalogue of Webex operations (test/fixtures/endpoint-catalogue.json,
// copied from the project's reference): every operation is served, or listed as not served yet
// and answers 501 with the Webex error body. Nothing is silently missing.

type Operation = { method: string; path: string; name: string };
const catalogue: Operation[] = JSON.parse(readFileSync(new URL('../fixtures/endpoint-catalogue.json', import.meta.url), 'utf8')).endpoints;
// The catalogue also lists the webhook delivery Webex makes to a client; that is not a route.
const operations = catalogue.filter((op) => op.path.startsWith('/v1/'));
const listed = new Set(NOT_SERVED.map(([method, path]) => `${method} ${path}`));
const sample = (path: string) => path.replace(/\{\w+\}/g, 'Y2lzY29zcGFyazovL3VzL1BFT1BMRS8w');

describe('the Webex operation catalogue', () => {
  let server: TestServer;
  let paths: Record<string, Record<string, { tags?: string[] }>>;
  // What the server itself says is not served (the 501 routes carry this tag).
  const notServed = new Set<string>();
  before(async () => {
    server = await startServer();
    paths = (await server.anonymous.get('/openapi.json')).body.paths;
    for (const [path, methods] of Object.entries(paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        if (operation.tags?.includes('Not served yet')) notServed.add(`${method.toUpperCase()} ${path}`);
      }
    }
  });
  after(() => server.close());

  it('every operation of the catalogue is in the OpenAPI document', () => {
    const missing = operations.filter((op) => !paths[op.path]?.[op.method.toLowerCase()]);
    assert.deepEqual(missing.map((op) => `${op.method} ${op.path}`), []);
  });

  it('every operation listed as not served answers 501 with the Webex body', async () => {
    for (const op of operations.filter((o) => notServed.has(`${o.method} ${o.path}`))) {
      const reply = await server.admin.request(op.method, sample(op.path), op.method === 'GET' ? {} : { body: {} });
      assertWebexError(reply, 501, /does not serve yet/);
    }
  });

  it('every other operation is served: it never answers 501', async () => {
    for (const op of operations.filter((o) => !notServed.has(`${o.method} ${o.path}`))) {
      const reply = await server.admin.request(op.method, sample(op.path), op.method === 'GET' || op.method === 'DELETE' ? {} : { body: {} });
      assert.notEqual(reply.status, 501, `${op.method} ${op.path}`);
      assert.ok(reply.status < 500, `${op.method} ${op.path} answered ${reply.status}: ${reply.text}`);
    }
  });

  it('the not-served list names only catalogue operations, none of them served', () => {
    const known = new Set(operations.map((op) => `${op.method} ${op.path}`));
    assert.deepEqual([...listed].filter((entry) => !known.has(entry)), []);
    assert.deepEqual([...listed].filter((entry) => !notServed.has(entry)), [], 'entries whose route has landed');
  });
});
