// Tables of the location-calling area (see store/migrations/0002-location-calling.ts).
export type LocationCallingTables = {};
