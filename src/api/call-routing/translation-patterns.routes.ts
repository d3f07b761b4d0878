import type { TestCallRouting } from '../../domain/call-routing/test-call-routing.ts';
import type { TranslationPatternService } from '../../domain/call-routing/translation-pattern-service.ts';
import { encodeId } from '../../domain/webex-ids.ts';
import { operations } from '../../generated/webex/call-routing.ts';
import { offsetPageItems } from '../../http/pagination.ts';
import { sendEmpty } from '../../http/replies.ts';
import type { Server } from '../../http/types.ts';
import { webexRoute } from '../../http/webex-route.ts';
import type { StoredTranslationPattern } from '../../store/translation-patterns-store.ts';
import { telephonyConfig, telephonyPaging } from '../telephony-config.ts';

const read = telephonyConfig.read.auth;
const write = telephonyConfig.write.auth;
const MAX = 1000;

const present = (p: StoredTranslationPattern) => ({
  id: encodeId('TRANSLATION_PATTERN', p.id),
  name: p.name,
  matchingPattern: p.matchingPattern,
  replacementPattern: p.replacementPattern,
});

// Call Routing's translation patterns (the organization's and a location's, registered from one
// table: they differ only by the location in the path) and testCallRouting.
export function translationPatternRoutes(server: Server, deps: { translationPatterns: TranslationPatternService; testCallRouting: TestCallRouting }): void {
  const service = deps.translationPatterns;

  webexRoute(server, operations.retrieveTheListOfTranslationPatterns, {
    auth: read,
    handler: async (request, reply) => {
      const { max, start } = telephonyPaging(request.query, MAX);
      const { page, locations } = await service.list(request.orgId, { ...request.query, max, start });
      return {
        translationPatterns: offsetPageItems(request, reply, page, max).map((p) => {
          const location = p.locationId ? locations.get(p.locationId) : undefined;
          return {
            ...present(p),
            level: p.locationId === null ? 'Organization' : 'Location',
            ...(location ? { location: { id: encodeId('LOCATION', location.id), name: location.name } } : {}),
          };
        }),
      };
    },
  });

  const levels = [
    {
      location: (_params: object): string | undefined => undefined,
      create: operations.createATranslationPatternForAnOrganization,
      get: operations.retrieveASpecificTranslationPatternForAnOrganization,
      modify: operations.modifyASpecificTranslationPatternForAnOrganization,
      remove: operations.deleteASpecificTranslationPattern,
    },
    {
      location: (params: object): string | undefined => (params as { locationId: string }).locationId,
      create: operations.createATranslationPatternForALocation,
      get: operations.retrieveASpecificTranslationPatternForALocation,
      modify: operations.modifyASpecificTranslationPatternForALocation,
      remove: operations.deleteASpecificTranslationPatternForALocation,
    },
  ];
  for (const level of levels) {
    webexRoute(server, level.create, {
      auth: write,
      handler: async (request, reply) => {
        const id = await service.create(request.orgId, level.location(request.params ?? {}), request.body ?? {});
        reply.code(201);
        return { id: encodeId('TRANSLATION_PATTERN', id) };
      },
    });
    webexRoute(server, level.get, {
      auth: read,
      handler: async (request) => present(await service.get(request.orgId, level.location(request.params), request.params.translationId)),
    });
    webexRoute(server, level.modify, {
      auth: write,
      handler: async (request, reply) => {
        await service.update(request.orgId, level.location(request.params), request.params.translationId, request.body ?? {});
        sendEmpty(reply, 204);
      },
    });
    webexRoute(server, level.remove, {
      auth: write,
      handler: async (request, reply) => {
        await service.delete(request.orgId, level.location(request.params), request.params.translationId);
        sendEmpty(reply, 204);
      },
    });
  }

  // Webex documents the test as needing the write scope, though it changes nothing.
  webexRoute(server, operations.testCallRouting, {
    auth: write,
    handler: async (request) => deps.testCallRouting.test(request.orgId, request.body!) as never,
  });
}
