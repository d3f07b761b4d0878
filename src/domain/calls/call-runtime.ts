import { randomUUID } from 'node:crypto';
import { holdOtherCalls, takers } from '../../engine/active-call.ts';
import type { EngineContext, Step } from '../../engine/legs.ts';
import { act, fireTimer } from '../../engine/session.ts';
import { consultTransfer } from '../../engine/transfer.ts';
import { WEBHOOK_EVENT_OF, type Leg, type Party, type Session } from '../../engine/types.ts';
import type { CallEventRecord, CallHistoryRecord, SessionDocument } from '../../store/calls-store.ts';
import type { SettingOwner } from '../../store/owner-settings-store.ts';
import type { Store } from '../../store/store.ts';
import { timestamp, type Clock } from '../clock.ts';
import { WebexError } from '../errors.ts';
import { callActionRefused, callNotFound, callsBusy } from './call-errors.ts';
import { historyRecord } from './call-history.ts';
import { notifyCalls } from './call-notify.ts';
import { writeCallRecords, type EndedLeg } from '../call-records/call-records.ts';
import { trackRecording } from '../recordings/recording-tracker.ts';
import { newCallId } from './call-ids.ts';
import { loadPolicies, type CallTiming } from './call-policies.ts';
import { loadPersonRouting, withRouting } from './person-routing.ts';
import { loadHuntPlans, rememberHunts } from '../hunt-groups/hunt-calls.ts';
import { rememberQueues } from '../call-queues/queue-plan.ts';
import { loadAttendantPlans } from '../auto-attendants/attendant-calls.ts';
import { attendantTargets } from '../../engine/attendant.ts';
import { loadPagePlans } from '../paging/paging-calls.ts';
import { TimerSweeper } from './call-timers.ts';
import { callEventData } from './call-views.ts';
import { decodeSession, encodeSession } from './session-codec.ts';

// Carries out engine steps: stores the sessions they produced (only if nobody changed them
// meanwhile; otherwise the work is done again), writes one event per affected person leg into
// the outbox and the call history of legs that ended, all in one transaction. Timers are kept
// with the sessions in the store, and any live process fires them (call-timers.ts).

class VersionConflict extends Error {}

const MAX_ATTEMPTS = 5;

/** The sessions a unit of work loaded, with what it needs to store them back. */
export class CallWork {
  readonly tx: Store;
  private readonly runtime: CallRuntime;
  readonly loaded = new Map<string, { version: number; eventSeq: number; session: Session }>();

  constructor(tx: Store, runtime: CallRuntime) {
    this.tx = tx;
    this.runtime = runtime;
  }

  async session(sessionId: string): Promise<Session> {
    const stored = await this.tx.calls.get(sessionId);
    if (!stored) throw callNotFound();
    return this.remember(decodeSession(stored.data), stored.eventSeq);
  }

  /** The session holding a leg, or undefined. */
  async sessionOfLeg(legId: string): Promise<Session | undefined> {
    const stored = await this.tx.calls.sessionOfLeg(legId);
    return stored ? this.remember(decodeSession(stored.data), stored.eventSeq) : undefined;
  }

  async parkedAgainst(orgId: string, personId: string): Promise<Session | undefined> {
    const stored = await this.tx.calls.parkedAgainst(orgId, personId);
    return stored ? this.remember(decodeSession(stored.data), stored.eventSeq) : undefined;
  }

  private remember(session: Session, eventSeq: number): Session {
    this.loaded.set(session.id, { version: session.version, eventSeq, session });
    return session;
  }

  /** An engine context whose policies cover everyone in the loaded sessions and these parties. */
  context(...parties: Party[]): Promise<EngineContext> {
    return this.runtime.context(this.tx, [...[...this.loaded.values()].flatMap((l) => partiesOf(l.session)), ...parties]);
  }
}

/** Everyone a session may need the policy of, including where a click-to-dial is going. */
function partiesOf(session: Session): Party[] {
  return [
    ...session.legs.flatMap((l) => [l.party, ...(l.pendingDestination ? [l.pendingDestination] : [])]),
    // Whom a leg rings for (an executive whose assistants ring) decides what its timers do next.
    ...session.legs.flatMap((l) => (l.redirections[0]?.reason === 'executive' ? [l.redirections[0].redirectingParty] : [])),
    ...(session.park ? [session.park.against, session.park.parkedBy, ...(session.park.recall?.huntGroup ? [session.park.recall.huntGroup] : [])] : []),
    // A hunt offers its agents later, on timers: their policies (busy phone, auto-answer) count then.
    ...(session.hunt ? session.hunt.plan.agents.map((a) => a.party) : []),
    // A queued call is offered again on a timer: its queue's plan is read afresh then.
    ...(session.hunt?.group.feature === 'callQueue' && !session.hunt.over ? [session.hunt.group] : []),
    // An attendant sends its caller on later, on DTMF: to people (policies) and hunt groups (plans).
    ...(session.attendant && !session.attendant.over ? attendantTargets(session.attendant.plan) : []),
  ];
}

/** Whose settings documents the engine reads for a party: a line's own, its location's and its organization's. */
function settingOwnersOf(party: Party): SettingOwner[] {
  if (party.kind !== 'person') return [];
  const { orgId } = party;
  return [
    { orgId, kind: party.line ?? 'person', id: party.personId },
    { orgId, kind: 'location', id: party.locationId },
    { orgId, kind: 'organization', id: orgId },
  ];
}

const personIdOf = (party: Party) => (party.kind === 'person' ? party.personId : null);

export class CallRuntime {
  private readonly store: Store;
  private readonly clock: Clock;
  readonly timing: CallTiming;
  private readonly timers: TimerSweeper;
  private readonly onError: (error: unknown) => void;
  private readonly onTransition: (line: string) => void;
  /** Hears the organizations whose call events a commit added (the webhook delivery worker's nudge). */
  onEvents: (orgIds: ReadonlySet<string>) => void = () => {};
  /** Whether a commit adding call events of these organizations signals other processes too (the worker's nudge condition). */
  signalsEvents: (orgIds: ReadonlySet<string>) => boolean = () => false;

  /** onTransition hears every state change of a leg, as `alerting -[answered]-> connected`. */
  constructor(
    store: Store,
    clock: Clock,
    timing: CallTiming,
    hooks: { onError?: (error: unknown) => void; onTransition?: (line: string) => void } = {},
  ) {
    this.store = store;
    this.clock = clock;
    this.timing = timing;
    this.onError = hooks.onError ?? (() => {});
    this.onTransition = hooks.onTransition ?? (() => {});
    this.timers = new TimerSweeper(store, clock, (sessionId) => this.fireDue(sessionId), this.onError);
  }

  async context(tx: Store, given: Party[]): Promise<EngineContext> {
    // The settings documents a step asks of each person (their own, their location's, their
    // organization's), in one statement when the transaction remembers them (transact).
    await tx.ownerSettings.rememberOwners(given.flatMap(settingOwnersOf));
    const attendants = await loadAttendantPlans(tx, given, this.clock.now());
    const parties = [...given, ...[...attendants.values()].flatMap(attendantTargets)];
    const plans = await loadHuntPlans(tx, parties, this.clock.now());
    const agents = [...plans.values()].flatMap((p) => p.agents.map((a) => a.party));
    const personIds = [...parties, ...agents].map(personIdOf).filter((id): id is string => id !== null);
    const routing = await loadPersonRouting(tx, parties, this.clock.now());
    // Attendants a forward may reach (a person's forwarding, a hunt group's) answer with their plans too.
    const forwardedTo = [
      ...[...plans.values()].flatMap((p) => [p.noAnswerForward, p.busyForward, p.alwaysForward, ...(p.selective ?? []).map((r) => r.forward)]),
      ...[...routing.values()].flatMap((r) => [r.forwardAlways, r.forwardBusy, r.forwardNoAnswer?.to, r.forwardUnreachable]),
    ].filter((p): p is Party => p?.kind === 'autoAttendant' && !attendants.has(p.autoAttendantId));
    for (const [id, plan] of await loadAttendantPlans(tx, forwardedTo, this.clock.now())) attendants.set(id, plan);
    const pages = await loadPagePlans(tx, parties);
    const targets = [...pages.values()].flatMap((p) => p.targets.map((t) => t.party.personId));
    return {
      now: timestamp(this.clock),
      ringTimeoutMs: this.timing.ringTimeoutMs,
      parkRecallMs: this.timing.parkRecallMs,
      voicemailMs: this.timing.voicemailMs,
      newCallId,
      newTimerId: randomUUID,
      // People's call settings (DND, call waiting, forwarding) as a policy of their own: person-routing.ts.
      policy: withRouting(await loadPolicies(tx, [...personIds, ...targets, ...routing.keys()], this.timing, orgIdsOf(parties), parties), routing),
      huntPlan: (id) => plans.get(id),
      attendantPlan: (id) => attendants.get(id),
      pagePlan: (id) => pages.get(id),
    };
  }

  /**
   * Runs work in a transaction and stores the step it returns. A refusal becomes a 409 that
   * changes nothing; a concurrent change to the same session makes the work run again.
   */
  async transact<T>(work: (w: CallWork) => Promise<{ step: Step; value: T } | { refused: string }>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        const done = await this.store.transaction(async (tx) => {
          // The engine asks for a person's settings one document at a time, several times a call:
          // one read of each owner's documents serves the transaction (it writes settings, if
          // ever, through the same repository, which forgets what it read of that owner). So
          // for locations (ring schedules, call records), which calls never write, and for
          // people's active legs (routing, line appearances, holding other calls), forgotten
          // when a session is stored.
          tx.ownerSettings.rememberInTransaction();
          tx.locations.rememberInTransaction();
          tx.calls.rememberInTransaction();
          const w = new CallWork(tx, this);
          const result = await work(w);
          if ('refused' in result) throw callActionRefused(result.refused);
          const step = await this.holdOtherCalls(w, result.step);
          const eventOrgs = await this.commit(w, step);
          // PostgreSQL: the other processes' workers hear of these events once they commit (NOTIFY).
          if (eventOrgs.size > 0 && tx.dialect === 'postgres' && this.signalsEvents(eventOrgs)) await tx.signalOutbox();
          return { step, value: result.value, eventOrgs };
        });
        if (done.eventOrgs.size > 0) this.onEvents(done.eventOrgs);
        await this.afterCommit(done.step);
        return done.value;
      } catch (error) {
        if (!(error instanceof VersionConflict)) throw error;
        if (attempt >= MAX_ATTEMPTS) throw callsBusy();
      }
    }
  }

  /** A person who takes a call puts their other connected calls on hold (engine/active-call.ts). */
  private async holdOtherCalls(w: CallWork, step: Step): Promise<Step> {
    const taken = takers(step);
    if (taken.size === 0) return step;
    const others = new Map<string, Session>();
    for (const [personId, legId] of taken) {
      for (const other of await w.tx.calls.activeLegsOf(personId)) {
        if (other.legId === legId || others.has(other.sessionId) || step.sessions.some((s) => s.id === other.sessionId)) continue;
        const session = await w.sessionOfLeg(other.legId);
        if (session) others.set(session.id, session);
      }
    }
    return others.size === 0 ? step : holdOtherCalls(step, [...others.values()], taken, await w.context());
  }

  /** Stores the step; gives the organizations whose call events it added. */
  private async commit(w: CallWork, step: Step): Promise<Set<string>> {
    const tx = w.tx;
    const now = timestamp(this.clock);
    const events: CallEventRecord[] = [];
    const history: CallHistoryRecord[] = [];
    const ended: EndedLeg[] = [];
    await rememberHunts(tx, step.sessions, (id) => w.loaded.get(id)?.session.hunt?.offered.length ?? 0);
    for (const session of step.sessions) {
      const prior = w.loaded.get(session.id);
      const priorLegs = new Map((prior?.session.legs ?? []).map((l) => [l.id, l]));
      await this.assignAppearances(tx, session, priorLegs);
      // A session that takes over another's calls (a conference) numbers its events after every
      // session of this work: the fan-out orders events of one instant by seq, so a call's events
      // stay in order when it moves (webhooks.ts pendingEvents).
      let seq = Math.max(prior?.eventSeq ?? 0, ...[...w.loaded.values()].map((l) => l.eventSeq));
      for (const event of step.events) {
        const leg = session.legs.find((l) => l.id === event.legId);
        const personId = leg && personIdOf(leg.party);
        // telephony_calls events are a person's: a workspace's leg has none.
        if (!leg || !personId || (leg.party.kind === 'person' && leg.party.line !== undefined)) continue;
        const data = callEventData(session, leg, event.type, now);
        events.push({
          id: randomUUID(),
          orgId: session.orgId,
          sessionId: session.id,
          seq: ++seq,
          personId,
          callId: data.callId,
          eventType: event.type,
          data: JSON.stringify(data),
          created: now,
          // The typed spine the webhook fan-out reads, computed here once (docs/webhooks.md).
          webhookEvent: WEBHOOK_EVENT_OF[event.type],
          personality: data.personality,
          state: data.state,
          callType: data.remoteParty.callType,
        });
      }
      for (const leg of session.legs) {
        const before = priorLegs.get(leg.id);
        if (!before || before.state !== leg.state) {
          const cause = step.events.filter((e) => e.legId === leg.id).map((e) => e.type).join(',') || 'moved';
          this.onTransition(`call ${leg.id} of session ${session.id}: ${before?.state ?? 'new'} -[${cause}]-> ${leg.state}`);
        }
        // A call pull moves a leg to another endpoint without changing its state (engine/pull.ts).
        if (before && before.endpoint !== leg.endpoint) {
          this.onTransition(`call ${leg.id} of session ${session.id}: ${leg.state} -[moveToEndpoint]-> ${leg.state} on ${leg.endpoint ?? 'the simulated phone'}`);
        }
        await trackRecording(tx, session, leg, before, now);
        if (leg.state === 'disconnected' && (!before || before.state !== 'disconnected')) {
          const record = historyRecord(session, leg, prior?.session);
          if (record) history.push(record);
          ended.push({ session, leg, prior: prior?.session });
        }
      }
      // Call notify: an email (to the outbox) for each new call its rules take (call-notify.ts).
      await notifyCalls(tx, session, priorLegs, now);
      const document = toDocument(session);
      if (prior) {
        if (!(await tx.calls.saveSession(document, prior.version, seq, now))) throw new VersionConflict();
      } else {
        // Stored with its events' last seq at once (it was inserted, then saved again: issue 17).
        await tx.calls.insertSession(document, now, seq);
      }
    }
    await tx.calls.addEvents(events);
    await tx.calls.addHistory(history);
    await rememberQueues(tx, step.sessions, (id) => w.loaded.get(id)?.session.hunt?.offered.length ?? 0);
    await writeCallRecords(tx, ended, now);
    return new Set(events.map((e) => e.orgId));
  }

  /** A person's new leg takes the lowest line appearance their other calls leave free. */
  private async assignAppearances(tx: Store, session: Session, priorLegs: Map<string, Leg>): Promise<void> {
    for (const leg of session.legs) {
      const personId = personIdOf(leg.party);
      if (!personId || leg.appearance !== null || leg.state === 'disconnected' || priorLegs.has(leg.id)) continue;
      const used = new Set((await tx.calls.activeLegsOf(personId)).filter((l) => l.legId !== leg.id).map((l) => l.appearance));
      for (const other of session.legs) if (other.id !== leg.id && personIdOf(other.party) === personId) used.add(other.appearance);
      let appearance = 1;
      while (used.has(appearance)) appearance++;
      leg.appearance = appearance;
    }
  }

  /** Wakes for new timers; a mute transfer whose target answered completes before the answer returns. */
  private async afterCommit(step: Step): Promise<void> {
    for (const session of step.sessions) {
      const due = timerDue(session);
      if (due !== null) this.timers.wakeAt(due);
    }
    if (step.completeTransfer) {
      const { transferorSessionId, transferorLegId, consultSessionId, consultLegId } = step.completeTransfer;
      await this.transact(async (w) => {
        const held = await w.session(transferorSessionId);
        const consult = await w.session(consultSessionId);
        const result = consultTransfer(held, transferorLegId, consult, consultLegId, await w.context());
        return 'refused' in result ? result : { step: result, value: undefined };
      }).catch(this.onError);
    }
  }

  /** Fires the timers of a claimed session that are due now, in order; saving it ends the claim. */
  private async fireDue(sessionId: string): Promise<void> {
    try {
      await this.transact(async (w) => {
        let session = await w.session(sessionId);
        const ctx = await w.context();
        const due = session.timers.filter((t) => t.at <= ctx.now).sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
        const step: Step = { sessions: [session], events: [] };
        for (const timer of due) {
          const fired = fireTimer(session, timer.id, ctx);
          if (!fired) continue;
          session = fired.sessions[0]!;
          step.events.push(...fired.events);
          step.completeTransfer ??= fired.completeTransfer;
        }
        step.sessions = [session];
        return { step, value: undefined };
      });
    } catch (error) {
      if (!(error instanceof WebexError && error.status === 404)) this.onError(error);
    }
  }

  /** Ends every call of a person (being deleted): as if they hung up each, with its events and history. */
  async endCallsOf(personId: string): Promise<void> {
    for (const { legId } of await this.store.calls.activeLegsOf(personId)) {
      await this.transact(async (w) => {
        const session = await w.sessionOfLeg(legId);
        const leg = session?.legs.find((l) => l.id === legId);
        if (!session || !leg || leg.state === 'disconnected') return { step: { sessions: [], events: [] }, value: undefined };
        const result = act(session, legId, { type: 'hangup' }, await w.context());
        return 'refused' in result ? result : { step: result, value: undefined };
      });
    }
  }

  /** The server clock's time (what the simulator shows a waiting caller hearing). */
  now(): Date {
    return this.clock.now();
  }

  /** Starts looking for due timers of every process's sessions (after a restart too). */
  start(): Promise<void> {
    return this.timers.start();
  }

  stop(): Promise<void> {
    return this.timers.stop();
  }
}

const timerDue = (session: Session): string | null =>
  session.legs.some((l) => l.state !== 'disconnected') ? (session.timers.map((t) => t.at).sort()[0] ?? null) : null;

function toDocument(session: Session): SessionDocument {
  return {
    id: session.id,
    orgId: session.orgId,
    data: encodeSession(session),
    version: session.version,
    active: session.legs.some((l) => l.state !== 'disconnected'),
    // A person's ID or a call park extension's: retrieve looks the call up by either.
    parkedAgainst: session.park?.against.kind === 'person' ? session.park.against.personId : session.park?.against.kind === 'parkExtension' ? session.park.against.parkExtensionId : null,
    created: session.created,
    timerDue: timerDue(session),
    legs: session.legs.map((l) => ({ id: l.id, personId: personIdOf(l.party), active: l.state !== 'disconnected', appearance: l.appearance, created: l.created })),
  };
}

/** The organizations of a call's parties (PSTN parties and feature codes belong to none). */
const orgIdsOf = (parties: readonly Party[]): string[] => parties.flatMap((p) => ('orgId' in p && typeof p.orgId === 'string' ? [p.orgId] : []));
