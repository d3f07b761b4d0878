import type { FastifyReply, FastifyRequest } from 'fastify';
import { anyOf } from '../../domain/auth/scopes.ts';
import { badRequest, forbidden } from '../../domain/errors.ts';
import type { SecondaryLineService } from '../../domain/for-me/secondary-lines.ts';
import type { SettingDocument } from '../../domain/settings/setting-documents.ts';
import type { SettingsService } from '../../domain/settings/settings-service.ts';
import { decodeId } from '../../domain/webex-ids.ts';
import { catalogue } from '../../generated/webex/catalogue.ts';
import { principalOf } from '../../http/auth.ts';
import { sendEmpty } from '../../http/replies.ts';
import type { Server } from '../../http/types.ts';
import { webexRoute, type WebexOperation } from '../../http/webex-route.ts';
import { myLine } from '../for-me/my-line.ts';

// The one route helper for settings documents: given the GET/PUT operations of a setting (from the
// generated layer), serves the document of a person — any person of the organization on the admin
// paths (/v1/people/{personId}/features/…, /v1/telephony/config/people/{personId}/…), the token's
// own person (or a secondary line of theirs) on the Call Settings For Me paths
// (/v1/telephony/config/people/me/…). Requests and
// answers are checked by the operations' own schemas; the setting's rules live in the domain.

/** `present`: what the For Me shape adds to the stored document (fields the line's kind may lack). */
export type SettingPair = { setting: string; get: WebexOperation; put?: WebexOperation; present?: (doc: Record<string, unknown>) => Record<string, unknown> };

// By operation ID, built on first use: a linear search of the catalogue for each of several hundred
// routes was a visible part of every app's start.
let scopesByOperation: Map<string, readonly string[]> | undefined;

/** The scopes Cisco's document names for an operation. */
export function documentScopes(operationId: string): string[] {
  if (!scopesByOperation) {
    scopesByOperation = new Map();
    // The first row of an ID wins, as the search did (IDs are unique within a document, not across).
    for (const r of catalogue) if (!scopesByOperation.has(r[2])) scopesByOperation.set(r[2], r[6]);
  }
  return [...(scopesByOperation.get(operationId) ?? [])];
}

type JsonSchema = { properties?: Record<string, JsonSchema>; items?: JsonSchema };

/**
 * The body with only the fields the operation's schema names (Webex ignores others): a settings
 * document stores what Webex would, and an unknown field, however deep, is never kept.
 */
export function knownFields(value: unknown, schema: JsonSchema | undefined): unknown {
  if (!schema) return value;
  if (Array.isArray(value)) return schema.items ? value.map((v) => knownFields(v, schema.items)) : value;
  if (typeof value !== 'object' || value === null || !schema.properties) return value;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema.properties)) {
    if (Object.hasOwn(value, key)) out[key] = knownFields((value as Record<string, unknown>)[key], field);
  }
  return out;
}

export const bodyOf = (request: FastifyRequest, put: WebexOperation) => knownFields(request.body ?? {}, put.body as JsonSchema | undefined) as SettingDocument;

const isAdminScope = (scope: string) => scope.startsWith('spark-admin:');

/**
 * Who the admin paths act on. A user scope the document allows (spark:people_read on some of them)
 * lets a person read or change only their own settings.
 */
export function personOnAdminPath(request: FastifyRequest, scopes: readonly string[]): string {
  const personId = (request.params as { personId: string }).personId;
  const principal = principalOf(request);
  const asAdmin = scopes.some((s) => isAdminScope(s) && principal.scopes.has(s));
  if (!asAdmin && decodeId(personId, 'PEOPLE') !== principal.personId) throw forbidden();
  return personId;
}

/** An admin path: a person of the organization named in the path, with `orgId`. */
export function personSettingRoutes(server: Server, deps: { settings: SettingsService }, pair: SettingPair): void {
  const { setting, get, put } = pair;
  const readScopes = documentScopes(get.operationId);
  webexRoute(server, get, {
    auth: anyOf(...readScopes),
    handler: (async (request: FastifyRequest) => deps.settings.get(request.orgId, personOnAdminPath(request, readScopes), setting)) as never,
  });
  if (!put) return;
  const writeScopes = documentScopes(put.operationId);
  webexRoute(server, put, {
    auth: anyOf(...writeScopes),
    handler: (async (request: FastifyRequest, reply: FastifyReply) => {
      await deps.settings.update(request.orgId, personOnAdminPath(request, writeScopes), setting, bodyOf(request, put));
      sendEmpty(reply, 204);
    }) as never,
  });
}

/** What a Call Settings For Me path needs: whose line it acts on, and the settings of that owner's kind. */
export type MySettingDeps = { settings: SettingsService; workspaceSettings: SettingsService; virtualLineSettings: SettingsService; secondaryLines: SecondaryLineService };

/**
 * A Call Settings For Me path: the token's own person, or on a secondary line path the owner of a
 * line they carry (a person, a workspace or a virtual line: that kind's document). The document names
 * spark:telephony_config_* scopes; a person's calling token (spark:calls_read / spark:calls_write)
 * is accepted as well.
 */
export function mySettingRoutes(server: Server, deps: MySettingDeps, pair: SettingPair): void {
  const { setting, get, put } = pair;
  const line = async (request: FastifyRequest) => {
    const owner = await myLine(deps.secondaryLines, request);
    const settings = owner.kind === 'person' ? deps.settings : owner.kind === 'workspace' ? deps.workspaceSettings : deps.virtualLineSettings;
    if (!settings.has(setting)) throw badRequest(`${get.path.split('/').at(-1)} is not a setting of a ${owner.kind === 'workspace' ? "workspace's" : "virtual line's"} line.`);
    return { settings, owner };
  };
  webexRoute(server, get, {
    auth: anyOf(...documentScopes(get.operationId), 'spark:calls_read'),
    handler: (async (request: FastifyRequest) => {
      const { settings, owner } = await line(request);
      const doc = await settings.get(owner.orgId, owner.id, setting);
      return pair.present ? pair.present(doc) : doc;
    }) as never,
  });
  if (!put) return;
  webexRoute(server, put, {
    auth: anyOf(...documentScopes(put.operationId), 'spark:calls_write'),
    handler: (async (request: FastifyRequest, reply: FastifyReply) => {
      const { settings, owner } = await line(request);
      await settings.update(owner.orgId, owner.id, setting, bodyOf(request, put));
      sendEmpty(reply, 204);
    }) as never,
  });
}

/**
 * The admin paths of another owner kind (a workspace, a virtual line), named by `param` in the
 * path: the settings service of that kind finds the owner. The document's own scopes apply, or
 * `fallback` where the document names none (an operation without scopes would let anyone in).
 */
export function ownerSettingRoutes(server: Server, settings: SettingsService, pair: SettingPair, param: string, fallback: { read: string; write: string }): void {
  const { setting, get, put } = pair;
  const ownerId = (request: FastifyRequest) => (request.params as Record<string, string>)[param]!;
  const scopes = (operationId: string, otherwise: string) => {
    const named = documentScopes(operationId);
    return named.length > 0 ? named : [otherwise];
  };
  webexRoute(server, get, {
    auth: anyOf(...scopes(get.operationId, fallback.read)),
    handler: (async (request: FastifyRequest) => settings.get(request.orgId, ownerId(request), setting)) as never,
  });
  if (!put) return;
  webexRoute(server, put, {
    auth: anyOf(...scopes(put.operationId, fallback.write)),
    handler: (async (request: FastifyRequest, reply: FastifyReply) => {
      await settings.update(request.orgId, ownerId(request), setting, bodyOf(request, put));
      sendEmpty(reply, 204);
    }) as never,
  });
}
