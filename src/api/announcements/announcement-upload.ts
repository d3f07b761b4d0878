import type { FastifyRequest } from 'fastify';
import { fileTooLarge, notMultipart } from '../../domain/announcements/announcement-errors.ts';
import { MAX_AUDIO_FILE_BYTES, MAX_AUDIO_FILE_KB, type AnnouncementUpload } from '../../domain/announcements/announcements-service.ts';
import { badRequest } from '../../domain/errors.ts';
import type { AnnouncementMediaService, FileUriAnnouncement } from '../../domain/announcements/announcement-media-service.ts';
import { readMultipartForm } from '../multipart-form.ts';

// Reads an announcement upload: multipart/form-data with a "name" field and a "file" part, or
// application/json with the fileUri of media uploaded before, as Webex takes them. Missing parts
// are left out for the service to refuse.

export async function readAnnouncementUpload(request: FastifyRequest, media?: AnnouncementMediaService): Promise<AnnouncementUpload> {
  // Webex's newer form: application/json naming a file uploaded to a signed URL (or a
  // text-to-speech prompt) by its fileUri. Uploads elsewhere (greetings) take the form only.
  if (media && request.headers['content-type']?.toLowerCase().startsWith('application/json')) {
    return media.fromFileUri(request.orgId, (request.body ?? {}) as FileUriAnnouncement);
  }
  const form = await readMultipartForm(
    request,
    { fileSize: MAX_AUDIO_FILE_BYTES, files: 1, fields: 20 },
    {
      notMultipart,
      tooLarge: () => fileTooLarge(MAX_AUDIO_FILE_KB),
      tooManyFiles: () => badRequest('Send one file per announcement, in the part named "file".'),
      tooManyFields: () => badRequest('The form has too many fields: send "name" and "file".'),
    },
  );
  const file = form.files.find((f) => f.field === 'file');
  const name = form.fields.get('name');
  return { ...(file ? { content: file.content, fileName: file.fileName } : {}), ...(name !== undefined ? { name } : {}) };
}
