import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { betweenMarkers, coverageMarkdown, overridesMarkdown, readmeCoverageLine, withReadmeCoverage } from '../../scripts/webex-coverage.ts';
import { generate } from '../../scripts/webex-codegen.ts';
import { overrides } from '../../scripts/webex-overrides.ts';
import { PRODUCTS } from '../../src/api/not-served.ts';
import { catalogue, type CatalogueRow } from '../../src/generated/webex/catalogue.ts';
import type { Reply } from '../support/client.ts';
import { assertWebexError } from '../support/factories.ts';
import { startServer, type TestServer } from '../support/server.ts';

// Sweeps the generated catalogue of every operation of Cisco's documents: each one is served, or
// answers 501 with the Webex error body naming it and its Cisco tag. Nothing answers a bare 404.
// Also keeps the generated modules, docs/coverage.md and the README's total current.

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');
const sample = (path: string) => path.replace(/\{\w+\}/g, 'Y2lzY29zcGFyazovL3VzL1BFT1BMRS8w');
const label = (row: CatalogueRow) => `${row[0]} ${row[1]}`;

/** Runs the requests a few at a time: over a thousand of them, without flooding the server. */
async function sweep(rows: readonly CatalogueRow[], send: (row: CatalogueRow) => Promise<Reply>): Promise<Map<CatalogueRow, Reply>> {
  const replies = new Map<CatalogueRow, Reply>();
  for (let i = 0; i < rows.length; i += 16) {
    const batch = rows.slice(i, i + 16);
    const answers = await Promise.all(batch.map(send));
    batch.forEach((row, j) => replies.set(row, answers[j]!));
  }
  return replies;
}

describe('the catalogue of Cisco\'s operations', () => {
  let server: TestServer;
  let notServed: Set<string>;
  before(async () => {
    server = await startServer();
    notServed = new Set(server.app.notServed.map(label));
  });
  after(() => server.close());

  it('the generated modules are those the documents and overrides give (npm run generate)', () => {
    const files = generate(new URL('vendor/webex-openapi', root).pathname, overrides);
    const stale = [...files].filter(([name, text]) => read(`src/generated/webex/${name}`) !== text).map(([name]) => name);
    assert.deepEqual(stale, [], 'stale generated files: run npm run generate');
  });

  it('docs/coverage.md, the README\'s total and the overrides listed match (npm run generate)', () => {
    assert.equal(read('docs/coverage.md'), coverageMarkdown(catalogue, server.app.notServed));
    const readme = read('README.md');
    assert.equal(readme, withReadmeCoverage(readme, readmeCoverageLine(catalogue, server.app.notServed)));
    const webexApi = read('docs/webex-api.md');
    assert.equal(webexApi, betweenMarkers(webexApi, 'overrides', overridesMarkdown(overrides)), 'docs/webex-api.md lists the overrides');
  });

  it('operationIds are unique and every operation has a Cisco tag', () => {
    assert.equal(new Set(catalogue.map((row) => row[2])).size, catalogue.length);
    assert.deepEqual(catalogue.filter((row) => row[3] === ''), []);
  });

  it('every operation is served or answers 501 naming itself and its tag, after authentication', async () => {
    const replies = await sweep(catalogue, (row) => server.admin.request(row[0], sample(row[1]), row[0] === 'GET' || row[0] === 'DELETE' ? {} : { body: {} }));
    const problems: string[] = [];
    for (const [row, reply] of replies) {
      const [, , operationId, tag, document] = row;
      if (notServed.has(label(row))) {
        const expected = `${operationId} is part of ${PRODUCTS[document]}'s ${tag} API, which Callplane does not serve yet.`;
        if (reply.status !== 501 || reply.body?.message !== expected) problems.push(`${label(row)}: ${reply.status} ${reply.text}`);
        else assertWebexError(reply, 501);
      } else if (reply.status >= 500 || reply.status === 405 || (reply.status === 404 && reply.body?.message === 'The requested resource could not be found.')) {
        problems.push(`${label(row)} (served): ${reply.status} ${reply.text}`);
      }
    }
    assert.deepEqual(problems, []);
    assert.ok(notServed.size < catalogue.length);
  });

  it('a not-served operation asks for a token first, and ignores a trailing slash', async () => {
    const row = server.app.notServed.find((r) => r[0] === 'GET')!;
    assertWebexError(await server.anonymous.get(sample(row[1])), 401);
    assertWebexError(await server.admin.get(`${sample(row[1])}/`), 501, new RegExp(row[2]));
  });
});
