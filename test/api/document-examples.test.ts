import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { DOCUMENTS } from '../../scripts/webex-codegen.ts';
import { applyOverrides, overrides } from '../../scripts/webex-overrides.ts';
import { catalogue } from '../../src/generated/webex/catalogue.ts';
import { startServer, type TestServer } from '../support/server.ts';

// Every served operation accepts the request Cisco's own document shows as its example: whatever
// a route's schema adds (stricter hand-written ones included), it must not refuse, for schema
// reasons, a request Webex documents. The answer may still be a 404 (the example's IDs do not
// exist here) or a domain 400; never "Invalid request: body/… must …".

type Example = { method: string; path: string; operationId: string; query: Record<string, string>; body: unknown };

const SAMPLE_ID = 'Y2lzY29zcGFyazovL3VzL1BFT1BMRS8w';

function sampleValue(schema: any): string {
  if (Array.isArray(schema?.enum)) return String(schema.enum[0]);
  if (schema?.type === 'number' || schema?.type === 'integer') return '1';
  if (schema?.type === 'boolean') return 'true';
  return SAMPLE_ID;
}

function examples(): Example[] {
  const byOperation = new Map(catalogue.map((row) => [`${row[0]} ${row[1]}`, row[2]]));
  const list: Example[] = [];
  const seen = new Set<string>();
  for (const source of DOCUMENTS) {
    const doc = JSON.parse(readFileSync(new URL(`../../vendor/webex-openapi/${source.file}`, import.meta.url), 'utf8'));
    // The document as Callplane reads it: with the corrections of scripts/webex-overrides.ts,
    // which also fix the few examples that contradict their own schema and Webex's SDKs.
    applyOverrides(doc, source.key, overrides);
    for (const [rawPath, item] of Object.entries<any>(doc.paths)) {
      for (const [method, op] of Object.entries<any>(item)) {
        const json = op?.requestBody?.content?.['application/json'];
        const body = json?.example ?? Object.values<any>(json?.examples ?? {})[0]?.value ?? json?.schema?.example;
        const key = `${method.toUpperCase()} /v1${rawPath}`;
        if (body === undefined || seen.has(key) || !byOperation.has(key)) continue;
        seen.add(key);
        const query: Record<string, string> = {};
        for (const p of [...(item.parameters ?? []), ...(op.parameters ?? [])]) if (p.in === 'query' && p.required) query[p.name] = sampleValue(p.schema);
        // A path parameter with an enum ({type} of schedules) takes one of its values, as a client would.
        let path = `/v1${rawPath}`;
        for (const p of [...(item.parameters ?? []), ...(op.parameters ?? [])]) {
          if (p.in === 'path' && Array.isArray(p.schema?.enum)) path = path.replace(`{${p.name}}`, String(p.schema.enum[0]));
        }
        list.push({ method: method.toUpperCase(), path, operationId: byOperation.get(key)!, query, body });
      }
    }
  }
  return list;
}

describe("Cisco's request examples", () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(() => server.close());

  it('every served operation accepts its document example (no schema 400)', async () => {
    const unserved = new Set(server.app.notServed.map((row) => row[2]));
    const served = examples().filter((example) => !unserved.has(example.operationId));
    assert.ok(served.length > 20, `only ${served.length} served operations with an example`);
    const refused: string[] = [];
    for (const example of served) {
      const path = example.path.replace(/\{\w+\}/g, SAMPLE_ID);
      const reply = await server.admin.request(example.method, path, { body: example.body, query: example.query });
      if (reply.status === 400 && /^Invalid request: (body|querystring|params)/.test(reply.body?.message ?? '')) {
        refused.push(`${example.method} ${example.path} (${example.operationId}): ${reply.body.message}`);
      }
      assert.ok(reply.status < 500, `${example.method} ${example.path}: ${reply.status} ${reply.text}`);
    }
    assert.deepEqual(refused, []);
  });
});
