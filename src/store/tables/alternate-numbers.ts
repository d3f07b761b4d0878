// Tables of alternate numbers (see store/migrations/0105-alternate-numbers.ts).
export type AlternateNumbersTable = {
  phone_number: string;
  org_id: string;
  owner_kind: string;
  owner_id: string;
  extension: string | null;
  ring_pattern: string;
  created: string;
};

export type AlternateNumberTables = { alternate_numbers: AlternateNumbersTable };
