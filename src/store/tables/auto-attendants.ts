// Tables of the auto-attendants area (see store/migrations/0038-auto-attendants.ts).
import type { Flag } from '../database.ts';

export type AutoAttendantsTable = {
  id: string;
  org_id: string;
  location_id: string;
  name: string;
  enabled: Flag;
  /** E.164, unique across auto attendants (people and hunt groups are checked by the domain). */
  phone_number: string | null;
  extension: string | null;
  /** JSON: the domain's AutoAttendantSettings. */
  settings: string;
  created: string;
  last_modified: string;
};

export type AutoAttendantTables = { auto_attendants: AutoAttendantsTable };
