import type { FastifyRequest } from 'fastify';
import { badRequest, WebexError } from '../../domain/errors.ts';
import { MAX_GREETING_BYTES, MAX_GREETING_KB, type GreetingUpload } from '../../domain/voicemail/voicemail-service.ts';
import { greetingTooLarge } from '../../domain/voicemail/voicemail-errors.ts';

// Reads a voicemail greeting upload: multipart/form-data with one file part (Webex's For Me
// operations name it "file"; the admin ones name none, so the first file part is taken).

const LIMITS = { fileSize: MAX_GREETING_BYTES, files: 1, fields: 10, fieldSize: 64 * 1024, parts: 11 };

export async function readGreetingUpload(request: FastifyRequest): Promise<GreetingUpload> {
  if (!request.isMultipart()) throw new WebexError(415, 'Unsupported media type: upload the greeting as multipart/form-data with a .wav file part.');
  const upload: GreetingUpload = {};
  try {
    for await (const part of request.parts({ limits: LIMITS })) {
      if (part.type !== 'file') continue;
      const content = await part.toBuffer();
      if (upload.content === undefined) {
        upload.content = content;
        upload.fileName = part.filename;
      }
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw greetingTooLarge(MAX_GREETING_KB);
    if (code === 'FST_FILES_LIMIT') throw badRequest('Send one greeting file per request.');
    throw badRequest(`The multipart/form-data body is malformed: ${error instanceof Error ? error.message : String(error)}.`);
  }
  return upload;
}
