// What the domain may ask of persistence for the announcements area.
export interface AnnouncementRepository {}
