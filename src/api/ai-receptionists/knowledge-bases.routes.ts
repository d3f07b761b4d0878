import type { FastifyReply, FastifyRequest } from 'fastify';
import { documentTooLarge, MAX_DOCUMENT_BYTES, type KnowledgeBaseService } from '../../domain/ai-receptionists/knowledge-base-service.ts';
import { badRequest, WebexError } from '../../domain/errors.ts';
import { operations } from '../../generated/webex/ai-receptionist-for-webex-calling.ts';
import { offsetPageItems } from '../../http/pagination.ts';
import { sendEmpty } from '../../http/replies.ts';
import type { Server } from '../../http/types.ts';
import { webexRoute } from '../../http/webex-route.ts';
import { readMultipartForm } from '../multipart-form.ts';
import { telephonyConfig, telephonyPaging } from '../telephony-config.ts';
import { documentId, knowledgeBaseId, presentDocument, presentDocumentItem, presentKnowledgeBase } from './ai-receptionists.presenters.ts';

const read = telephonyConfig.read.auth;
const write = telephonyConfig.write.auth;
const MAX = 100;

const notMultipart = () => new WebexError(415, 'Unsupported media type: upload the document as multipart/form-data with a "file" part.');

// AI Receptionist for Webex Calling: the organization's knowledge bases and their documents
// (articles, uploads, the download of either).
export function knowledgeBaseRoutes(server: Server, deps: { knowledgeBases: KnowledgeBaseService }): void {
  const service = deps.knowledgeBases;

  webexRoute(server, operations.listKnowledgeBases, {
    auth: read,
    handler: async (request, reply) => {
      const { max, start } = telephonyPaging(request.query, MAX);
      const page = await service.list(request.orgId, { ...(request.query.name !== undefined ? { name: request.query.name } : {}), start, max });
      return { knowledgeBases: offsetPageItems(request, reply, page, max).map(presentKnowledgeBase) };
    },
  });

  webexRoute(server, operations.createKnowledgeBase, {
    auth: write,
    optionalBody: true,
    handler: async (request, reply) => {
      const id = await service.create(request.orgId, request.body ?? {});
      reply.code(201);
      return { id: knowledgeBaseId(id) };
    },
  });

  webexRoute(server, operations.getKnowledgeBase, {
    auth: read,
    handler: async (request) => presentKnowledgeBase(await service.get(request.orgId, request.params.knowledgeBaseId)),
  });

  webexRoute(server, operations.updateKnowledgeBase, {
    auth: write,
    optionalBody: true,
    handler: async (request, reply) => {
      await service.update(request.orgId, request.params.knowledgeBaseId, request.body ?? {});
      sendEmpty(reply, 204);
    },
  });

  webexRoute(server, operations.deleteKnowledgeBase, {
    auth: write,
    handler: async (request, reply) => {
      await service.delete(request.orgId, request.params.knowledgeBaseId);
      sendEmpty(reply, 204);
    },
  });

  webexRoute(server, operations.listKnowledgeBaseDocuments, {
    auth: read,
    handler: async (request, reply) => {
      const { max, start } = telephonyPaging(request.query, MAX);
      const page = await service.documents(request.orgId, request.params.knowledgeBaseId, start, max);
      return { documents: offsetPageItems(request, reply, page, max).map(presentDocumentItem) };
    },
  });

  webexRoute(server, operations.createKnowledgeBaseDocument, {
    auth: write,
    optionalBody: true,
    handler: async (request, reply) => {
      const id = await service.createArticle(request.orgId, request.params.knowledgeBaseId, request.body ?? {});
      reply.code(201);
      return { id: documentId(id) };
    },
  });

  webexRoute(server, operations.uploadKnowledgeBaseDocument, {
    auth: write,
    handler: (async (request: FastifyRequest<{ Params: { knowledgeBaseId: string } }>, reply: FastifyReply) => {
      const read = async () => {
        const tooManyFiles = () => badRequest('Send one document per request, in the part named "file".');
        const form = await readMultipartForm(request, { fileSize: MAX_DOCUMENT_BYTES, files: 1, fields: 10 }, { notMultipart, tooLarge: documentTooLarge, tooManyFiles });
        const file = form.files.find((f) => f.field === 'file');
        return file ? { content: file.content, fileName: file.fileName } : {};
      };
      const id = await service.upload(request.orgId, request.params.knowledgeBaseId, read);
      reply.code(201);
      return { id: documentId(id) };
    }) as never,
  });

  webexRoute(server, operations.getKnowledgeBaseDocument, {
    auth: read,
    handler: async (request) => presentDocument(await service.document(request.orgId, request.params.knowledgeBaseId, request.params.documentId)),
  });

  webexRoute(server, operations.updateKnowledgeBaseDocument, {
    auth: write,
    optionalBody: true,
    handler: async (request, reply) => {
      await service.updateDocument(request.orgId, request.params.knowledgeBaseId, request.params.documentId, request.body ?? {});
      sendEmpty(reply, 204);
    },
  });

  webexRoute(server, operations.deleteKnowledgeBaseDocument, {
    auth: write,
    handler: async (request, reply) => {
      await service.deleteDocument(request.orgId, request.params.knowledgeBaseId, request.params.documentId);
      sendEmpty(reply, 204);
    },
  });

  // The file itself, with its type and name, as Webex answers (the document gives no body schema).
  webexRoute(server, operations.downloadKnowledgeBaseDocument, {
    auth: read,
    handler: (async (request: FastifyRequest<{ Params: { knowledgeBaseId: string; documentId: string } }>, reply: FastifyReply) => {
      const file = await service.download(request.orgId, request.params.knowledgeBaseId, request.params.documentId);
      reply.header('content-type', file.mediaType);
      reply.header('content-disposition', `attachment; filename="${file.fileName.replace(/["\\\r\n]/g, '_')}"`);
      return reply.send(Buffer.from(file.data));
    }) as never,
  });
}
