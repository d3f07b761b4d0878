import type { Flag } from '../database.ts';

// Tables of the calls area (see store/migrations/0007-calls.ts).
export type CallTables = {
  call_sessions: {
    id: string;
    org_id: string;
    /** The engine's Session, as JSON. */
    data: string;
    active: Flag;
    version: number;
    event_seq: number;
    parked_against: string | null;
    created: string;
    updated: string;
    /** When the session's earliest timer falls due (clock time); null without timers. */
    timer_due: string | null;
    /** Until when (wall time) a process works on the session's due timers. */
    timer_lease: string | null;
  };
  call_legs: {
    id: string;
    session_id: string;
    org_id: string;
    person_id: string | null;
    active: Flag;
    appearance: number | null;
    created: string;
  };
  call_history: {
    id: string;
    org_id: string;
    person_id: string;
    type: string;
    name: string | null;
    number: string | null;
    privacy_enabled: Flag;
    time: string;
    call_id: string;
    session_id: string;
  };
  call_events: {
    id: string;
    org_id: string;
    session_id: string;
    seq: number;
    person_id: string;
    call_id: string;
    event_type: string;
    data: string;
    created: string;
    /** The typed spine (migration 0015), computed when the event is written: created, updated or deleted. */
    webhook_event: string;
    personality: string;
    state: string;
    call_type: string | null;
  };
  /** Outbox events the webhook fan-out has not seen yet. */
  call_events_pending: {
    event_id: string;
  };
  phones: {
    person_id: string;
    org_id: string;
    auto_answer: Flag;
    auto_answer_delay_ms: number;
    busy: Flag;
    /** Not registered: calls go to business continuity (migration 0025). */
    offline: Flag;
  };
  call_recording_settings: {
    person_id: string;
    org_id: string;
    data: string;
  };
};
