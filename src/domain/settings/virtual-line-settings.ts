import { virtualLineOf } from '../virtual-lines/virtual-line-service.ts';
import { CALL_BRIDGE, CALL_FORWARDING, CALL_WAITING } from './person-settings.ts';
import type { SettingDefinition } from './setting-documents.ts';
import type { SettingOwners } from './settings-service.ts';
import { BARGE_IN, WORKSPACE_DO_NOT_DISTURB } from './workspace-settings.ts';

// A virtual line's settings documents: the same mechanism and the same definitions as a
// workspace's where the documents are the same (Do Not Disturb without a Webex Go override).

export const VIRTUAL_LINE_SETTINGS: readonly SettingDefinition[] = [WORKSPACE_DO_NOT_DISTURB, CALL_WAITING, CALL_FORWARDING, CALL_BRIDGE, BARGE_IN];

export const VIRTUAL_LINES: SettingOwners = {
  kind: 'virtualLine',
  async find(store, orgId, publicId) {
    const line = await virtualLineOf(store, orgId, publicId);
    return { owner: { kind: 'virtualLine', id: line.id, orgId, locationId: line.locationId } };
  },
};
