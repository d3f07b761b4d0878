// Tables of the announcements area (see store/migrations/0005-announcements.ts).
export type AnnouncementTables = {};
