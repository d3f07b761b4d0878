import { anyOf } from '../../domain/auth/scopes.ts';
import { badRequest } from '../../domain/errors.ts';
import type { WorkspaceService } from '../../domain/workspaces/workspace-service.ts';
import { operations } from '../../generated/webex/workspaces.ts';
import { offsetPageItems } from '../../http/pagination.ts';
import { sendEmpty } from '../../http/replies.ts';
import type { Server } from '../../http/types.ts';
import { webexRoute } from '../../http/webex-route.ts';
import { telephonyPaging } from '../telephony-config.ts';
import { presentWorkspace } from './workspaces.presenters.ts';

const read = anyOf('spark-admin:workspaces_read');
const write = anyOf('spark-admin:workspaces_write');
const MAX = 1000;

// Workspaces: list, create, get, update, delete, and their (sensor) capabilities.
export function workspaceRoutes(server: Server, deps: { workspaces: WorkspaceService }): void {
  const service = deps.workspaces;

  webexRoute(server, operations.listWorkspaces, {
    auth: read,
    handler: async (request, reply) => {
      const q = request.query;
      if (q.capacity !== undefined && !Number.isInteger(q.capacity)) throw badRequest('capacity must be a whole number.');
      const { max, start } = telephonyPaging(q, MAX);
      const page = await service.list(request.orgId, {
        locationId: q.locationId,
        workspaceLocationId: q.workspaceLocationId,
        floorId: q.floorId,
        displayName: q.displayName,
        capacity: q.capacity,
        type: q.type,
        calling: q.calling,
        supportedDevices: q.supportedDevices,
        max,
        start,
      });
      return { items: offsetPageItems(request, reply, page, max).map((w) => presentWorkspace(w, { includeDevices: q.includeDevices === true })) };
    },
  });

  webexRoute(server, operations.createWorkspace, {
    auth: write,
    handler: async (request, reply) => {
      const workspace = await service.create(request.orgId, (request.body ?? {}) as never);
      reply.code(201);
      return presentWorkspace(workspace);
    },
  });

  webexRoute(server, operations.getWorkspaceDetails, {
    auth: read,
    handler: async (request) => presentWorkspace(await service.get(request.orgId, request.params.workspaceId), { includeDevices: request.query.includeDevices === true }),
  });

  webexRoute(server, operations.updateWorkspace, {
    auth: write,
    handler: async (request) => presentWorkspace(await service.update(request.orgId, request.params.workspaceId, (request.body ?? {}) as never)),
  });

  webexRoute(server, operations.deleteWorkspace, {
    auth: write,
    handler: async (request, reply) => {
      await service.delete(request.orgId, request.params.workspaceId);
      sendEmpty(reply, 204);
    },
  });

  // Callplane's workspaces have no sensors: every capability is unsupported.
  webexRoute(server, operations.getWorkspaceCapabilities, {
    auth: read,
    handler: async (request) => {
      await service.get(request.orgId, request.params.workspaceId);
      const no = { supported: false, configured: false };
      return {
        capabilities: {
          occupancyDetection: no,
          presenceDetection: no,
          ambientNoise: no,
          soundLevel: no,
          temperature: no,
          airQuality: no,
          relativeHumidity: no,
        },
      };
    },
  });
}
