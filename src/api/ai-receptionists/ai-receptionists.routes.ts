import { DEFAULT_TRANSPARENCY_MESSAGE, enginesFor, TEMPLATES, VOICES } from '../../domain/ai-receptionists/ai-receptionist-catalogue.ts';
import type { AiReceptionistService } from '../../domain/ai-receptionists/ai-receptionist-service.ts';
import type { IntentService } from '../../domain/ai-receptionists/intent-service.ts';
import type { LocationNumberService } from '../../domain/location-numbers/location-numbers-service.ts';
import { operations } from '../../generated/webex/ai-receptionist-for-webex-calling.ts';
import { offsetPageItems } from '../../http/pagination.ts';
import { sendEmpty } from '../../http/replies.ts';
import type { Server } from '../../http/types.ts';
import { webexRoute } from '../../http/webex-route.ts';
import { presentCandidate } from '../location-numbers/location-numbers.presenters.ts';
import { telephonyConfig, telephonyPaging } from '../telephony-config.ts';
import { aiReceptionistId, intentId, presentAiReceptionist, presentIntent, presentIntentItem, presentListItem, presentTemplate, presentTemplateItem } from './ai-receptionists.presenters.ts';

const read = telephonyConfig.read.auth;
const write = telephonyConfig.write.auth;
const MAX = 2000;

// AI Receptionist for Webex Calling: the receptionists of a location (list, create, get, update,
// delete, name validation), their intents, the number list, voices and templates, and the country
// check. Knowledge bases are in knowledge-bases.routes.ts.
export function aiReceptionistRoutes(server: Server, deps: { aiReceptionists: AiReceptionistService; aiReceptionistIntents: IntentService; locationNumbers: LocationNumberService }): void {
  const service = deps.aiReceptionists;
  const intents = deps.aiReceptionistIntents;

  webexRoute(server, operations.listAiReceptionists, {
    auth: read,
    handler: async (request, reply) => {
      const { locationId, name, phoneNumber } = request.query;
      const { max, start } = telephonyPaging(request.query, MAX);
      const { page, locations } = await service.list(request.orgId, { locationId, name, phoneNumber, max, start });
      return { aiReceptionists: offsetPageItems(request, reply, page, max).map((r) => presentListItem(r, locations.get(r.locationId))) };
    },
  });

  webexRoute(server, operations.validateAiReceptionistCountry, {
    auth: write,
    optionalBody: true,
    handler: async (request, reply) => {
      await service.validateCountry(request.orgId, request.body ?? {});
      sendEmpty(reply, 204);
    },
  });

  webexRoute(server, operations.listAiReceptionistTemplates, {
    auth: read,
    handler: async () => ({ defaultTransparencyMessage: DEFAULT_TRANSPARENCY_MESSAGE, templates: TEMPLATES.map(presentTemplateItem) }),
  });

  webexRoute(server, operations.getAiReceptionistTemplate, {
    auth: read,
    handler: async (request) => presentTemplate(service.template(request.params.templateId), DEFAULT_TRANSPARENCY_MESSAGE),
  });

  webexRoute(server, operations.createAiReceptionist, {
    auth: write,
    optionalBody: true,
    handler: async (request, reply) => {
      const receptionist = await service.create(request.orgId, request.params.locationId, request.body ?? {});
      reply.code(201);
      return { id: aiReceptionistId(receptionist.id) };
    },
  });

  webexRoute(server, operations.validateAiReceptionist, {
    auth: write,
    optionalBody: true,
    handler: async (request, reply) => {
      await service.validate(request.orgId, request.params.locationId, request.body?.name);
      sendEmpty(reply, 204);
    },
  });

  // Numbers nobody holds, as for an auto attendant's or hunt group's primary number.
  webexRoute(server, operations.listAiReceptionistAvailableNumbers, {
    auth: read,
    handler: async (request, reply) => {
      const { max, start } = telephonyPaging(request.query, MAX);
      const query = { ...(request.query.phoneNumber !== undefined ? { phoneNumber: request.query.phoneNumber } : {}), start, max };
      const page = await deps.locationNumbers.availableNumbers(request.orgId, request.params.locationId, 'huntGroup', query);
      return { phoneNumbers: offsetPageItems(request, reply, page, max).map((n) => presentCandidate('huntGroup', n)) } as never;
    },
  });

  webexRoute(server, operations.getAiReceptionistVoices, {
    auth: read,
    handler: async (request) => {
      const engines = enginesFor(await service.locationCountry(request.orgId, request.params.locationId));
      return {
        aiEngines: engines.map((name) => ({
          name,
          voices: VOICES.filter((v) => v.aiEngine === name).map(({ language, languageCode, displayName, isDefault, gender }) => ({ language, languageCode, displayName, isDefault, gender })),
        })),
      };
    },
  });

  webexRoute(server, operations.getAiReceptionist, {
    auth: read,
    handler: async (request) => {
      const { receptionist, location, intentCount, defaultTransferTo } = await service.get(request.orgId, request.params.locationId, request.params.aiReceptionistId);
      return presentAiReceptionist(receptionist, location, intentCount, defaultTransferTo);
    },
  });

  webexRoute(server, operations.updateAiReceptionist, {
    auth: write,
    optionalBody: true,
    handler: async (request, reply) => {
      await service.update(request.orgId, request.params.locationId, request.params.aiReceptionistId, request.body ?? {});
      sendEmpty(reply, 204);
    },
  });

  webexRoute(server, operations.deleteAiReceptionist, {
    auth: write,
    handler: async (request, reply) => {
      await service.delete(request.orgId, request.params.locationId, request.params.aiReceptionistId);
      sendEmpty(reply, 204);
    },
  });

  webexRoute(server, operations.listAiReceptionistIntents, {
    auth: read,
    handler: async (request) => ({ intents: (await intents.list(request.orgId, request.params.locationId, request.params.aiReceptionistId)).map(presentIntentItem) }),
  });

  webexRoute(server, operations.createAiReceptionistIntent, {
    auth: write,
    optionalBody: true,
    handler: async (request, reply) => {
      const intent = await intents.create(request.orgId, request.params.locationId, request.params.aiReceptionistId, request.body ?? {});
      reply.code(201);
      return { id: intentId(intent.id) };
    },
  });

  webexRoute(server, operations.getAiReceptionistIntent, {
    auth: read,
    handler: async (request) => {
      const { locationId, aiReceptionistId: id, intentId: intent } = request.params;
      return presentIntent(await intents.get(request.orgId, locationId, id, intent));
    },
  });

  webexRoute(server, operations.modifyAiReceptionistIntent, {
    auth: write,
    optionalBody: true,
    handler: async (request, reply) => {
      const { locationId, aiReceptionistId: id, intentId: intent } = request.params;
      await intents.update(request.orgId, locationId, id, intent, request.body ?? {});
      sendEmpty(reply, 204);
    },
  });

  webexRoute(server, operations.deleteAiReceptionistIntent, {
    auth: write,
    handler: async (request, reply) => {
      const { locationId, aiReceptionistId: id, intentId: intent } = request.params;
      await intents.delete(request.orgId, locationId, id, intent);
      sendEmpty(reply, 204);
    },
  });
}
