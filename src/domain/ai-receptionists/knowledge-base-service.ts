import { randomUUID } from 'node:crypto';
import type { KnowledgeBaseSummary, StoredAiReceptionist, StoredDocument } from '../../store/ai-receptionists-store.ts';
import type { Page, Store } from '../../store/store.ts';
import { timestamp, type Clock } from '../clock.ts';
import { badRequest, conflict, notFound } from '../errors.ts';
import { decodeId } from '../webex-ids.ts';
import { checkName } from './ai-receptionist-rules.ts';

// The organization's knowledge bases (what AI receptionists answer callers from) and their
// documents: articles written through the API, or files uploaded (PDF, TXT, DOCX, XLSX, XLS, CSV,
// at most 10 MB). Callplane indexes at once: a document is "success" as soon as it is stored. Text
// files give their text as the document's content; other formats keep their bytes for download
// and no extracted text. Names are unique per organization; a base a receptionist uses stays.

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
const MAX_ARTICLE_CHARS = 100_000;
const FILE_TYPES: Record<string, { mediaType: string; text: boolean }> = {
  pdf: { mediaType: 'application/pdf', text: false },
  txt: { mediaType: 'text/plain', text: true },
  csv: { mediaType: 'text/csv', text: true },
  docx: { mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', text: false },
  xlsx: { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', text: false },
  xls: { mediaType: 'application/vnd.ms-excel', text: false },
};

export const knowledgeBaseNotFound = () => notFound('Knowledge Base not found.');
export const documentNotFound = () => notFound('Knowledge Base document not found.');
const knowledgeBaseNameInUse = (name: string) => conflict(`A Knowledge Base named "${name}" already exists.`);
const knowledgeBaseInUse = (names: string[]) => conflict(`The Knowledge Base is used by the AI Receptionist ${names.join(', ')}: connect another one to it first.`);
export const documentTooLarge = () => badRequest('The file is larger than the 10 MB allowed for a Knowledge Base document.');

export type KnowledgeBaseView = KnowledgeBaseSummary & { mappedBots: StoredAiReceptionist[] };
export type DocumentUpload = { content?: Uint8Array; fileName?: string };
export type DocumentFile = { document: StoredDocument; data: Uint8Array; mediaType: string; fileName: string };

/** The knowledge base of the organization, or 404 (400 where `field` names a reference in a body). */
export async function findKnowledgeBase(store: Store, orgId: string, publicId: string, field?: string): Promise<KnowledgeBaseSummary> {
  const id = decodeId(publicId, 'KNOWLEDGE_BASE');
  const base = id === undefined ? undefined : await store.knowledgeBases.get(orgId, id);
  if (base) return base;
  throw field ? badRequest(`${field} ${publicId} is not a Knowledge Base of this organization.`) : knowledgeBaseNotFound();
}

const checkDescription = (value: unknown): string => {
  if (typeof value !== 'string' || value.length > 1024) throw badRequest('description holds at most 1024 characters.');
  return value;
};

function checkContent(value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') throw badRequest('content is required.');
  if (value.length > MAX_ARTICLE_CHARS) throw badRequest(`content holds at most ${MAX_ARTICLE_CHARS} characters.`);
  return value;
}

export class KnowledgeBaseService {
  private readonly store: Store;
  private readonly clock: Clock;

  constructor(store: Store, clock: Clock) {
    this.store = store;
    this.clock = clock;
  }

  async list(orgId: string, query: { name?: string; start: number; max: number }): Promise<Page<KnowledgeBaseView, number>> {
    const page = await this.store.knowledgeBases.list(orgId, query);
    return { ...page, items: await Promise.all(page.items.map((k) => this.view(k))) };
  }

  async create(orgId: string, input: { name?: string; description?: string }): Promise<string> {
    return this.store.transaction(async (tx) => {
      const name = checkName(input.name ?? '');
      if (await tx.knowledgeBases.findByName(orgId, name)) throw knowledgeBaseNameInUse(name);
      const now = timestamp(this.clock);
      const id = randomUUID();
      await tx.knowledgeBases.insert({ id, orgId, name, description: input.description === undefined ? null : checkDescription(input.description), created: now, lastModified: now });
      return id;
    });
  }

  async get(orgId: string, publicId: string): Promise<KnowledgeBaseView> {
    return this.view(await findKnowledgeBase(this.store, orgId, publicId));
  }

  async update(orgId: string, publicId: string, input: { name?: string; description?: string }): Promise<void> {
    await this.store.transaction(async (tx) => {
      const base = await findKnowledgeBase(tx, orgId, publicId);
      const name = input.name === undefined ? base.name : checkName(input.name);
      const namesake = await tx.knowledgeBases.findByName(orgId, name);
      if (namesake && namesake.id !== base.id) throw knowledgeBaseNameInUse(name);
      const description = input.description === undefined ? base.description : checkDescription(input.description);
      await tx.knowledgeBases.update({ ...base, name, description, lastModified: timestamp(this.clock) });
    });
  }

  async delete(orgId: string, publicId: string): Promise<void> {
    await this.store.transaction(async (tx) => {
      const base = await findKnowledgeBase(tx, orgId, publicId);
      const users = await tx.aiReceptionists.usingKnowledgeBase(orgId, base.id);
      if (users.length > 0) throw knowledgeBaseInUse(users.map((r) => r.name));
      await tx.knowledgeBases.delete(orgId, base.id);
    });
  }

  async documents(orgId: string, basePublicId: string, start: number, max: number): Promise<Page<StoredDocument, number>> {
    const base = await findKnowledgeBase(this.store, orgId, basePublicId);
    return this.store.knowledgeBases.documents(orgId, base.id, start, max);
  }

  async createArticle(orgId: string, basePublicId: string, input: { name?: string; content?: string }): Promise<string> {
    const content = checkContent(input.content);
    return this.addDocument(orgId, basePublicId, { name: checkName(input.name ?? ''), knowledgeType: 'article', content, fileName: null, mediaType: null, fileSize: Buffer.byteLength(content) }, null);
  }

  /** The knowledge base is found before the body is read: another organization's answers 404, whatever was sent. */
  async upload(orgId: string, basePublicId: string, read: () => Promise<DocumentUpload>): Promise<string> {
    await findKnowledgeBase(this.store, orgId, basePublicId);
    const upload = await read();
    if (upload.content === undefined || !upload.fileName) throw badRequest('The request has no file: send the document in a multipart part named "file".');
    if (upload.content.length > MAX_DOCUMENT_BYTES) throw documentTooLarge();
    if (upload.content.length === 0) throw badRequest('The file is empty.');
    const type = FILE_TYPES[upload.fileName.split('.').pop()?.toLowerCase() ?? ''];
    if (!type) throw badRequest(`The file type of "${upload.fileName}" is not supported: upload PDF, TXT, DOCX, XLSX, XLS or CSV.`);
    const content = type.text ? Buffer.from(upload.content).toString('utf8') : '';
    const name = upload.fileName.slice(0, 128);
    return this.addDocument(orgId, basePublicId, { name, knowledgeType: 'file', content, fileName: upload.fileName, mediaType: type.mediaType, fileSize: upload.content.length }, upload.content);
  }

  async document(orgId: string, basePublicId: string, documentPublicId: string): Promise<StoredDocument> {
    return this.findDocument(this.store, orgId, basePublicId, documentPublicId);
  }

  /** An article's name and content, or an uploaded file's name (its content is the file's). */
  async updateDocument(orgId: string, basePublicId: string, documentPublicId: string, input: { name?: string; content?: string }): Promise<void> {
    await this.store.transaction(async (tx) => {
      const document = await this.findDocument(tx, orgId, basePublicId, documentPublicId);
      const next = { ...document, lastModified: timestamp(this.clock) };
      if (input.name !== undefined) next.name = checkName(input.name);
      if (input.content !== undefined) {
        if (document.knowledgeType === 'file') throw badRequest('content of an uploaded file cannot be changed: upload the new file instead.');
        next.content = checkContent(input.content);
        next.fileSize = Buffer.byteLength(next.content);
      }
      await tx.knowledgeBases.updateDocument(next);
    });
  }

  async deleteDocument(orgId: string, basePublicId: string, documentPublicId: string): Promise<void> {
    await this.store.transaction(async (tx) => {
      const document = await this.findDocument(tx, orgId, basePublicId, documentPublicId);
      await tx.knowledgeBases.deleteDocument(orgId, document.id);
    });
  }

  /** The document as a file: an upload as it came, an article as UTF-8 text. */
  async download(orgId: string, basePublicId: string, documentPublicId: string): Promise<DocumentFile> {
    const document = await this.findDocument(this.store, orgId, basePublicId, documentPublicId);
    if (document.knowledgeType === 'article') return { document, data: Buffer.from(document.content), mediaType: 'text/plain; charset=utf-8', fileName: `${document.name}.txt` };
    const data = (await this.store.knowledgeBases.documentData(orgId, document.knowledgeBaseId, document.id)) ?? new Uint8Array();
    return { document, data, mediaType: document.mediaType ?? 'application/octet-stream', fileName: document.fileName ?? document.name };
  }

  private async addDocument(orgId: string, basePublicId: string, fields: Omit<StoredDocument, 'id' | 'orgId' | 'knowledgeBaseId' | 'created' | 'lastModified'>, data: Uint8Array | null): Promise<string> {
    return this.store.transaction(async (tx) => {
      const base = await findKnowledgeBase(tx, orgId, basePublicId);
      const now = timestamp(this.clock);
      const id = randomUUID();
      await tx.knowledgeBases.insertDocument({ ...fields, id, orgId, knowledgeBaseId: base.id, created: now, lastModified: now }, data);
      await tx.knowledgeBases.update({ ...base, lastModified: now });
      return id;
    });
  }

  private async findDocument(store: Store, orgId: string, basePublicId: string, documentPublicId: string): Promise<StoredDocument> {
    const base = await findKnowledgeBase(store, orgId, basePublicId);
    const id = decodeId(documentPublicId, 'KB_DOCUMENT');
    const document = id === undefined ? undefined : await store.knowledgeBases.getDocument(orgId, base.id, id);
    if (!document) throw documentNotFound();
    return document;
  }

  private async view(base: KnowledgeBaseSummary): Promise<KnowledgeBaseView> {
    return { ...base, mappedBots: await this.store.aiReceptionists.usingKnowledgeBase(base.orgId, base.id) };
  }
}
