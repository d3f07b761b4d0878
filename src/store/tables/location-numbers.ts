// Tables of the location-numbers area (see store/migrations/0004-location-numbers.ts).

/**
 * A location's emergency callback number selection. Only the choice is stored: the numbers, their
 * state and the member's name are read from the inventory and people each time, so the computed
 * quality follows every change. No row means the default (LOCATION_NUMBER, 60 minutes).
 */
export type LocationEcbnTable = {
  location_id: string;
  org_id: string;
  /** LOCATION_NUMBER or LOCATION_MEMBER_NUMBER. */
  selected: string;
  /**
   * The selected member's uuid (a person), set with LOCATION_MEMBER_NUMBER. Deliberately not a
   * foreign key: a deleted member stays selected and reads as INVALID, as Webex reports it.
   */
  member_id: string | null;
  elin_expiry_minutes: number;
  last_modified: string;
};

export type LocationNumberTables = {
  location_ecbn: LocationEcbnTable;
};
