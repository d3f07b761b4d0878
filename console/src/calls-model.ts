import type { AttendantVisit, QueueWait, Redirection, RemoteParty, SimulatedSession, StreamEvent } from './types.ts';

// What the console knows of the organization's calls, built from the live event stream and the
// simulator's view of active sessions. Pure: no DOM, no fetch.

export type TimelineEntry = {
  at: string;
  actorId: string;
  callId: string;
  eventType: string;
  state: string;
  personality: string;
  remote: string;
};

export type CallView = {
  callSessionId: string;
  created: string;
  /** The legs still on the call (from the simulator); empty until loaded. */
  legs: SimulatedSession['legs'];
  parkedAgainst?: string;
  /** The feature that routed the call (from its events' redirections, or the attendant it met); kept once seen. */
  routedBy?: RoutedBy;
  /** While the caller waits in a call queue (from the simulator). */
  queue?: QueueWait;
  /** While the caller is in an auto attendant's menu (from the simulator). */
  attendant?: AttendantVisit;
  /** Set once the session has no leg left. */
  ended?: string;
  timeline: TimelineEntry[];
};

export type CallsModel = {
  active: Map<string, CallView>;
  /** Sessions that ended, newest first. */
  ended: CallView[];
  /** Sessions seen only in the backlog, until the snapshot says whether they are active. */
  backlog: Map<string, CallView>;
  /** Person names learnt from legs and remote parties, by person ID. */
  names: Map<string, string>;
  /** When each session started (its first event), for the chart. */
  starts: Map<string, string>;
  /** The newest event time seen (server clock). */
  latest: string | undefined;
};

const MAX_TIMELINE = 200;
const MAX_ENDED = 25;
const MAX_STARTS = 20_000;

export function emptyModel(): CallsModel {
  return { active: new Map(), ended: [], backlog: new Map(), names: new Map(), starts: new Map(), latest: undefined };
}

export function describeParty(party: RemoteParty | undefined): string {
  if (!party) return 'unknown';
  if (party.privacyEnabled && !party.name && !party.number) return 'private';
  if (party.name && party.number) return `${party.name} (${party.number})`;
  return party.name ?? party.number ?? 'unknown';
}

/** A feature that routed a call: a call queue, a hunt group or an auto attendant; or forwarding by someone. */
export type RoutedBy = { kind: 'callQueue' | 'huntGroup' | 'autoAttendant' | 'forwarded'; name: string; number?: string; reason: string };

const FEATURE_REASONS: Record<string, RoutedBy['kind']> = { callQueue: 'callQueue', huntGroup: 'huntGroup' };

/** What an event's redirections say routed the call: the feature among them first, else the latest forwarding. */
export function routedByRedirections(redirections: Redirection[] | undefined): RoutedBy | undefined {
  if (!redirections || redirections.length === 0) return undefined;
  const r = redirections.find((x) => FEATURE_REASONS[x.reason]) ?? redirections[0]!;
  const party = r.redirectingParty;
  return { kind: FEATURE_REASONS[r.reason] ?? 'forwarded', name: party.name ?? party.number ?? 'unknown', ...(party.number ? { number: party.number } : {}), reason: r.reason };
}

const KIND_LABEL: Record<RoutedBy['kind'], string> = { callQueue: 'Call queue', huntGroup: 'Hunt group', autoAttendant: 'Auto attendant', forwarded: 'Forwarded by' };
const ANNOUNCEMENT: Record<string, string> = { welcome: 'hearing the welcome message', musicOnHold: 'hearing music on hold', comfort: 'hearing the comfort message' };
const MENU: Record<string, string> = { businessHours: 'business hours menu', afterHours: 'after hours menu' };
const AWAITING: Record<string, string> = { key: 'waiting for a key', extension: 'dialling an extension', name: 'dialling a name', mailbox: 'dialling a mailbox' };

/**
 * How the console says which feature routed a call and where the caller is in it, for example
 * "Call queue Support (5300) · waiting, position 1 · hearing the welcome message".
 */
export function describeRouting(call: Pick<CallView, 'routedBy' | 'queue' | 'attendant'>): string | undefined {
  const parts: string[] = [];
  if (call.attendant) {
    parts.push(`Auto attendant ${call.attendant.name}`, MENU[call.attendant.menu] ?? call.attendant.menu, AWAITING[call.attendant.awaiting] ?? `waiting for ${call.attendant.awaiting}`);
    if (call.attendant.digits) parts.push(`digits ${call.attendant.digits}`);
  } else if (call.routedBy) {
    const r = call.routedBy;
    const who = r.number && r.number !== r.name ? `${r.name} (${r.number})` : r.name;
    parts.push(r.kind === 'forwarded' ? `${KIND_LABEL[r.kind]} ${who} (${r.reason})` : `${KIND_LABEL[r.kind]} ${who}`);
  }
  if (call.queue) {
    if (!call.routedBy || call.routedBy.kind !== 'callQueue' || call.routedBy.name !== call.queue.name) parts.push(`Call queue ${call.queue.name}`);
    parts.push(`waiting, position ${call.queue.position}`, ANNOUNCEMENT[call.queue.announcement] ?? call.queue.announcement);
  }
  return parts.length ? parts.join(' · ') : undefined;
}

/**
 * Whether `next` tells more of the call's routing than `current`: a queue or hunt group says more
 * than forwarding or the attendant that sent the caller there; the same feature with its number
 * more than without. The first feature seen otherwise stays.
 */
function saysMore(current: RoutedBy | undefined, next: RoutedBy): boolean {
  if (!current || current.kind === 'forwarded') return true;
  if (current.kind === 'autoAttendant') return next.kind !== 'forwarded';
  return next.kind === current.kind && next.name === current.name && current.number === undefined && next.number !== undefined;
}

function learn(model: CallsModel, personId: string | undefined, name: string | undefined): void {
  if (personId && name) model.names.set(personId, name);
}

function findView(model: CallsModel, sessionId: string): CallView | undefined {
  return model.active.get(sessionId) ?? model.backlog.get(sessionId) ?? model.ended.find((v) => v.callSessionId === sessionId);
}

/**
 * Adds an event to its session's timeline. A session not known yet is kept in the backlog (while
 * catching up) or becomes active (live): the caller then loads its legs.
 */
export function recordEvent(model: CallsModel, event: StreamEvent, live: boolean): CallView {
  const { data } = event;
  learn(model, data.remoteParty?.personId, data.remoteParty?.name);
  if (!model.latest || event.created > model.latest) model.latest = event.created;
  if (!model.starts.has(data.callSessionId)) {
    model.starts.set(data.callSessionId, data.eventTimestamp);
    if (model.starts.size > MAX_STARTS) model.starts.delete(model.starts.keys().next().value!);
  }
  let view = findView(model, data.callSessionId);
  if (!view) {
    view = { callSessionId: data.callSessionId, created: data.created, legs: [], timeline: [] };
    (live ? model.active : model.backlog).set(data.callSessionId, view);
  }
  const routed = routedByRedirections(data.redirections);
  if (routed && saysMore(view.routedBy, routed)) view.routedBy = routed;
  view.timeline.push({
    at: data.eventTimestamp,
    actorId: event.actorId,
    callId: data.callId,
    eventType: data.eventType,
    state: data.state,
    personality: data.personality,
    remote: describeParty(data.remoteParty),
  });
  if (view.timeline.length > MAX_TIMELINE) view.timeline.splice(0, view.timeline.length - MAX_TIMELINE);
  return view;
}

function end(model: CallsModel, view: CallView, at: string): void {
  model.active.delete(view.callSessionId);
  model.backlog.delete(view.callSessionId);
  view.legs = [];
  view.queue = undefined;
  view.attendant = undefined;
  view.ended ??= view.timeline.at(-1)?.at ?? at;
  model.ended = [view, ...model.ended.filter((v) => v.callSessionId !== view.callSessionId)].slice(0, MAX_ENDED);
}

/** The simulator's current view of one session: its legs, or its end. */
export function applySession(model: CallsModel, session: SimulatedSession, now: string): void {
  for (const leg of session.legs) learn(model, leg.party.personId, leg.party.name);
  const view = findView(model, session.callSessionId) ?? { callSessionId: session.callSessionId, created: session.created, legs: [], timeline: [] };
  view.created = session.created;
  if (session.legs.length === 0) return end(model, view, now);
  view.legs = session.legs;
  view.parkedAgainst = session.parkedAgainst;
  view.queue = session.queue;
  view.attendant = session.attendant;
  // Whoever the attendant sends the caller to, the call came through it.
  if (session.attendant && !view.routedBy) view.routedBy = { kind: 'autoAttendant', name: session.attendant.name, reason: 'autoAttendant' };
  if (session.queue && !view.routedBy) view.routedBy = { kind: 'callQueue', name: session.queue.name, reason: 'callQueue' };
  view.ended = undefined;
  model.backlog.delete(session.callSessionId);
  model.ended = model.ended.filter((v) => v !== view);
  model.active.set(session.callSessionId, view);
}

/**
 * Every active session at the moment the backlog was caught up: those become the active calls;
 * any other session seen so far has ended.
 */
export function applySnapshot(model: CallsModel, sessions: SimulatedSession[], now: string): void {
  const activeIds = new Set(sessions.map((s) => s.callSessionId));
  const gone = [...model.backlog.values(), ...model.active.values()].filter((v) => !activeIds.has(v.callSessionId));
  gone.sort((a, b) => (a.timeline.at(-1)?.at ?? a.created).localeCompare(b.timeline.at(-1)?.at ?? b.created));
  for (const view of gone) end(model, view, now);
  for (const session of sessions) applySession(model, session, now);
}

/** Calls started per bucket over the window ending at `now`, oldest bucket first. */
export function callsOverTime(model: CallsModel, now: Date, buckets: number, bucketMs: number): { start: Date; count: number }[] {
  const end = now.getTime();
  const begin = end - buckets * bucketMs;
  const counts = Array.from({ length: buckets }, (_, i) => ({ start: new Date(begin + i * bucketMs), count: 0 }));
  for (const at of model.starts.values()) {
    const t = Date.parse(at);
    if (t < begin || t > end) continue;
    const index = Math.min(buckets - 1, Math.floor((t - begin) / bucketMs));
    counts[index]!.count++;
  }
  return counts;
}

/** Active sessions, oldest first. */
export const activeCalls = (model: CallsModel): CallView[] => [...model.active.values()].sort((a, b) => a.created.localeCompare(b.created));
