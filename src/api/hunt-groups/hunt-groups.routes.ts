import type { HuntGroupService } from '../../domain/hunt-groups/hunt-group-service.ts';
import { operations } from '../../generated/webex/features-hunt-group.ts';
import { offsetPageItems } from '../../http/pagination.ts';
import { sendEmpty } from '../../http/replies.ts';
import type { Server } from '../../http/types.ts';
import { webexRoute } from '../../http/webex-route.ts';
import { telephonyConfig, telephonyPaging } from '../telephony-config.ts';
import { huntGroupId, presentHuntGroup, presentListItem } from './hunt-groups.presenters.ts';

const read = telephonyConfig.read.auth;
const write = telephonyConfig.write.auth;
const MAX = 2000;

// Features: Hunt Group — the hunt group itself (list, create, get, update, delete). Creating
// answers 200 {id}, as the document says.
export function huntGroupRoutes(server: Server, deps: { huntGroups: HuntGroupService }): void {
  const service = deps.huntGroups;

  webexRoute(server, operations.listHuntGroups, {
    auth: read,
    handler: async (request, reply) => {
      const { locationId, name, phoneNumber } = request.query;
      const { max, start } = telephonyPaging(request.query, MAX);
      const { page, locations } = await service.list(request.orgId, { locationId, name, phoneNumber, max, start });
      return { huntGroups: offsetPageItems(request, reply, page, max).map((g) => presentListItem(g, locations.get(g.locationId))) };
    },
  });

  webexRoute(server, operations.createHuntGroup, {
    auth: write,
    handler: async (request) => {
      const group = await service.create(request.orgId, request.params.locationId, request.body);
      return { id: huntGroupId(group.id) };
    },
  });

  webexRoute(server, operations.getHuntGroup, {
    auth: read,
    handler: async (request) => presentHuntGroup(await service.get(request.orgId, request.params.locationId, request.params.huntGroupId)),
  });

  webexRoute(server, operations.updateHuntGroup, {
    auth: write,
    handler: async (request, reply) => {
      await service.update(request.orgId, request.params.locationId, request.params.huntGroupId, request.body);
      sendEmpty(reply, 204);
    },
  });

  webexRoute(server, operations.deleteHuntGroup, {
    auth: write,
    handler: async (request, reply) => {
      await service.delete(request.orgId, request.params.locationId, request.params.huntGroupId);
      sendEmpty(reply, 204);
    },
  });
}
