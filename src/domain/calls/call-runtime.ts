import { randomUUID } from 'node:crypto';
import type { EngineContext, Step } from '../../engine/legs.ts';
import { fireTimer } from '../../engine/session.ts';
import { consultTransfer } from '../../engine/transfer.ts';
import { WEBHOOK_EVENT_OF, type Leg, type Party, type Session } from '../../engine/types.ts';
import type { CallEventRecord, CallHistoryRecord, SessionDocument } from '../../store/calls-store.ts';
import type { Store } from '../../store/store.ts';
import { timestamp, type Clock } from '../clock.ts';
import { WebexError } from '../errors.ts';
import { callActionRefused, callNotFound, callsBusy } from './call-errors.ts';
import { newCallId } from './call-ids.ts';
import { loadPolicies, type CallTiming } from './call-policies.ts';
import { callEventData } from './call-views.ts';
import { historyParty } from './parties.ts';

// Carries out engine steps: stores the sessions they produced (only if nobody changed them
// meanwhile; otherwise the work is done again), writes one event per affected person leg into
// the outbox and the call history of legs that ended, all in one transaction; then arms the
// sessions' timers on the clock. Timers survive a restart: rearm() arms every active session's.

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
    return this.remember(JSON.parse(stored.data), stored.eventSeq);
  }

  /** The session holding a leg, or undefined. */
  async sessionOfLeg(legId: string): Promise<Session | undefined> {
    const stored = await this.tx.calls.sessionOfLeg(legId);
    return stored ? this.remember(JSON.parse(stored.data), stored.eventSeq) : undefined;
  }

  async parkedAgainst(orgId: string, personId: string): Promise<Session | undefined> {
    const stored = await this.tx.calls.parkedAgainst(orgId, personId);
    return stored ? this.remember(JSON.parse(stored.data), stored.eventSeq) : undefined;
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

function partiesOf(session: Session): Party[] {
  return [...session.legs.map((l) => l.party), ...(session.park ? [session.park.against, session.park.parkedBy] : [])];
}

const personIdOf = (party: Party) => (party.kind === 'person' ? party.personId : null);

export class CallRuntime {
  private readonly store: Store;
  private readonly clock: Clock;
  readonly timing: CallTiming;
  private readonly armed = new Map<string, () => void>();
  private stopped = false;
  private readonly onError: (error: unknown) => void;
  private readonly onTransition: (line: string) => void;

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
  }

  async context(tx: Store, parties: Party[]): Promise<EngineContext> {
    const personIds = parties.map(personIdOf).filter((id): id is string => id !== null);
    return {
      now: timestamp(this.clock),
      ringTimeoutMs: this.timing.ringTimeoutMs,
      parkRecallMs: this.timing.parkRecallMs,
      voicemailMs: this.timing.voicemailMs,
      newCallId,
      newTimerId: randomUUID,
      policy: await loadPolicies(tx, personIds, this.timing),
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
          const w = new CallWork(tx, this);
          const result = await work(w);
          if ('refused' in result) throw callActionRefused(result.refused);
          await this.commit(w, result.step);
          return result;
        });
        await this.afterCommit(done.step);
        return done.value;
      } catch (error) {
        if (!(error instanceof VersionConflict)) throw error;
        if (attempt >= MAX_ATTEMPTS) throw callsBusy();
      }
    }
  }

  private async commit(w: CallWork, step: Step): Promise<void> {
    const tx = w.tx;
    const now = timestamp(this.clock);
    const events: CallEventRecord[] = [];
    const history: CallHistoryRecord[] = [];
    for (const session of step.sessions) {
      const prior = w.loaded.get(session.id);
      const priorLegs = new Map((prior?.session.legs ?? []).map((l) => [l.id, l]));
      await this.assignAppearances(tx, session, priorLegs);
      let seq = prior?.eventSeq ?? 0;
      for (const event of step.events) {
        const leg = session.legs.find((l) => l.id === event.legId);
        const personId = leg && personIdOf(leg.party);
        if (!leg || !personId) continue;
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
        if (leg.state === 'disconnected' && (!before || before.state !== 'disconnected')) {
          const record = historyRecord(session, leg);
          if (record) history.push(record);
        }
      }
      const document = toDocument(session);
      if (prior) {
        if (!(await tx.calls.saveSession(document, prior.version, seq, now))) throw new VersionConflict();
      } else {
        await tx.calls.insertSession(document, now);
        if (seq > 0) await tx.calls.saveSession(document, document.version, seq, now);
      }
    }
    await tx.calls.addEvents(events);
    await tx.calls.addHistory(history);
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

  /** Arms timers; a mute transfer whose target answered completes before the answer returns. */
  private async afterCommit(step: Step): Promise<void> {
    for (const session of step.sessions) this.arm(session);
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

  /** Arms the timers of a session that are not armed yet. */
  arm(session: Session): void {
    if (this.stopped) return;
    for (const timer of session.timers) {
      if (this.armed.has(timer.id)) continue;
      const delay = Date.parse(timer.at) - this.clock.now().getTime();
      this.armed.set(
        timer.id,
        this.clock.schedule(delay, async () => {
          this.armed.delete(timer.id);
          try {
            await this.transact(async (w) => {
              const current = await w.session(session.id);
              const step = fireTimer(current, timer.id, await w.context());
              return { step: step ?? { sessions: [], events: [] }, value: undefined };
            });
          } catch (error) {
            if (!(error instanceof WebexError && error.status === 404)) this.onError(error);
          }
        }),
      );
    }
  }

  /** After a restart: the timers of every active session run again. */
  async rearm(): Promise<void> {
    for (const data of await this.store.calls.activeSessions()) this.arm(JSON.parse(data));
  }

  stop(): void {
    this.stopped = true;
    for (const cancel of this.armed.values()) cancel();
    this.armed.clear();
  }
}

function toDocument(session: Session): SessionDocument {
  const active = session.legs.some((l) => l.state !== 'disconnected');
  return {
    id: session.id,
    orgId: session.orgId,
    data: JSON.stringify(session),
    version: session.version,
    active,
    parkedAgainst: session.park?.against.kind === 'person' ? session.park.against.personId : null,
    created: session.created,
    legs: session.legs.map((l) => ({ id: l.id, personId: personIdOf(l.party), active: l.state !== 'disconnected', appearance: l.appearance, created: l.created })),
  };
}

/**
 * Call history of a person's ended leg: placed for outgoing calls (at the time they went out),
 * received for answered incoming calls (at the answer), missed for incoming calls that were
 * never answered (at the end). A click-to-dial never answered, and a call diverted, transferred
 * or taken elsewhere before it was answered, leave no record.
 */
function historyRecord(session: Session, leg: Leg): CallHistoryRecord | undefined {
  if (leg.party.kind !== 'person') return undefined;
  let type: CallHistoryRecord['type'];
  let time: string;
  if (leg.personality === 'originator' && leg.placedAt) {
    type = 'placed';
    time = leg.placedAt;
  } else if (leg.personality === 'terminator' && leg.answered) {
    type = 'received';
    time = leg.answered;
  } else if (leg.personality === 'terminator' && !leg.completedElsewhere && leg.endReason !== 'diverted') {
    type = 'missed';
    time = leg.disconnected ?? leg.created;
  } else {
    return undefined;
  }
  const self = leg.party.personId;
  const other = session.legs.find((l) => l.id !== leg.id && personIdOf(l.party) !== self);
  const remote = leg.recall?.party ?? other?.party ?? leg.pendingDestination;
  const shown = remote ? historyParty(leg.party, remote) : { name: null, number: null };
  return {
    id: randomUUID(),
    orgId: session.orgId,
    personId: leg.party.personId,
    type,
    name: shown.name,
    number: shown.number,
    privacyEnabled: false,
    time,
    callId: leg.id,
    sessionId: session.id,
  };
}
