import { randomInt, randomUUID } from 'node:crypto';
import { anyOf } from '../domain/auth/scopes.ts';
import { badRequest, notFound, WebexError } from '../domain/errors.ts';
import { fullAdmin, principalOf } from '../http/auth.ts';
import { sendEmpty } from '../http/replies.ts';
import type { Server } from '../http/types.ts';
import { CreateFault, DeleteFault, DeleteFaults, GetFault, ListFaults, MAX_FAULTS_PER_ORGANIZATION, type FaultInput } from './faults.schemas.ts';

// Faults the sandbox injects into Webex API answers, so that users can test their clients' retry
// logic: a matching /v1 request of the fault's organization answers 429 or a 5xx (with Webex's
// error body), or answers late. Each fault draws from its own seeded generator on every request it
// matches, so the same seed gives the same sequence of faulted and spared requests. Faults live in
// the process's memory: they do not survive a restart, and each process of a PostgreSQL
// deployment has its own (as rate limits do). /sandbox and /healthz are never faulted.

/** mulberry32: a small, well-mixed 32-bit generator; the same seed gives the same numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Which requests a fault's path matches. Segments are compared with the route's pattern as
 * Fastify holds it (`/v1/people/:personId`): `{name}` matches a path parameter, a literal matches
 * the same literal or the concrete value of a parameter, and a trailing `*` matches the rest.
 */
export class PathPattern {
  private readonly segments: string[];
  private readonly prefix: boolean;

  constructor(path: string) {
    const segments = path.replace(/\/+$/, '').split('/');
    this.prefix = segments.at(-1) === '*';
    this.segments = this.prefix ? segments.slice(0, -1) : segments;
  }

  /** routeUrl is the route's pattern, path the request's concrete path (without the query). */
  matches(routeUrl: string, path: string): boolean {
    const route = routeUrl.split('/');
    const concrete = path.split('/');
    if (this.prefix ? route.length < this.segments.length : route.length !== this.segments.length) return false;
    return this.segments.every((segment, i) => {
      const routeSegment = route[i]!;
      if (/^\{[^/{}]*\}$/.test(segment)) return routeSegment.startsWith(':');
      if (segment === routeSegment) return true;
      return routeSegment.startsWith(':') && safeDecode(concrete[i] ?? '') === segment;
    });
  }
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

type FaultRule = {
  id: string;
  input: FaultInput;
  pattern: PathPattern;
  probability: number;
  seed: number;
  next: () => number;
  matched: number;
  injected: number;
  created: string;
};

/** What a request meets: a delay, then maybe a fault status instead of the route. */
export type FaultDecision = { latencyMs: number; fault?: { id: string; status: number; retryAfter: number | undefined } };

export class FaultInjector {
  private readonly byOrganization = new Map<string, FaultRule[]>();
  /** The Webex API routes of the server (method, pattern), to refuse a fault that matches none. */
  private readonly routes: { method: string; url: string }[] = [];

  knowRoute(method: string, url: string): void {
    if (url.startsWith('/v1/')) this.routes.push({ method, url });
  }

  add(orgId: string, input: FaultInput): ReturnType<typeof view> {
    if (input.status === undefined && input.latencyMs === undefined) {
      throw badRequest('A fault needs a status (429 or a 5xx), a latencyMs, or both.');
    }
    if (input.retryAfter !== undefined && input.status === undefined) throw badRequest('retryAfter goes with a status.');
    const pattern = new PathPattern(input.path);
    // A pattern matches a route by its own shape; a concrete path, by its values.
    const served = this.routes.some((r) => methodMatches(input.method, r.method) && (pattern.matches(r.url, r.url) || pattern.matches(r.url, input.path)));
    if (this.routes.length > 0 && !served) throw badRequest(`${input.method ?? 'Any method'} ${input.path} matches no route of the Webex API served here.`);
    const faults = this.byOrganization.get(orgId) ?? [];
    if (faults.length >= MAX_FAULTS_PER_ORGANIZATION) {
      throw badRequest(`An organization has at most ${MAX_FAULTS_PER_ORGANIZATION} faults; remove some first.`);
    }
    const seed = input.seed ?? randomInt(0, 2 ** 32 - 1);
    const rule: FaultRule = {
      id: randomUUID(),
      input,
      pattern,
      probability: input.probability ?? 1,
      seed,
      next: seededRandom(seed),
      matched: 0,
      injected: 0,
      created: new Date().toISOString(),
    };
    faults.push(rule);
    this.byOrganization.set(orgId, faults);
    return view(rule);
  }

  list(orgId: string) {
    return (this.byOrganization.get(orgId) ?? []).map(view);
  }

  get(orgId: string, id: string) {
    const rule = this.byOrganization.get(orgId)?.find((r) => r.id === id);
    if (!rule) throw notFound('Fault not found.');
    return view(rule);
  }

  remove(orgId: string, id: string): void {
    const faults = this.byOrganization.get(orgId) ?? [];
    const at = faults.findIndex((r) => r.id === id);
    if (at < 0) throw notFound('Fault not found.');
    faults.splice(at, 1);
    if (faults.length === 0) this.byOrganization.delete(orgId);
  }

  clear(orgId: string): void {
    this.byOrganization.delete(orgId);
  }

  /** Every organization's faults (the sandbox reset). */
  clearAll(): void {
    this.byOrganization.clear();
  }

  /**
   * Every active fault of the organization that matches draws once, in the order the faults were
   * made, so each one's sequence depends only on the requests it matches. The delays of those that
   * fire add up; the first of them with a status gives the answer.
   */
  decide(orgId: string, method: string, routeUrl: string, path: string): FaultDecision | undefined {
    const faults = this.byOrganization.get(orgId);
    if (!faults) return undefined;
    let decision: FaultDecision | undefined;
    for (const rule of faults) {
      const { input } = rule;
      if (input.count !== undefined && rule.injected >= input.count) continue;
      if (!methodMatches(input.method, method) || !rule.pattern.matches(routeUrl, path)) continue;
      rule.matched++;
      if (!(rule.next() < rule.probability)) continue;
      rule.injected++;
      decision ??= { latencyMs: 0 };
      decision.latencyMs += input.latencyMs ?? 0;
      if (input.status !== undefined && !decision.fault) {
        decision.fault = { id: rule.id, status: input.status, retryAfter: input.retryAfter ?? (input.status === 429 ? 1 : undefined) };
      }
    }
    return decision;
  }
}

const methodMatches = (wanted: string | undefined, method: string) => wanted === undefined || wanted === method || (wanted === 'GET' && method === 'HEAD');

function view(rule: FaultRule) {
  const { input } = rule;
  return {
    id: rule.id,
    ...(input.method !== undefined ? { method: input.method } : {}),
    path: input.path,
    ...(input.status !== undefined ? { status: input.status } : {}),
    ...(input.status === 429 || input.retryAfter !== undefined ? { retryAfter: input.retryAfter ?? 1 } : {}),
    ...(input.latencyMs !== undefined ? { latencyMs: input.latencyMs } : {}),
    probability: rule.probability,
    seed: rule.seed,
    ...(input.count !== undefined ? { count: input.count } : {}),
    matched: rule.matched,
    injected: rule.injected,
    active: input.count === undefined || rule.injected < input.count,
    created: rule.created,
  };
}

const MESSAGES: Record<number, string> = {
  429: 'Too many requests: retry after the time in the Retry-After header.',
  500: 'Something went wrong on the server. If the issue persists, quote the trackingId.',
  502: 'Bad gateway: a service behind this one answered badly. Try again later.',
  503: 'The service is temporarily unavailable. Try again later.',
  504: 'A service behind this one did not answer in time. Try again later.',
};

/** The answer of a fired fault: Webex's error body, marked with the fault's id in a header. */
function faultError(fault: NonNullable<FaultDecision['fault']>): WebexError {
  const headers: Record<string, string> = { 'X-Callplane-Fault': fault.id };
  if (fault.retryAfter !== undefined) headers['Retry-After'] = String(fault.retryAfter);
  const message = MESSAGES[fault.status] ?? 'The server could not complete the request. Try again later.';
  return new WebexError(fault.status, message, { headers });
}

/**
 * Applies the injector's faults. Registered after authentication, so the request's organization
 * is known, and before the body is read: a faulted request never reaches its route.
 */
export function installFaults(server: Server, faults: FaultInjector): void {
  server.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) faults.knowRoute(method, route.url);
  });
  // A callback hook: most requests meet no fault, and pay no promise for it (issue 17).
  server.addHook('onRequest', (request, _reply, done) => {
    const routeUrl = request.routeOptions.url;
    // Only the Webex API, and only requests whose token passed the route's auth.
    if (!request.principal || request.authFailure || routeUrl === undefined || !routeUrl.startsWith('/v1/')) return done();
    const path = request.url.split('?')[0]!;
    const decision = faults.decide(request.principal.orgId, request.method, routeUrl, path);
    if (!decision) return done();
    const settle = () => done(decision.fault ? faultError(decision.fault) : undefined);
    if (decision.latencyMs > 0) setTimeout(settle, decision.latencyMs);
    else settle();
  });
}

const orgOfFullAdmin = (request: Parameters<typeof principalOf>[0]): string => principalOf(request).orgId;

/**
 * The sandbox API that sets faults up, under /sandbox/v1/faults: a full administrator's, reading
 * with spark-admin:organizations_read, changing with spark-admin:telephony_config_write.
 */
export function faultRoutes(server: Server, deps: { faults: FaultInjector }): void {
  const { faults } = deps;
  const config = fullAdmin(anyOf('spark-admin:organizations_read'));
  const write = fullAdmin(anyOf('spark-admin:telephony_config_write'));

  server.post('/sandbox/v1/faults', { schema: CreateFault, config: write }, async (request, reply) => {
    const fault = faults.add(orgOfFullAdmin(request), request.body);
    reply.code(201);
    return fault;
  });

  server.get('/sandbox/v1/faults', { schema: ListFaults, config }, async (request) => ({ items: faults.list(orgOfFullAdmin(request)) }));

  server.get('/sandbox/v1/faults/:faultId', { schema: GetFault, config }, async (request) => faults.get(orgOfFullAdmin(request), request.params.faultId));

  server.delete('/sandbox/v1/faults/:faultId', { schema: DeleteFault, config: write }, async (request, reply) => {
    faults.remove(orgOfFullAdmin(request), request.params.faultId);
    sendEmpty(reply, 204);
  });

  server.delete('/sandbox/v1/faults', { schema: DeleteFaults, config: write }, async (request, reply) => {
    faults.clear(orgOfFullAdmin(request));
    sendEmpty(reply, 204);
  });
}
