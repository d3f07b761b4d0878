import type { Clock } from '../domain/clock.ts';

export type ClockMode = 'real' | 'manual';

type Task = { due: number; seq: number; run: () => unknown; period?: number; cancelTimer?: () => void };

/**
 * The server's clock. In `real` mode it follows wall time (plus any offset left by manual
 * stepping); in `manual` mode time stands still until advance() moves it, running every task
 * that falls due, in order, and waiting for each. Tests and the sandbox clock API use manual mode
 * to make ring timeouts and jobs happen exactly when they say.
 */
export class SandboxClock implements Clock {
  private mode: ClockMode;
  private offsetMs = 0;
  private frozenMs: number;
  private seq = 0;
  private readonly tasks = new Set<Task>();

  constructor(mode: ClockMode = 'real', start = Date.now()) {
    this.mode = mode;
    this.frozenMs = start;
    this.offsetMs = start - Date.now();
  }

  get currentMode(): ClockMode {
    return this.mode;
  }

  now(): Date {
    return new Date(this.nowMs());
  }

  private nowMs(): number {
    return this.mode === 'manual' ? this.frozenMs : Date.now() + this.offsetMs;
  }

  schedule(ms: number, run: () => unknown, options: { period?: number } = {}): () => void {
    const task: Task = { due: this.nowMs() + Math.max(0, ms), seq: this.seq++, run, ...(options.period ? { period: options.period } : {}) };
    this.tasks.add(task);
    if (this.mode === 'real') this.arm(task);
    return () => {
      task.cancelTimer?.();
      this.tasks.delete(task);
    };
  }

  private arm(task: Task): void {
    const timer = setTimeout(() => {
      this.tasks.delete(task);
      void task.run();
    }, Math.max(0, task.due - this.nowMs()));
    timer.unref();
    task.cancelTimer = () => clearTimeout(timer);
  }

  setMode(mode: ClockMode): void {
    if (mode === this.mode) return;
    if (mode === 'manual') {
      this.frozenMs = this.nowMs();
      for (const task of this.tasks) task.cancelTimer?.();
    } else {
      this.offsetMs = this.frozenMs - Date.now();
      this.mode = 'real';
      for (const task of this.tasks) this.arm(task);
    }
    this.mode = mode;
  }

  /** Manual mode: moves time forward, running due tasks in order (and tasks they schedule). */
  async advance(ms: number): Promise<void> {
    if (this.mode !== 'manual') throw new Error('the clock only advances by hand in manual mode');
    const target = this.frozenMs + Math.max(0, ms);
    for (;;) {
      let next: Task | undefined;
      for (const task of this.tasks) {
        if (task.due <= target && (!next || task.due < next.due || (task.due === next.due && task.seq < next.seq))) next = task;
      }
      if (!next) break;
      // A periodic pass due several times before the target runs once, at the last of them
      // (a year's advance ran 8,784 hourly retention passes), after the tasks due before that.
      const last = next.period ? next.due + Math.floor((target - next.due) / next.period) * next.period : next.due;
      if (last > next.due) {
        next.due = last;
        continue;
      }
      this.tasks.delete(next);
      this.frozenMs = Math.max(this.frozenMs, next.due);
      await next.run();
    }
    this.frozenMs = target;
  }

  /**
   * The sandbox reset: drops every waiting task (their calls and jobs are gone with the store)
   * and starts again in the given mode at wall time.
   */
  reset(mode: ClockMode): void {
    for (const task of this.tasks) task.cancelTimer?.();
    this.tasks.clear();
    this.mode = mode;
    this.offsetMs = 0;
    this.frozenMs = Date.now();
  }

  /** Manual mode: sets the time to a given instant (never backwards, as timers assume). */
  async set(at: Date): Promise<void> {
    await this.advance(Math.max(0, at.getTime() - this.nowMs()));
  }

  /** Tasks waiting, for the sandbox API. */
  pending(): number {
    return this.tasks.size;
  }
}
