import type { FastifyRequest } from 'fastify';
import { fileTooLarge, notMultipart } from '../../domain/announcements/announcement-errors.ts';
import { MAX_AUDIO_FILE_BYTES, MAX_AUDIO_FILE_KB, type AnnouncementUpload } from '../../domain/announcements/announcements-service.ts';
import { badRequest } from '../../domain/errors.ts';
import type { AnnouncementMediaService, FileUriAnnouncement } from '../../domain/announcements/announcement-media-service.ts';

// Reads an announcement upload: multipart/form-data with a "name" field and a "file" part, or
// application/json with the fileUri of media uploaded before, as Webex takes them. Missing parts
// are left out for the service to refuse; the size limit is applied while reading, so an
// oversized file is never held whole.

const LIMITS = { fileSize: MAX_AUDIO_FILE_BYTES, files: 1, fields: 20, fieldSize: 64 * 1024, parts: 21 };

export async function readAnnouncementUpload(request: FastifyRequest, media?: AnnouncementMediaService): Promise<AnnouncementUpload> {
  // Webex's newer form: application/json naming a file uploaded to a signed URL (or a
  // text-to-speech prompt) by its fileUri. Uploads elsewhere (greetings) take the form only.
  if (media && request.headers['content-type']?.toLowerCase().startsWith('application/json')) {
    return media.fromFileUri(request.orgId, (request.body ?? {}) as FileUriAnnouncement);
  }
  if (!request.isMultipart()) throw notMultipart();
  const upload: AnnouncementUpload = {};
  try {
    for await (const part of request.parts({ limits: LIMITS })) {
      if (part.type === 'file') {
        const content = await part.toBuffer();
        if (part.fieldname === 'file') {
          upload.content = content;
          upload.fileName = part.filename;
        }
      } else if (part.fieldname === 'name') {
        upload.name = String(part.value);
      }
    }
  } catch (error) {
    throw uploadError(error);
  }
  return upload;
}

/** @fastify/multipart's and busboy's errors, in the client's terms. */
function uploadError(error: unknown) {
  switch ((error as { code?: string }).code) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return fileTooLarge(MAX_AUDIO_FILE_KB);
    case 'FST_FILES_LIMIT':
      return badRequest('Send one file per announcement, in the part named "file".');
    case 'FST_FIELDS_LIMIT':
    case 'FST_PARTS_LIMIT':
      return badRequest('The form has too many fields: send "name" and "file".');
  }
  return badRequest(`The multipart/form-data body is malformed: ${error instanceof Error ? error.message : String(error)}.`);
}
