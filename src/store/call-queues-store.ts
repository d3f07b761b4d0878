// What the domain may ask of persistence for call queues, their supervisors and the calls
// waiting in them.
import type { CallQueueSettings } from '../domain/call-queues/call-queue-types.ts';
import type { Page } from './store.ts';

export type StoredCallQueue = {
  id: string;
  orgId: string;
  locationId: string;
  name: string;
  enabled: boolean;
  phoneNumber: string | null;
  extension: string | null;
  settings: CallQueueSettings;
  created: string;
  lastModified: string;
};

/** An agent in offering order; weight only for WEIGHTED queues; joinEnabled false: left the queue. */
export type StoredQueueAgent = { personId: string; weight: number | null; skillLevel: number; joinEnabled: boolean };

export type CallQueueFilter = { locationId?: string; name?: string; phoneNumber?: string; start: number; max: number };

export interface CallQueueRepository {
  /** UniqueViolation for a name, number or extension in use. */
  insert(queue: StoredCallQueue, agents: readonly StoredQueueAgent[]): Promise<void>;
  get(orgId: string, id: string): Promise<StoredCallQueue | undefined>;
  findByName(locationId: string, name: string): Promise<StoredCallQueue | undefined>;
  findByNumber(phoneNumber: string): Promise<StoredCallQueue | undefined>;
  findByExtension(locationId: string, extension: string): Promise<StoredCallQueue | undefined>;
  /** By name; name: case-insensitive substring, phoneNumber: contained digits. */
  list(orgId: string, filter: CallQueueFilter): Promise<Page<StoredCallQueue, number>>;
  /** Every queue of the organization (or of the given IDs), by name. */
  all(orgId: string, ids?: readonly string[]): Promise<StoredCallQueue[]>;
  agents(queueId: string): Promise<StoredQueueAgent[]>;
  /** The queues a person is an agent of, with their membership. */
  queuesOf(personId: string): Promise<{ queueId: string; joinEnabled: boolean }[]>;
  /** Every agent membership of the organization's queues. */
  memberships(orgId: string): Promise<{ queueId: string; personId: string; joinEnabled: boolean }[]>;
  setJoined(queueId: string, personId: string, joinEnabled: boolean): Promise<void>;
  /** Saves everything but the ID; replaces the agents when given. */
  update(queue: StoredCallQueue, agents?: readonly StoredQueueAgent[]): Promise<void>;
  delete(orgId: string, id: string): Promise<void>;
  /** The agent a CIRCULAR queue offered a call to last. */
  lastAgent(id: string): Promise<string | null>;
  setLastAgent(id: string, personId: string): Promise<void>;
  /** Calls waiting: a session enters (or stays, keeping its time) or leaves the queue's line. */
  setWaiting(sessionId: string, queueId: string | null, since: string): Promise<void>;
  /** The sessions waiting in the queue, first come first. */
  waiting(queueId: string): Promise<string[]>;
  /** Supervisors: person ID → the agents they supervise. */
  supervisors(orgId: string): Promise<Map<string, string[]>>;
  setSupervisedAgents(orgId: string, supervisorId: string, agentIds: readonly string[]): Promise<void>;
}

/** A feature document (see migration 0037): playlists, wrap-up reasons, organization settings. */
export type FeatureDocument = { id: string; orgId: string; kind: string; name: string; data: Record<string, unknown>; created: string; lastModified: string };

export interface FeatureDocumentRepository {
  /** UniqueViolation for a name in use (per organization and kind). */
  insert(doc: FeatureDocument): Promise<void>;
  get(orgId: string, kind: string, id: string): Promise<FeatureDocument | undefined>;
  /** By name. */
  list(orgId: string, kind: string): Promise<FeatureDocument[]>;
  update(doc: FeatureDocument): Promise<void>;
  delete(orgId: string, kind: string, id: string): Promise<void>;
}
