import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SandboxClock } from './sandbox-clock.ts';

describe('SandboxClock', () => {
  it('in manual mode, stands still and runs due tasks in order on advance', async () => {
    const clock = new SandboxClock('manual', Date.parse('2026-01-01T00:00:00Z'));
    const ran: string[] = [];
    clock.schedule(2000, () => ran.push(`b@${clock.now().toISOString()}`));
    clock.schedule(1000, () => {
      ran.push(`a@${clock.now().toISOString()}`);
      clock.schedule(500, () => ran.push(`c@${clock.now().toISOString()}`));
    });
    const cancel = clock.schedule(1200, () => ran.push('cancelled'));
    cancel();
    await clock.advance(999);
    assert.deepEqual(ran, []);
    await clock.advance(1001);
    assert.deepEqual(ran, ['a@2026-01-01T00:00:01.000Z', 'c@2026-01-01T00:00:01.500Z', 'b@2026-01-01T00:00:02.000Z']);
    assert.equal(clock.now().toISOString(), '2026-01-01T00:00:02.000Z');
  });

  it('runs a periodic pass once over an advance of many periods, at the last of them, after the tasks due before that', async () => {
    const start = Date.parse('2026-01-01T00:00:00Z');
    const clock = new SandboxClock('manual', start);
    const ran: string[] = [];
    const pass = () => {
      clock.schedule(
        3_600_000,
        () => {
          ran.push(`pass@${(clock.now().getTime() - start) / 3_600_000}h`);
          pass();
        },
        { period: 3_600_000 },
      );
    };
    pass();
    clock.schedule(90 * 3_600_000 + 1, () => ran.push('other@90h'));
    await clock.advance(100 * 3_600_000 + 5);
    // Hours 1 to 100 in one pass, at 100, after the task due at 90.
    assert.deepEqual(ran, ['other@90h', 'pass@100h']);
    await clock.advance(3_600_000);
    assert.deepEqual(ran.at(-1), 'pass@101h');
  });

  it('in real mode, runs tasks on wall time and keeps time continuous across mode changes', async () => {
    const clock = new SandboxClock('manual', Date.parse('2026-01-01T00:00:00Z'));
    let ran = false;
    clock.schedule(20, () => (ran = true));
    clock.setMode('real');
    assert.ok(clock.now().getTime() - Date.parse('2026-01-01T00:00:00Z') < 1000);
    await new Promise((r) => setTimeout(r, 60));
    assert.equal(ran, true);
    assert.equal(clock.pending(), 0);
  });

  it('refuses to advance in real mode', async () => {
    await assert.rejects(new SandboxClock('real').advance(10), /manual mode/);
  });
});
