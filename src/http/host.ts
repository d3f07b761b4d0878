import type { FastifyRequest } from 'fastify';
import { badRequest } from '../domain/errors.ts';
import type { Server } from './types.ts';

// Where this server is, as clients see it: the configured public URL (CALLPLANE_PUBLIC_URL), else
// the request's Host header when it is a well-formed host name or address with a valid port.
// Links are never built from a malformed Host (`a b`, `[::1`, `x:99999`), which the URL parser
// would refuse, nor echo one.

declare module 'fastify' {
  interface FastifyInstance {
    /** CALLPLANE_PUBLIC_URL, when set. */
    publicUrl: URL | undefined;
  }
}

export function installPublicUrl(server: Server, publicUrl: URL | undefined): void {
  server.decorate('publicUrl', publicUrl);
}

const HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})?)*\.?|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/** The Host header as a URL (`http://host:port`), or undefined when it is missing or malformed. */
export function validHost(request: FastifyRequest): URL | undefined {
  const host = request.headers.host;
  if (typeof host !== 'string' || host.length > 260 || !HOST.test(host)) return undefined;
  try {
    return new URL(`${request.protocol}://${host}`);
  } catch {
    return undefined; // a port beyond 65535, an IPv6 address that is not one
  }
}

/** The base of this server's own URLs: the public URL, else the valid Host; 400 when neither. */
export function publicBase(request: FastifyRequest): URL {
  const configured = request.server.publicUrl;
  if (configured) return new URL(configured);
  const host = validHost(request);
  if (!host) throw badRequest('The Host header is not a valid host name or address.');
  return host;
}

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Whether the request was addressed to this machine by a loopback name, or by the configured public name. */
export function addressedToKnownName(request: FastifyRequest): boolean {
  const host = validHost(request);
  if (!host) return false;
  const name = host.hostname.toLowerCase().replace(/\.$/, '');
  return LOOPBACK_NAMES.has(name) || (request.server.publicUrl !== undefined && name === request.server.publicUrl.hostname.toLowerCase());
}
