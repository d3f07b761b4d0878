// Tables of the AI receptionist area (see store/migrations/0090-ai-receptionists.ts).
import type { Flag } from '../database.ts';

export type AiReceptionistsTable = {
  id: string;
  org_id: string;
  location_id: string;
  name: string;
  enabled: Flag;
  /** E.164, unique across AI receptionists (other lines are checked by the domain). */
  phone_number: string | null;
  extension: string | null;
  /** The knowledge base its agent answers from: kept apart so a knowledge base lists its receptionists. */
  knowledge_base_id: string | null;
  /** JSON: the domain's AiReceptionistSettings. */
  settings: string;
  created: string;
  last_modified: string;
};

export type AiReceptionistIntentsTable = {
  id: string;
  org_id: string;
  ai_receptionist_id: string;
  name: string;
  description: string;
  /** JSON: the domain's TransferTarget. */
  transfer_to: string;
  /** 1, 2, … in the order the receptionist's intents were made. */
  position: number;
  created: string;
};

export type KnowledgeBasesTable = {
  id: string;
  org_id: string;
  name: string;
  description: string | null;
  created: string;
  last_modified: string;
};

export type KnowledgeBaseDocumentsTable = {
  id: string;
  org_id: string;
  knowledge_base_id: string;
  name: string;
  /** article: text given through the API; file: an uploaded file (file_name, media_type, data). */
  knowledge_type: string;
  /** The text the receptionist answers from: the article, or what an uploaded file holds as text. */
  content: string;
  file_name: string | null;
  media_type: string | null;
  /** The uploaded file's bytes (bytea: a BLOB in SQLite); null for an article. Never selected by lists. */
  data: Uint8Array | null;
  file_size: number;
  created: string;
  last_modified: string;
};

export type AiReceptionistTables = {
  ai_receptionists: AiReceptionistsTable;
  ai_receptionist_intents: AiReceptionistIntentsTable;
  knowledge_bases: KnowledgeBasesTable;
  knowledge_base_documents: KnowledgeBaseDocumentsTable;
};
