// Tables of the virtual-lines area (see store/migrations/0043-virtual-lines.ts).

export type VirtualLinesTable = {
  id: string;
  org_id: string;
  location_id: string;
  first_name: string;
  last_name: string;
  display_name: string | null;
  /** E.164, unique across virtual lines (people, hunt groups and workspaces are checked by the domain). */
  phone_number: string | null;
  extension: string | null;
  /** JSON: the domain's VirtualLineDetails. */
  details: string;
  created: string;
};

export type VirtualLineTables = { virtual_lines: VirtualLinesTable };
