import type { Generated } from 'kysely';
import type { AnnouncementTables } from './tables/announcements.ts';
import type { CallRoutingTables } from './tables/call-routing.ts';
import type { CallTables } from './tables/calls.ts';
import type { WebhookTables } from './tables/webhooks.ts';
import type { OAuthTables } from './tables/oauth.ts';
import type { LocationCallingTables } from './tables/location-calling.ts';
import type { LocationNumberTables } from './tables/location-numbers.ts';
import type { ReceptionistContactTables } from './tables/receptionist-contacts.ts';
import type { OwnerSettingsTables } from './tables/owner-settings.ts';
import type { LocationFloorTables } from './tables/location-floors.ts';
import type { HotdeskSessionTables } from './tables/hotdesk-sessions.ts';
import type { CallNotificationTables } from './tables/call-notifications.ts';
import type { ScheduleTables } from './tables/schedules.ts';
import type { CallRecordTables } from './tables/call-records.ts';
import type { ReportTables } from './tables/reports.ts';
import type { CallRecordingTables } from './tables/call-recordings.ts';
import type { HuntGroupTables } from './tables/hunt-groups.ts';
import type { VoicemailGroupTables, VoicemailTables } from './tables/voicemail.ts';
import type { CallQueueTables } from './tables/call-queues.ts';
import type { AutoAttendantTables } from './tables/auto-attendants.ts';
import type { VirtualExtensionTables } from './tables/virtual-extensions.ts';
import type { CallParkPickupTables } from './tables/call-park-pickup.ts';
import type { PagingGroupTables } from './tables/paging-groups.ts';
import type { WorkspaceTables } from './tables/workspaces.ts';
import type { DectTables, DeviceTables } from './tables/devices.ts';
import type { VirtualLineTables } from './tables/virtual-lines.ts';
import type { AiReceptionistTables } from './tables/ai-receptionists.ts';
import type { AlternateNumberTables } from './tables/alternate-numbers.ts';

// Table types for Kysely. Both dialects store the same values: uuids and timestamps as text
// (ISO-8601 UTC with milliseconds, so text order is time order), booleans as integers 0/1,
// lists as JSON text.

export type Flag = 0 | 1;

export type OrganizationsTable = {
  id: string;
  display_name: string;
  created: string;
  default_location_id: string | null;
};

export type LocationsTable = {
  id: string;
  org_id: string;
  name: string;
  time_zone: string;
  preferred_language: string;
  announcement_language: string;
  address1: string;
  address2: string | null;
  city: string;
  state: string;
  postal_code: string;
  country: string;
  latitude: string | null;
  longitude: string | null;
  notes: string | null;
  calling_enabled: Flag;
  routing_prefix: string | null;
  created: string;
};

export type LicensesTable = {
  id: string;
  org_id: string;
  code: string;
  name: string;
  total_units: number;
  subscription_id: string;
  site_url: string | null;
  site_type: string | null;
  calling: string | null;
  /** People holding it; kept by every assignment and removal (see LicenseRepository). */
  consumed_units: Generated<number>;
};

export type PeopleTable = {
  id: string;
  org_id: string;
  email: string;
  display_name: string;
  /** Lower-cased display name, for case-insensitive prefix search on an index. */
  display_name_key: string;
  first_name: string | null;
  last_name: string | null;
  nick_name: string | null;
  avatar: string | null;
  department: string | null;
  manager: string | null;
  manager_id: string | null;
  title: string | null;
  addresses: string;
  roles: string;
  site_urls: string;
  timezone: string | null;
  login_enabled: Flag;
  location_id: string | null;
  extension: string | null;
  /** The routing prefix this member's extension is dialled with (see jobs). */
  routing_prefix: string | null;
  announcement_language: string | null;
  created: string;
  last_modified: string;
};

export type PersonLicensesTable = {
  person_id: string;
  license_id: string;
  org_id: string;
};

export type NumbersTable = {
  phone_number: string;
  org_id: string;
  location_id: string;
  state: string;
  number_type: string;
  is_main_number: Flag;
  is_service_number: Flag;
  owner_id: string | null;
  created: string;
};

export type AccessTokensTable = {
  token_hash: string;
  org_id: string;
  person_id: string;
  scopes: string;
  expires_at: string | null;
  created: string;
  /** The OAuth app the token was issued to (migration 0019); null for sandbox-issued tokens. */
  app_id: string | null;
  /** The authorization it was issued under; deleting that deletes the token. */
  authorization_id: string | null;
};

export type SettingsTable = {
  key: string;
  value: string;
};

export type CoreTables = {
  organizations: OrganizationsTable;
  locations: LocationsTable;
  licenses: LicensesTable;
  people: PeopleTable;
  person_licenses: PersonLicensesTable;
  numbers: NumbersTable;
  access_tokens: AccessTokensTable;
  settings: SettingsTable;
};

/** Every table: the core ones here, each other area's in store/tables/<area>.ts. */
export type Database = CoreTables & LocationCallingTables & CallRoutingTables & LocationNumberTables & AnnouncementTables & ReceptionistContactTables & CallTables & WebhookTables & OAuthTables & OwnerSettingsTables & ScheduleTables & HuntGroupTables & VoicemailTables & VoicemailGroupTables & CallQueueTables & AutoAttendantTables & VirtualExtensionTables & CallParkPickupTables & PagingGroupTables & WorkspaceTables & VirtualLineTables & CallRecordTables & ReportTables & CallRecordingTables & LocationFloorTables & DeviceTables & DectTables & AiReceptionistTables & AlternateNumberTables & HotdeskSessionTables & CallNotificationTables;
