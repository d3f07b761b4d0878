// Tables of the call-routing area (see store/migrations/0003-call-routing.ts).
export type CallRoutingTables = {};
