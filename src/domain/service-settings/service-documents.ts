import { LOCATION_EMERGENCY_CALL_NOTIFICATION, ORG_EMERGENCY_CALL_NOTIFICATION } from '../emergency-services/emergency-notification.ts';
import { CALLER_REPUTATION } from './caller-reputation.ts';
import type { SettingDefinition } from '../settings/setting-documents.ts';
import { LOCATION_CALL_CAPTIONS, LOCATION_DATA_POLICY, MS_TEAMS, ORG_CALL_CAPTIONS, ORG_DATA_POLICY, ORG_MUSIC_ON_HOLD } from './calling-service-documents.ts';

// The registries of the organization's and its calling locations' settings documents (one
// SettingsService each, owners in admin-owners.ts).

export const ORGANIZATION_DOCUMENTS: readonly SettingDefinition[] = [
  ORG_EMERGENCY_CALL_NOTIFICATION,
  ORG_CALL_CAPTIONS,
  ORG_MUSIC_ON_HOLD,
  ORG_DATA_POLICY,
  MS_TEAMS,
  CALLER_REPUTATION,
];

export const LOCATION_DOCUMENTS: readonly SettingDefinition[] = [LOCATION_EMERGENCY_CALL_NOTIFICATION, LOCATION_CALL_CAPTIONS, LOCATION_DATA_POLICY];
