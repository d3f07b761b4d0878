import type { HotDeskingMemberService } from '../../domain/devices/hot-desking-members.ts';
import { HOT_DESK_LINES } from '../../domain/devices/hot-desking-members.ts';
import { operations } from '../../generated/webex/features-hot-desking-members.ts';
import { offsetPageItems } from '../../http/pagination.ts';
import { sendEmpty } from '../../http/replies.ts';
import type { Server } from '../../http/types.ts';
import { webexRoute } from '../../http/webex-route.ts';
import { telephonyConfig, telephonyPaging } from '../telephony-config.ts';
import { presentAvailable, presentMember } from './device-call-settings.routes.ts';

// Features: Hot Desking Members — a person's hot desking guest profile lines, presented as a
// device's members are.
export function hotDeskingMemberRoutes(server: Server, deps: { hotDeskingMembers: HotDeskingMemberService }): void {
  const service = deps.hotDeskingMembers;

  webexRoute(server, operations.getHotDeskingMembers, {
    auth: telephonyConfig.read.auth,
    handler: async (request) => {
      const { members, holders } = await service.members(request.orgId, request.params.personId);
      return { members: members.map((m) => presentMember(m, holders.get(m.memberId)!)), maxLineCount: HOT_DESK_LINES };
    },
  });

  webexRoute(server, operations.updateHotDeskingMembers, {
    auth: telephonyConfig.write.auth,
    handler: async (request, reply) => {
      await service.update(request.orgId, request.params.personId, request.body?.members ?? []);
      sendEmpty(reply, 204);
    },
  });

  webexRoute(server, operations.searchAvailableHotDeskingMembers, {
    auth: telephonyConfig.read.auth,
    handler: async (request, reply) => {
      const { max, start } = telephonyPaging(request.query, 1000);
      const all = await service.available(request.orgId, request.params.personId, request.query);
      const page = { items: all.slice(start, start + max), ...(all.length > start + max ? { next: start + max } : {}) };
      return { members: offsetPageItems(request, reply, page, max).map((h) => presentAvailable(h, 'SHARED_LINE')) };
    },
  });
}
