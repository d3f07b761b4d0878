import type { DestinationStream } from 'pino';
import pretty from 'pino-pretty';
import { encodeId } from '../domain/webex-ids.ts';
import type { Server } from './types.ts';

// One line per request at the info level: method, path, status, time, TrackingID and who (the
// public Webex IDs of the token's person and organization, never the store's own IDs), so
// `callplane` shows what a client does as it happens, as a development server should.

/** The log destination: pino's JSON lines, or one readable line each for people. */
export function logStream(format: 'pretty' | 'json' | undefined): DestinationStream | undefined {
  if (format !== 'pretty') return undefined;
  return pretty({
    colorize: process.stdout.isTTY === true,
    translateTime: 'HH:MM:ss.l',
    ignore: 'pid,hostname,trackingId,method,path,statusCode,responseTime,person,org',
    singleLine: true,
  });
}

export function installRequestLog(server: Server): void {
  if (!['info', 'debug', 'trace'].includes(server.log.level)) return;
  server.addHook('onResponse', async (request, reply) => {
    const ms = reply.elapsedTime;
    const principal = request.principal;
    const person = principal ? encodeId('PEOPLE', principal.personId) : undefined;
    const org = principal ? encodeId('ORGANIZATION', principal.orgId) : undefined;
    request.log.info(
      { method: request.method, path: request.url, statusCode: reply.statusCode, responseTime: Math.round(ms * 10) / 10, person, org },
      `${request.method} ${request.url} ${reply.statusCode} ${ms.toFixed(1)}ms ${request.id} ${person ? `person=${person}` : 'anonymous'}`,
    );
  });
}
