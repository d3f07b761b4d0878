// Tables of the hunt-groups area (see store/migrations/0027-hunt-groups.ts).
import type { Flag } from '../database.ts';

export type HuntGroupsTable = {
  id: string;
  org_id: string;
  location_id: string;
  name: string;
  enabled: Flag;
  /** E.164, unique across hunt groups (a person's number is checked by the domain). */
  phone_number: string | null;
  extension: string | null;
  /** JSON: the domain's HuntGroupSettings. */
  settings: string;
  last_agent_id: string | null;
  created: string;
  last_modified: string;
};

export type HuntGroupAgentsTable = {
  hunt_group_id: string;
  person_id: string;
  /** Order of the agents as given (REGULAR and CIRCULAR hunt in it). */
  position: number;
  /** WEIGHTED only: the agent's share, 0-100. */
  weight: number | null;
};

export type HuntGroupTables = { hunt_groups: HuntGroupsTable; hunt_group_agents: HuntGroupAgentsTable };
