// What the domain may ask of persistence for AI receptionists and knowledge bases.
import type { AiReceptionistSettings, TransferTarget } from '../domain/ai-receptionists/ai-receptionist-types.ts';
import type { Page } from './store.ts';

export type StoredAiReceptionist = {
  id: string;
  orgId: string;
  locationId: string;
  name: string;
  enabled: boolean;
  phoneNumber: string | null;
  extension: string | null;
  knowledgeBaseId: string | null;
  settings: AiReceptionistSettings;
  created: string;
  lastModified: string;
};

export type StoredIntent = { id: string; orgId: string; aiReceptionistId: string; name: string; description: string; transferTo: TransferTarget; created: string };

export type StoredKnowledgeBase = { id: string; orgId: string; name: string; description: string | null; created: string; lastModified: string };

/** A knowledge base with what its documents add up to. */
export type KnowledgeBaseSummary = StoredKnowledgeBase & { documentsCount: number; filesCount: number; filesSize: number };

export type StoredDocument = {
  id: string;
  orgId: string;
  knowledgeBaseId: string;
  name: string;
  knowledgeType: 'article' | 'file';
  content: string;
  fileName: string | null;
  mediaType: string | null;
  fileSize: number;
  created: string;
  lastModified: string;
};

export type AiReceptionistFilter = { locationId?: string; name?: string; phoneNumber?: string; start: number; max: number };

export interface AiReceptionistRepository {
  /** UniqueViolation for a name, number or extension in use. */
  insert(receptionist: StoredAiReceptionist): Promise<void>;
  get(orgId: string, id: string): Promise<StoredAiReceptionist | undefined>;
  findByName(locationId: string, name: string): Promise<StoredAiReceptionist | undefined>;
  findByNumber(phoneNumber: string): Promise<StoredAiReceptionist | undefined>;
  findByExtension(locationId: string, extension: string): Promise<StoredAiReceptionist | undefined>;
  /** By name; name: case-insensitive substring; phoneNumber: contained in the number or the extension. */
  list(orgId: string, filter: AiReceptionistFilter): Promise<Page<StoredAiReceptionist, number>>;
  countOfOrganization(orgId: string): Promise<number>;
  usingKnowledgeBase(orgId: string, knowledgeBaseId: string): Promise<StoredAiReceptionist[]>;
  /** Saves everything but the ID. */
  update(receptionist: StoredAiReceptionist): Promise<void>;
  delete(orgId: string, id: string): Promise<void>;

  /** Intents in the order they were made. UniqueViolation for a name the receptionist has. */
  insertIntent(intent: StoredIntent): Promise<void>;
  intents(orgId: string, aiReceptionistId: string): Promise<StoredIntent[]>;
  intentCounts(orgId: string, aiReceptionistIds: readonly string[]): Promise<Map<string, number>>;
  updateIntent(intent: StoredIntent): Promise<void>;
  deleteIntent(orgId: string, id: string): Promise<void>;
}

export type KnowledgeBaseFilter = { name?: string; start: number; max: number };

export interface KnowledgeBaseRepository {
  /** UniqueViolation for a name the organization has. */
  insert(base: StoredKnowledgeBase): Promise<void>;
  get(orgId: string, id: string): Promise<KnowledgeBaseSummary | undefined>;
  findByName(orgId: string, name: string): Promise<StoredKnowledgeBase | undefined>;
  list(orgId: string, filter: KnowledgeBaseFilter): Promise<Page<KnowledgeBaseSummary, number>>;
  update(base: StoredKnowledgeBase): Promise<void>;
  /** Its documents go with it. */
  delete(orgId: string, id: string): Promise<void>;

  insertDocument(document: StoredDocument, data: Uint8Array | null): Promise<void>;
  documents(orgId: string, knowledgeBaseId: string, start: number, max: number): Promise<Page<StoredDocument, number>>;
  getDocument(orgId: string, knowledgeBaseId: string, id: string): Promise<StoredDocument | undefined>;
  /** The uploaded file's bytes; undefined for an article or another base's document. */
  documentData(orgId: string, knowledgeBaseId: string, id: string): Promise<Uint8Array | undefined>;
  updateDocument(document: StoredDocument): Promise<void>;
  deleteDocument(orgId: string, id: string): Promise<void>;
}
