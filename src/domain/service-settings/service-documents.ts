import { LOCATION_EMERGENCY_CALL_NOTIFICATION, ORG_EMERGENCY_CALL_NOTIFICATION } from '../emergency-services/emergency-notification.ts';
import type { SettingDefinition } from '../settings/setting-documents.ts';

// The registries of the organization's and its calling locations' settings documents (one
// SettingsService each, owners in admin-owners.ts).

export const ORGANIZATION_DOCUMENTS: readonly SettingDefinition[] = [ORG_EMERGENCY_CALL_NOTIFICATION];

export const LOCATION_DOCUMENTS: readonly SettingDefinition[] = [LOCATION_EMERGENCY_CALL_NOTIFICATION];
