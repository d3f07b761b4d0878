import { anyOf } from '../../domain/auth/scopes.ts';
import type { AlternateNumberService, NumbersUpdate } from '../../domain/lines/alternate-numbers.ts';
import { operations as user } from '../../generated/webex/user-call-settings.ts';
import { operations as ws } from '../../generated/webex/workspace-call-settings.ts';
import { sendEmpty } from '../../http/replies.ts';
import type { Server } from '../../http/types.ts';
import { webexRoute } from '../../http/webex-route.ts';
import { documentScopes } from '../person-settings/setting-routes.ts';

// Assign or unassign the alternate numbers of a person or a workspace: one rule for both owners
// (domain/lines/alternate-numbers.ts).
export function lineNumberRoutes(server: Server, deps: { alternateNumbers: AlternateNumberService }): void {
  const owners = [
    { operation: user.assignOrUnassignNumbersToAPerson, kind: 'person' as const, id: (p: Record<string, string>) => p.personId! },
    { operation: ws.assignOrUnassignNumbersAssociatedWithASpecificWorkspace, kind: 'workspace' as const, id: (p: Record<string, string>) => p.workspaceId! },
  ];
  for (const { operation, kind, id } of owners) {
    webexRoute(server, operation, {
      auth: anyOf(...documentScopes(operation.operationId)),
      handler: async (request, reply) => {
        await deps.alternateNumbers.assign(request.orgId, kind, id(request.params as Record<string, string>), (request.body ?? { phoneNumbers: [] }) as NumbersUpdate);
        sendEmpty(reply, 204);
      },
    });
  }
}
