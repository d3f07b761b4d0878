import type { FastifyReply, FastifyRequest } from 'fastify';
import { anyOf } from '../../domain/auth/scopes.ts';
import type { ItemCollection, SettingItemsService } from '../../domain/settings/setting-items.ts';
import { encodeId } from '../../domain/webex-ids.ts';
import { principalOf } from '../../http/auth.ts';
import { sendEmpty } from '../../http/replies.ts';
import type { Server } from '../../http/types.ts';
import { webexRoute, type WebexOperation } from '../../http/webex-route.ts';
import { bodyOf, documentScopes, personOnAdminPath } from './setting-routes.ts';

// The one route helper for the sub-items of a settings document (criteria, single number reach
// numbers, blocked numbers): POST adds one, GET/PUT/DELETE act on one by the ID in the path's last
// parameter. On admin paths the person is the path's; on Call Settings For Me paths, the token's;
// for another owner kind (a workspace), the one its path parameter names, found by the items
// service's own settings.

export type ItemOperations = {
  collection: ItemCollection;
  create?: WebexOperation;
  get?: WebexOperation;
  update?: WebexOperation;
  delete?: WebexOperation;
};

/** Whose items: the path's person, the token's person, or the owner named by a path parameter. */
type Mode = 'admin' | 'me' | { param: string };
type Deps = { items: SettingItemsService };

/** The path's item ID parameter: its last {…}. */
const idParam = (op: WebexOperation) => [...op.path.matchAll(/\{(\w+)\}/g)].at(-1)![1]!;

function scopesFor(op: WebexOperation, mode: Mode): string[] {
  const scopes = documentScopes(op.operationId);
  if (typeof mode === 'object' && scopes.length === 0) throw new Error(`${op.operationId} names no scopes`);
  return mode === 'me' ? [...scopes, op.method === 'GET' ? 'spark:calls_read' : 'spark:calls_write'] : scopes;
}

function ownerOf(request: FastifyRequest, mode: Mode, scopes: readonly string[]): { orgId: string; personId: string } {
  if (typeof mode === 'object') return { orgId: request.orgId, personId: (request.params as Record<string, string>)[mode.param]! };
  if (mode === 'admin') return { orgId: request.orgId, personId: personOnAdminPath(request, scopes) };
  const principal = principalOf(request);
  return { orgId: principal.orgId, personId: encodeId('PEOPLE', principal.personId) };
}

/** Answers an {id} with the operation's own success status, or nothing (204). */
function answerId(op: WebexOperation, reply: FastifyReply, id: string) {
  const status = Object.keys(op.response).map(Number).find((s) => s >= 200 && s < 300) ?? 204;
  if (status === 204) return sendEmpty(reply, 204);
  reply.code(status);
  return { id };
}

/** A workspace's selective forward paths call a criterion's numbers `numbers`, where a person's say phoneNumbers. */
function inPathFields(op: WebexOperation, item: Record<string, unknown>): Record<string, unknown> {
  const shown = (op.response[200] as { properties?: Record<string, unknown> } | undefined)?.properties ?? {};
  if (!('numbers' in shown) || 'phoneNumbers' in shown || item.phoneNumbers === undefined) return item;
  const { phoneNumbers, ...rest } = item;
  return { ...rest, numbers: phoneNumbers };
}

/**
 * GROUP and LOCATION both name the schedules of the person's location; each path of Webex's uses
 * one word of the two, so a criterion reads with the word of the path that reads it.
 */
function inPathWords(op: WebexOperation, item: Record<string, unknown>): Record<string, unknown> {
  const level = item.scheduleLevel;
  if (level !== 'GROUP' && level !== 'LOCATION') return item;
  const allowed = (op.response[200] as { properties?: { scheduleLevel?: { enum?: string[] } } } | undefined)?.properties?.scheduleLevel?.enum ?? [];
  return allowed.includes(level) ? item : { ...item, scheduleLevel: level === 'GROUP' ? 'LOCATION' : 'GROUP' };
}

export function settingItemRoutes(server: Server, deps: Deps, mode: Mode, ops: ItemOperations): void {
  const { collection } = ops;
  if (ops.create) {
    const op = ops.create;
    const scopes = scopesFor(op, mode);
    webexRoute(server, op, {
      auth: anyOf(...scopes),
      handler: (async (request: FastifyRequest, reply: FastifyReply) => {
        const { orgId, personId } = ownerOf(request, mode, scopes);
        return answerId(op, reply, await deps.items.create(orgId, personId, collection, bodyOf(request, op)));
      }) as never,
    });
  }
  if (ops.get) {
    const op = ops.get;
    const scopes = scopesFor(op, mode);
    webexRoute(server, op, {
      auth: anyOf(...scopes),
      handler: (async (request: FastifyRequest) => {
        const { orgId, personId } = ownerOf(request, mode, scopes);
        return inPathFields(op, inPathWords(op, await deps.items.get(orgId, personId, collection, (request.params as Record<string, string>)[idParam(op)]!)));
      }) as never,
    });
  }
  if (ops.update) {
    const op = ops.update;
    const scopes = scopesFor(op, mode);
    webexRoute(server, op, {
      auth: anyOf(...scopes),
      handler: (async (request: FastifyRequest, reply: FastifyReply) => {
        const { orgId, personId } = ownerOf(request, mode, scopes);
        const id = await deps.items.update(orgId, personId, collection, (request.params as Record<string, string>)[idParam(op)]!, bodyOf(request, op));
        return answerId(op, reply, id);
      }) as never,
    });
  }
  if (ops.delete) {
    const op = ops.delete;
    const scopes = scopesFor(op, mode);
    webexRoute(server, op, {
      auth: anyOf(...scopes),
      handler: (async (request: FastifyRequest, reply: FastifyReply) => {
        const { orgId, personId } = ownerOf(request, mode, scopes);
        await deps.items.delete(orgId, personId, collection, (request.params as Record<string, string>)[idParam(op)]!);
        sendEmpty(reply, 204);
      }) as never,
    });
  }
}
