import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify from 'fastify';
import { consoleRoutes } from '../../src/http/console.ts';
import { installErrorHandling } from '../../src/http/errors.ts';
import type { Server } from '../../src/http/types.ts';

// How the server serves the console's build (src/http/console.ts), over a build folder of the
// test's own: the files, their caching, and a clear 503 while there is no build.

async function serverFor(dist: string): Promise<Server> {
  const server: Server = Fastify({ logger: false }).withTypeProvider<TypeBoxTypeProvider>();
  installErrorHandling(server, 1024);
  await consoleRoutes(server, { dist });
  await server.ready();
  return server;
}

describe('serving the console', () => {
  let dist: string;
  let server: Server;

  before(async () => {
    dist = mkdtempSync(join(tmpdir(), 'callplane-console-'));
    server = await serverFor(dist);
  });
  after(async () => {
    await server.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('given no build, answers 503: a page for a browser, the Webex error body for a client', async () => {
    const page = await server.inject({ url: '/console/', headers: { accept: 'text/html,application/xhtml+xml' } });
    assert.equal(page.statusCode, 503);
    assert.match(page.headers['content-type'] as string, /text\/html/);
    assert.match(page.body, /npm run build:console/);

    const api = await server.inject({ url: '/console/assets/app.js' });
    assert.equal(api.statusCode, 503);
    assert.match(api.json().message, /not built/);
    assert.equal(api.json().errors[0].description, api.json().message);
  });

  it('once built (even while running), serves index.html uncached and hashed assets for a year', async () => {
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>console</title>');
    mkdirSync(join(dist, 'assets'), { recursive: true });
    writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log(1)');

    const index = await server.inject({ url: '/console/' });
    assert.equal(index.statusCode, 200);
    assert.match(index.body, /<title>console/);
    assert.equal(index.headers['cache-control'], 'no-cache');

    const asset = await server.inject({ url: '/console/assets/index-abc123.js' });
    assert.equal(asset.statusCode, 200);
    assert.match(asset.headers['cache-control'] as string, /max-age=31536000.*immutable/);
  });

  it('redirects /console to /console/, and a missing file is a 404 with the Webex body', async () => {
    const bare = await server.inject({ url: '/console' });
    assert.equal(bare.statusCode, 302);
    assert.equal(bare.headers.location, '/console/');

    const missing = await server.inject({ url: '/console/assets/nope.js' });
    assert.equal(missing.statusCode, 404);
    assert.equal(typeof missing.json().message, 'string');

    const outside = await server.inject({ url: '/console/..%2f..%2fpackage.json' });
    assert.ok(outside.statusCode >= 400 && outside.statusCode < 500, `${outside.statusCode}`);
  });
});
