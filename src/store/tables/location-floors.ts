// Tables of location floors (see store/migrations/0065-location-floors.ts).

export type LocationFloorsTable = {
  id: string;
  org_id: string;
  location_id: string;
  /** Unique in the location. */
  floor_number: number;
  display_name: string | null;
  created: string;
};

export type LocationFloorTables = { location_floors: LocationFloorsTable };
