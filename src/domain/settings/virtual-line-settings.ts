import { virtualLineOf } from '../virtual-lines/virtual-line-service.ts';
import { VOICEMAIL } from '../voicemail/voicemail-settings.ts';
import { AGENT_CALLER_ID } from './agent-caller-id.ts';
import {
  CALLER_ID,
  CALLER_ID_DELIVERY,
  INCOMING_PERMISSION,
  INTERCEPT,
  OUTGOING_ACCESS_CODES,
  OUTGOING_DIGIT_PATTERNS,
  OUTGOING_PERMISSION,
  OUTGOING_TRANSFER_NUMBERS,
  PRIVACY,
} from './permission-settings.ts';
import { MUSIC_ON_HOLD, OUTBOUND_BILLING_PLAN, PUSH_TO_TALK } from './person-config-settings.ts';
import { CALL_BRIDGE, CALL_FORWARDING, CALL_WAITING } from './person-settings.ts';
import type { SettingDefinition } from './setting-documents.ts';
import type { SettingOwners } from './settings-service.ts';
import { BARGE_IN, WORKSPACE_DO_NOT_DISTURB } from './workspace-settings.ts';

// A virtual line's settings documents: the same mechanism and the same definitions as a
// workspace's or a person's where the documents are the same (Do Not Disturb without a Webex Go
// override, as a workspace's; permissions, intercept, caller ID and voicemail, as a person's: the
// call engine reads them for the line as it does for a person). Caller ID delivery blocking is
// the For Me document a user carrying the line changes on its secondary line path.

export const VIRTUAL_LINE_SETTINGS: readonly SettingDefinition[] = [
  WORKSPACE_DO_NOT_DISTURB,
  CALL_WAITING,
  CALL_FORWARDING,
  CALL_BRIDGE,
  BARGE_IN,
  CALLER_ID,
  CALLER_ID_DELIVERY,
  INCOMING_PERMISSION,
  OUTGOING_PERMISSION,
  OUTGOING_ACCESS_CODES,
  OUTGOING_TRANSFER_NUMBERS,
  OUTGOING_DIGIT_PATTERNS,
  INTERCEPT,
  PRIVACY,
  PUSH_TO_TALK,
  MUSIC_ON_HOLD,
  OUTBOUND_BILLING_PLAN,
  VOICEMAIL,
  AGENT_CALLER_ID,
];

export const VIRTUAL_LINES: SettingOwners = {
  kind: 'virtualLine',
  async find(store, orgId, publicId) {
    const line = await virtualLineOf(store, orgId, publicId);
    return { owner: { kind: 'virtualLine', id: line.id, orgId, locationId: line.locationId } };
  },
};
