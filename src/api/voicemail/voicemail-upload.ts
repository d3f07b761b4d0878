import type { FastifyRequest } from 'fastify';
import { badRequest, WebexError } from '../../domain/errors.ts';
import { MAX_GREETING_BYTES, MAX_GREETING_KB, type GreetingUpload } from '../../domain/voicemail/voicemail-service.ts';
import { greetingTooLarge } from '../../domain/voicemail/voicemail-errors.ts';
import { readMultipartForm } from '../multipart-form.ts';

// Reads a voicemail greeting upload: multipart/form-data with one file part (Webex's For Me
// operations name it "file"; the admin ones name none, so the first file part is taken).

export async function readGreetingUpload(request: FastifyRequest): Promise<GreetingUpload> {
  const form = await readMultipartForm(
    request,
    { fileSize: MAX_GREETING_BYTES, files: 1, fields: 10 },
    {
      notMultipart: () => new WebexError(415, 'Unsupported media type: upload the greeting as multipart/form-data with a .wav file part.'),
      tooLarge: () => greetingTooLarge(MAX_GREETING_KB),
      tooManyFiles: () => badRequest('Send one greeting file per request.'),
    },
  );
  const file = form.files[0];
  return file ? { content: file.content, fileName: file.fileName } : {};
}
