import type { FastifyRequest } from 'fastify';
import { badRequest, type WebexError } from '../domain/errors.ts';

// Reads one file from a multipart/form-data upload (the @fastify/multipart plugin is registered
// once, by the announcement routes). The size limit applies while reading, so an oversized file is
// never held whole; the area's own factories word the refusals.

export type FileUpload = { content?: Uint8Array; fileName?: string; mimeType?: string };

export type FileUploadRules = {
  maxBytes: number;
  /** The part's name; absent: the first file part, whatever its name. */
  partName?: string;
  notMultipart: () => WebexError;
  tooLarge: () => WebexError;
};

export async function readFileUpload(request: FastifyRequest, rules: FileUploadRules): Promise<FileUpload> {
  if (!request.isMultipart()) throw rules.notMultipart();
  const upload: FileUpload = {};
  try {
    for await (const part of request.parts({ limits: { fileSize: rules.maxBytes, files: 1, fields: 10, fieldSize: 64 * 1024, parts: 11 } })) {
      if (part.type !== 'file') continue;
      const content = await part.toBuffer();
      if (upload.content === undefined && (rules.partName === undefined || part.fieldname === rules.partName)) {
        upload.content = content;
        upload.fileName = part.filename;
        upload.mimeType = part.mimetype;
      }
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw rules.tooLarge();
    if (code === 'FST_FILES_LIMIT') throw badRequest('Send one file per request.');
    if (code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT') throw badRequest('The form has too many parts: send the one file.');
    throw badRequest(`The multipart/form-data body is malformed: ${error instanceof Error ? error.message : String(error)}.`);
  }
  return upload;
}
