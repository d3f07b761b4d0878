import type { AnnouncementService } from '../../domain/announcements/announcements-service.ts';
import type { Server } from '../../http/types.ts';

export function announcementRoutes(_server: Server, _deps: { announcements: AnnouncementService }): void {}
