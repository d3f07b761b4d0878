// Tables of the receptionist-contacts area (see store/migrations/0006-receptionist-contacts.ts).
export type ReceptionistContactTables = {};
