import { existsSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { notFound, WebexError } from '../domain/errors.ts';
import { errorBody } from './errors.ts';
import type { Server } from './types.ts';

// The web console is a separate front-end build (console/, built into console/dist by npm start
// and npm test). The server only serves its files; the console talks to the server over the
// public HTTP APIs like any client. Its pages are hash routes (/console/#/calls), so every path
// here is a file of the build.

const DIST = fileURLToPath(new URL('../../console/dist/', import.meta.url));

const NOT_BUILT =
  'The web console is not built. Run `npm run build:console` (npm start and npm test build it when needed), then reload.';

/** 503 while console/dist is missing: a page for a browser, Webex's error body for anything else. */
function notBuilt(request: FastifyRequest, reply: FastifyReply) {
  reply.code(503).header('Retry-After', '10').header('Cache-Control', 'no-store');
  if (request.headers.accept?.includes('text/html')) {
    return reply.type('text/html; charset=utf-8').send(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
        `<title>Console not built · Callplane</title></head><body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto; padding: 0 1rem; line-height: 1.5">` +
        `<h1>The console is not built</h1><p>Run <code>npm run build:console</code> in the Callplane folder (<code>npm start</code> and <code>npm test</code> build it when needed), then reload this page.</p>` +
        `<p>The Webex API is served as usual: see <a href="/reference">the API reference</a>.</p><p><small>TrackingID ${request.id}</small></p></body></html>`,
    );
  }
  return reply.type('application/json').send(errorBody(request, new WebexError(503, NOT_BUILT).message));
}

/** A file inside the build (never outside it: `..` and absolute paths are refused). */
function isFileOf(dist: string, path: string): boolean {
  const root = resolve(dist);
  const file = resolve(root, path);
  if (!file.startsWith(root + sep)) return false;
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Serves the web console (console/dist) at /console. */
export async function consoleRoutes(server: Server, options: { dist?: string } = {}): Promise<void> {
  const dist = options.dist ?? DIST;
  const index = join(dist, 'index.html');

  await server.register(async (scope) => {
    // serve: false: only reply.sendFile, for the routes below, which first check that the path is
    // a file of the build (a missing file is a 404 here: not-found handling would offer HEAD).
    await scope.register(fastifyStatic, { root: dist, serve: false, suppressWarning: true });

    const serve = async (request: FastifyRequest, reply: FastifyReply, path: string) => {
      // Checked on every request: a build made while the server runs is served at once.
      if (!existsSync(index)) return notBuilt(request, reply);
      if (path === '' || path === 'index.html') {
        return reply.header('Cache-Control', 'no-cache').sendFile('index.html', { cacheControl: false });
      }
      if (!isFileOf(dist, path)) throw notFound('The console has no such file.');
      // Vite names assets by their content hash: they never change.
      if (path.startsWith('assets/')) return reply.sendFile(path, { maxAge: '365d', immutable: true });
      return reply.sendFile(path, { cacheControl: false });
    };

    // The router ignores a trailing slash, so /console/ arrives here too: that is the page itself
    // (its relative asset URLs need the slash), /console is sent there.
    scope.get('/console', { schema: { hide: true } }, async (request, reply) =>
      request.url.split('?')[0]!.endsWith('/') ? serve(request, reply, '') : reply.redirect('/console/', 302),
    );

    scope.get('/console/*', { schema: { hide: true } }, async (request, reply) => serve(request, reply, (request.params as { '*': string })['*']));
  });
}
