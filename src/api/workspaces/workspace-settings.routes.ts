import { anyOf } from '../../domain/auth/scopes.ts';
import type { SettingsService } from '../../domain/settings/settings-service.ts';
import { encodeId } from '../../domain/webex-ids.ts';
import { callingWorkspaceOf } from '../../domain/workspaces/workspace-service.ts';
import { operations as ws } from '../../generated/webex/workspace-call-settings.ts';
import type { Server } from '../../http/types.ts';
import { webexRoute } from '../../http/webex-route.ts';
import type { Store } from '../../store/store.ts';
import { ownerSettingRoutes, type SettingPair } from '../person-settings/setting-routes.ts';

// Workspace Call Settings served by the one settings mechanism (domain/settings/workspace-settings.ts),
// and the workspace's numbers.

export const WORKSPACE_SETTING_PAIRS: readonly SettingPair[] = [
  { setting: 'doNotDisturb', get: ws.retrieveDoNotDisturbSettingsForAWorkspace, put: ws.modifyDoNotDisturbSettingsForAWorkspace },
  { setting: 'callWaiting', get: ws.retrieveCallWaitingSettingsForAWorkspace, put: ws.modifyCallWaitingSettingsForAWorkspace },
  { setting: 'callForwarding', get: ws.retrieveCallForwardingSettingsForAWorkspace, put: ws.modifyCallForwardingSettingsForAWorkspace },
  { setting: 'callBridge', get: ws.retrieveCallBridgeWarningToneSettingsForAWorkspace, put: ws.modifyCallBridgeWarningToneSettingsForAWorkspace },
  { setting: 'anonymousCallReject', get: ws.retrieveAnonymousCallSettingsForAWorkspace, put: ws.modifyAnonymousCallSettingsForAWorkspace },
  { setting: 'bargeIn', get: ws.retrieveBargeInCallSettingsForAWorkspace, put: ws.modifyBargeInCallSettingsForAWorkspace },
];

export function workspaceSettingsRoutes(server: Server, deps: { workspaceSettings: SettingsService; store: Store }): void {
  for (const pair of WORKSPACE_SETTING_PAIRS) ownerSettingRoutes(server, deps.workspaceSettings, pair, 'workspaceId', {
      read: 'spark-admin:workspaces_read',
      write: 'spark-admin:workspaces_write',
    });

  webexRoute(server, ws.listNumbersAssociatedWithASpecificWorkspace, {
    auth: anyOf('spark-admin:workspaces_read'),
    handler: async (request) => {
      const workspace = await callingWorkspaceOf(deps.store, request.orgId, request.params.workspaceId);
      const [location, org] = await Promise.all([deps.store.locations.get(request.orgId, workspace.callingLocationId!), deps.store.organizations.get(request.orgId)]);
      const prefix = location?.routingPrefix ?? null;
      return {
        distinctiveRingEnabled: false,
        phoneNumbers: [
          {
            ...(workspace.phoneNumber ? { external: workspace.phoneNumber } : {}),
            ...(workspace.extension ? { extension: workspace.extension } : {}),
            ...(workspace.extension && prefix ? { routingPrefix: prefix, esn: `${prefix}${workspace.extension}` } : {}),
            primary: true,
          },
        ],
        workspace: { id: encodeId('PLACE', workspace.id) },
        location: { id: encodeId('LOCATION', workspace.callingLocationId!), name: location?.name ?? '' },
        organization: { id: encodeId('ORGANIZATION', request.orgId), name: org?.displayName ?? '' },
      };
    },
  });
}
