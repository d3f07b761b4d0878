import type { Flag } from '../database.ts';

// Tables of the call-routing area (see store/migrations/0003-call-routing.ts): the premises
// PSTN trunks, route groups of trunks, dial plans and their dial patterns.

export type TrunksTable = {
  id: string;
  org_id: string;
  location_id: string;
  name: string;
  /** REGISTERING or CERTIFICATE_BASED. */
  trunk_type: string;
  device_type: string;
  /** `salt:sha256(salt + password)`; the password itself is never stored nor returned. */
  password_hash: string | null;
  dual_identity_support_enabled: Flag;
  /** Certificate-based trunks only: where Webex Calling reaches the border element. */
  address: string | null;
  domain: string | null;
  port: number | null;
  max_concurrent_calls: number | null;
  /** DISABLED, ASSERTED_IDENTITY or CONFIGURABLE_CHARGE_NUMBER (migration 0023). */
  p_charge_info_support_policy: string;
  otg_dtg_id: string;
  line_port: string;
  /** Registering trunks only: the identity the local gateway registers with. */
  pilot_user_id: string | null;
  sip_authentication_user_name: string | null;
  created: string;
};

export type RouteGroupsTable = {
  id: string;
  org_id: string;
  name: string;
  created: string;
};

/** The trunks (local gateways) of a route group, each with its priority (1 is tried first). */
export type RouteGroupTrunksTable = {
  route_group_id: string;
  trunk_id: string;
  org_id: string;
  priority: number;
};

export type DialPlansTable = {
  id: string;
  org_id: string;
  name: string;
  /** TRUNK or ROUTE_GROUP, with the uuid of that trunk or route group in route_id. */
  route_type: string;
  route_id: string;
  created: string;
};

/** A dial pattern belongs to one dial plan and is unique in its organization. */
export type DialPatternsTable = {
  dial_plan_id: string;
  org_id: string;
  dial_pattern: string;
};

/** A translation pattern of the organization (location_id null) or of a location (migration 0070). */
export type TranslationPatternsTable = {
  id: string;
  org_id: string;
  location_id: string | null;
  name: string;
  matching_pattern: string;
  replacement_pattern: string;
  created: string;
};

/** Route lists and their numbers (migration 0071). */
export type RouteListsTable = { id: string; org_id: string; location_id: string; name: string; route_group_id: string; created: string };
export type RouteListNumbersTable = { route_list_id: string; org_id: string; number: string };

export type CallRoutingTables = {
  translation_patterns: TranslationPatternsTable;
  route_lists: RouteListsTable;
  route_list_numbers: RouteListNumbersTable;
  trunks: TrunksTable;
  route_groups: RouteGroupsTable;
  route_group_trunks: RouteGroupTrunksTable;
  dial_plans: DialPlansTable;
  dial_patterns: DialPatternsTable;
};
