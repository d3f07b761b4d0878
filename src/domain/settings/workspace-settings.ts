import { callingWorkspaceOf } from '../workspaces/workspace-service.ts';
import { CALL_BRIDGE, CALL_FORWARDING, CALL_WAITING } from './person-settings.ts';
import type { SettingDefinition } from './setting-documents.ts';
import type { SettingOwners } from './settings-service.ts';

// A workspace's settings documents: the same mechanism and, where the documents are the same as a
// person's, the same definitions (forwarding, call waiting). Webex's defaults for a new workspace.

/** A workspace's Do Not Disturb has no Webex Go override (no mobile device). */
export const WORKSPACE_DO_NOT_DISTURB: SettingDefinition = {
  key: 'doNotDisturb',
  defaults: { enabled: false, ringSplashEnabled: false },
  changesCalls: true,
};

// Configuration only: the simulator has no anonymous callers to reject and no barge-in feature
// access code yet, so these change no simulated call.
export const ANONYMOUS_CALL_REJECT: SettingDefinition = { key: 'anonymousCallReject', defaults: { enabled: false }, changesCalls: false };

export const BARGE_IN: SettingDefinition = { key: 'bargeIn', defaults: { enabled: false, toneEnabled: false }, changesCalls: false };

export const WORKSPACE_SETTINGS: readonly SettingDefinition[] = [WORKSPACE_DO_NOT_DISTURB, CALL_WAITING, CALL_FORWARDING, CALL_BRIDGE, ANONYMOUS_CALL_REJECT, BARGE_IN];

/** Workspaces with a Webex Calling line own call settings; any other is a 404. */
export const WORKSPACES: SettingOwners = {
  kind: 'workspace',
  async find(store, orgId, publicId) {
    const workspace = await callingWorkspaceOf(store, orgId, publicId);
    return { owner: { kind: 'workspace', id: workspace.id, orgId, locationId: workspace.callingLocationId! } };
  },
};
