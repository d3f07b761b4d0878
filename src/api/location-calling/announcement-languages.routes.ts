import { Type } from 'typebox';
import { announcementLanguages } from '../../domain/location-calling/announcement-languages.ts';
import { responses } from '../../http/schemas.ts';
import type { Server } from '../../http/types.ts';
import { telephonyConfig } from '../telephony-config.ts';

export const ListAnnouncementLanguages = {
  summary: 'Read the List of Announcement Languages',
  description: 'The languages for announcements and voice prompts; ttsLanguage keeps those with (true) or without (false) text-to-speech.',
  tags: ['Calling Service Settings'],
  querystring: Type.Object({ ttsLanguage: Type.Optional(Type.Boolean({ description: 'Filter languages by text-to-speech support.' })) }),
  response: responses({ 200: Type.Object({ languages: Type.Array(Type.Object({ name: Type.String(), code: Type.String() })) }) }),
};

export function announcementLanguageRoutes(server: Server): void {
  server.get('/v1/telephony/config/announcementLanguages', { schema: ListAnnouncementLanguages, config: telephonyConfig.read }, async (request) => ({
    languages: announcementLanguages(request.query.ttsLanguage).map(({ name, code }) => ({ name, code })),
  }));
}
