import { Type } from 'typebox';
import { notServed } from '../domain/errors.ts';
import { responses } from '../http/schemas.ts';
import type { Server } from '../http/types.ts';

// Webex operations Callplane does not serve yet. Each answers 501 with the Webex error body
// (loudly, never a silent 200); test/api/catalogue.test.ts checks that every operation of the
// reference catalogue is either served or listed here. Remove an entry when its route lands.
export const NOT_SERVED: ReadonlyArray<readonly [method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string]> = [
  // Call controls beyond the seed's list: executive/assistant push, group pickup, barge-in, pull.
  ['POST', '/v1/telephony/calls/push'],
  ['POST', '/v1/telephony/calls/pickup'],
  ['POST', '/v1/telephony/calls/bargeIn'],
  ['POST', '/v1/telephony/calls/pull'],
  ['POST', '/v1/telephony/externalVoicemail/mwi'],
];

export function notServedRoutes(server: Server): void {
  for (const [method, path] of NOT_SERVED) {
    const url = path.replace(/\{(\w+)\}/g, ':$1');
    // An area that has landed serves the operation itself.
    if (server.hasRoute({ method, url })) continue;
    server.route({
      method,
      url,
      schema: { summary: `${method} ${path} (not served yet: 501)`, tags: ['Not served yet'], response: responses({ 501: Type.Any() }) },
      config: { auth: 'token' },
      handler: async () => {
        throw notServed(method, path);
      },
    });
  }
}
