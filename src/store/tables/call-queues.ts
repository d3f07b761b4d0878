// Tables of the call-queues area (see store/migrations/0036-call-queues.ts and 0037).
import type { Flag } from '../database.ts';

export type CallQueuesTable = {
  id: string;
  org_id: string;
  location_id: string;
  name: string;
  enabled: Flag;
  phone_number: string | null;
  extension: string | null;
  /** JSON: the domain's CallQueueSettings. */
  settings: string;
  last_agent_id: string | null;
  created: string;
  last_modified: string;
};

export type CallQueueAgentsTable = { queue_id: string; person_id: string; position: number; weight: number | null; skill_level: number; join_enabled: Flag };
export type CallQueueWaitingTable = { session_id: string; queue_id: string; since: string; arrival: number };
export type CallQueueSupervisorsTable = { org_id: string; supervisor_id: string; agent_id: string };
export type FeatureDocumentsTable = { id: string; org_id: string; kind: string; name: string; data: string; created: string; last_modified: string };

export type CallQueueTables = {
  call_queues: CallQueuesTable;
  call_queue_agents: CallQueueAgentsTable;
  call_queue_waiting: CallQueueWaitingTable;
  call_queue_supervisors: CallQueueSupervisorsTable;
  feature_documents: FeatureDocumentsTable;
};
