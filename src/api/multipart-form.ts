import type { FastifyRequest } from 'fastify';
import { badRequest, type WebexError } from '../domain/errors.ts';

// Reads a multipart/form-data upload whole: its text fields and its file parts. The size limit
// is applied while reading, so an oversized file is never held whole. Each upload names its own
// limits and its own words for a refused form; anything else malformed is a 400.

export type FormFile = { field: string; fileName: string; mimetype: string; content: Buffer };
export type MultipartForm = { fields: Map<string, string>; files: FormFile[] };
export type FormLimits = { fileSize: number; files: number; fields: number };

/** The client's words for a form the limits refuse (errors of @fastify/multipart and busboy). */
export type FormRefusals = { notMultipart: () => WebexError; tooLarge: () => WebexError; tooManyFiles: () => WebexError; tooManyFields?: () => WebexError };

export async function readMultipartForm(request: FastifyRequest, limits: FormLimits, refusals: FormRefusals): Promise<MultipartForm> {
  if (!request.isMultipart()) throw refusals.notMultipart();
  const form: MultipartForm = { fields: new Map(), files: [] };
  try {
    const parts = request.parts({ limits: { ...limits, fieldSize: 64 * 1024, parts: limits.files + limits.fields } });
    for await (const part of parts) {
      if (part.type === 'file') form.files.push({ field: part.fieldname, fileName: part.filename, mimetype: part.mimetype, content: await part.toBuffer() });
      else form.fields.set(part.fieldname, String(part.value));
    }
  } catch (error) {
    switch ((error as { code?: string }).code) {
      case 'FST_REQ_FILE_TOO_LARGE':
        throw refusals.tooLarge();
      case 'FST_FILES_LIMIT':
        throw refusals.tooManyFiles();
      case 'FST_FIELDS_LIMIT':
      case 'FST_PARTS_LIMIT':
        if (refusals.tooManyFields) throw refusals.tooManyFields();
    }
    throw badRequest(`The multipart/form-data body is malformed: ${error instanceof Error ? error.message : String(error)}.`);
  }
  return form;
}
