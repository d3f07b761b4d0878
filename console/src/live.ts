import { useEffect, useState } from 'preact/hooks';
import { type Api, errorMessage } from './api.ts';
import { applySession, applySnapshot, emptyModel, recordEvent, type CallsModel } from './calls-model.ts';
import type { SimulatedSession, StreamEvent } from './types.ts';

// The live feed: one EventSource on GET /sandbox/v1/events for the signed-in organization. The
// stream first replays the last hour (for timelines and the chart), says `ready`, then carries
// each call event as it happens. The console never polls: a session's legs are loaded again
// when one of its events arrives.

export type FeedStatus = 'connecting' | 'catching-up' | 'live' | 'reconnecting' | 'closed';

const REPLAY_MS = 60 * 60 * 1000;

export class LiveFeed {
  readonly model: CallsModel = emptyModel();
  status: FeedStatus = 'connecting';
  error: string | undefined;
  clockMode: 'real' | 'manual' = 'real';
  private readonly api: Api;
  private clockOffsetMs = 0;
  private clockAtStart = 0;
  private source: EventSource | undefined;
  private live = false;
  private snapshotting: Set<string> | undefined;
  private readonly listeners = new Set<() => void>();
  private readonly eventListeners = new Set<(event: StreamEvent) => void>();
  private readonly reloads = new Map<string, number>();
  private readonly requestSeq = new Map<string, number>();
  private readonly unnamed = new Set<string>();
  private namesTimer: number | undefined;
  private notifyScheduled = false;
  private stopped = false;

  constructor(api: Api) {
    this.api = api;
  }

  async start(): Promise<void> {
    try {
      const clock = await this.api.get<{ now: string; mode: 'real' | 'manual' }>('/sandbox/v1/clock');
      this.clockAtStart = Date.parse(clock.now);
      this.clockOffsetMs = this.clockAtStart - Date.now();
      this.clockMode = clock.mode;
    } catch (error) {
      return this.fail(`The live stream needs the sandbox API: ${errorMessage(error)}`);
    }
    if (this.stopped) return;
    const since = new Date(this.clockAtStart - REPLAY_MS).toISOString();
    const url = `/sandbox/v1/events?since=${encodeURIComponent(since)}&access_token=${encodeURIComponent(this.api.token)}`;
    const source = new EventSource(url);
    this.source = source;
    source.addEventListener('open', () => this.setStatus('catching-up'));
    source.addEventListener('call', (message) => this.onCall(JSON.parse((message as MessageEvent<string>).data) as StreamEvent));
    source.addEventListener('ready', () => void this.onReady());
    source.addEventListener('error', () => {
      this.live = false;
      if (source.readyState === EventSource.CLOSED) this.fail('The server refused the live stream (a full administrator’s token is needed), or it is gone.');
      else this.setStatus('reconnecting');
    });
  }

  stop(): void {
    this.stopped = true;
    this.source?.close();
    for (const timer of this.reloads.values()) clearTimeout(timer);
  }

  /** The server's time now (the sandbox clock may be stepped by hand, or stand still). */
  serverNow(): Date {
    if (this.clockMode === 'manual') return new Date(Math.max(this.clockAtStart, Date.parse(this.model.latest ?? '') || 0));
    return new Date(Date.now() + this.clockOffsetMs);
  }

  /** Re-renders on any change; answers the unsubscribe. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Every call event as it arrives live (not the replayed backlog). */
  onEvent(listener: (event: StreamEvent) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  /** Loads a session again now (after an action of the console, before its events arrive). */
  refresh(callSessionId: string): void {
    this.scheduleReload(callSessionId, 0);
  }

  private onCall(event: StreamEvent): void {
    recordEvent(this.model, event, this.live || this.snapshotting !== undefined);
    if (!this.model.names.has(event.actorId)) this.lookUpName(event.actorId);
    if (this.snapshotting) this.snapshotting.add(event.data.callSessionId);
    else if (this.live) {
      this.scheduleReload(event.data.callSessionId, 30);
      // A caller waiting in a queue moves up when another call leaves it, without an event of its own.
      for (const view of this.model.active.values()) if (view.queue && view.callSessionId !== event.data.callSessionId) this.scheduleReload(view.callSessionId, 30);
    }
    if (this.live || this.snapshotting) for (const listener of this.eventListeners) listener(event);
    this.changed();
  }

  private async onReady(): Promise<void> {
    // Events that arrive while the snapshot loads are live; their sessions are loaded again after.
    this.snapshotting = new Set();
    try {
      const { items } = await this.api.get<{ items: SimulatedSession[] }>('/sandbox/v1/calls');
      applySnapshot(this.model, items, this.serverNow().toISOString());
      this.live = true;
      this.setStatus('live');
    } catch (error) {
      this.error = errorMessage(error);
      this.changed();
    } finally {
      const touched = this.snapshotting;
      this.snapshotting = undefined;
      for (const id of touched) this.scheduleReload(id, 0);
    }
  }

  /** Names of people seen only as event actors, asked for in batches (GET /v1/people?id=…). */
  private lookUpName(personId: string): void {
    this.unnamed.add(personId);
    this.namesTimer ??= window.setTimeout(() => {
      this.namesTimer = undefined;
      const ids = [...this.unnamed].filter((id) => !this.model.names.has(id));
      this.unnamed.clear();
      for (let i = 0; i < ids.length; i += 50) {
        const batch = ids.slice(i, i + 50);
        this.api
          .get<{ items: { id: string; displayName: string }[] }>('/v1/people', { id: batch.join(','), max: 50 })
          .then(({ items }) => {
            for (const person of items) this.model.names.set(person.id, person.displayName);
            this.changed();
          })
          .catch(() => undefined);
      }
    }, 100);
  }

  private scheduleReload(callSessionId: string, delayMs: number): void {
    if (this.reloads.has(callSessionId)) return;
    this.reloads.set(
      callSessionId,
      window.setTimeout(() => {
        this.reloads.delete(callSessionId);
        void this.reload(callSessionId);
      }, delayMs),
    );
  }

  private async reload(callSessionId: string): Promise<void> {
    const seq = (this.requestSeq.get(callSessionId) ?? 0) + 1;
    this.requestSeq.set(callSessionId, seq);
    try {
      const session = await this.api.get<SimulatedSession>(`/sandbox/v1/calls/${encodeURIComponent(callSessionId)}`);
      // An older answer arriving after a newer one would show a past state.
      if (this.requestSeq.get(callSessionId) !== seq) return;
      applySession(this.model, session, this.serverNow().toISOString());
    } catch (error) {
      this.error = errorMessage(error);
    }
    this.changed();
  }

  private setStatus(status: FeedStatus): void {
    this.status = status;
    if (status === 'live') this.error = undefined;
    this.changed();
  }

  private fail(message: string): void {
    this.error = message;
    this.setStatus('closed');
  }

  /** Notifies once per frame, however many events arrived (a replay brings thousands). */
  private changed(): void {
    if (this.notifyScheduled) return;
    this.notifyScheduled = true;
    requestAnimationFrame(() => {
      this.notifyScheduled = false;
      for (const listener of this.listeners) listener();
    });
  }
}

/** Re-renders the component whenever the feed changes. */
export function useFeed(feed: LiveFeed | undefined): void {
  const [, setVersion] = useState(0);
  useEffect(() => feed?.subscribe(() => setVersion((v) => v + 1)), [feed]);
}

/** Runs `listener` for each live call event (subscribed for the component's lifetime). */
export function useCallEvents(feed: LiveFeed | undefined, listener: (event: StreamEvent) => void, deps: unknown[]): void {
  useEffect(() => feed?.onEvent(listener), [feed, ...deps]);
}
