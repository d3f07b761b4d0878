// Tables of the location-numbers area (see store/migrations/0004-location-numbers.ts).
export type LocationNumberTables = {};
