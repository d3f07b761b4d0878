import type { FastifyRequest } from 'fastify';
import { fileTooLarge, notMultipart } from '../../domain/announcements/announcement-errors.ts';
import { MAX_AUDIO_FILE_BYTES, MAX_AUDIO_FILE_KB, type AnnouncementUpload } from '../../domain/announcements/announcements-service.ts';
import { badRequest } from '../../domain/errors.ts';
import { readMultipartForm } from '../multipart-form.ts';

// Reads an announcement upload: multipart/form-data with a "name" field and a "file" part, as
// Webex takes it. Missing parts are left out for the service to refuse.

export async function readAnnouncementUpload(request: FastifyRequest): Promise<AnnouncementUpload> {
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
