// Tables of paging groups (see store/migrations/0041-paging-groups.ts).
import type { Flag } from '../database.ts';

export type PagingGroupsTable = {
  id: string;
  org_id: string;
  location_id: string;
  name: string;
  enabled: Flag;
  phone_number: string | null;
  extension: string | null;
  /** JSON: the domain's PagingGroupSettings. */
  settings: string;
  created: string;
};

export type PagingGroupMembersTable = { paging_group_id: string; person_id: string; role: 'originator' | 'target'; position: number };

export type PagingGroupTables = { paging_groups: PagingGroupsTable; paging_group_members: PagingGroupMembersTable };
