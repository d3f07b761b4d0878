import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { currentMode, switchBackAt } from './feature-modes.ts';
import { modeCovers } from './mode-time.ts';
import type { FeatureModes, OperatingMode } from './operating-mode-types.ts';

// Which operating mode covers an instant, and which is in force for a feature: pure, on a time zone's wall clock.

const hours = (startTime: string, endTime: string) => ({ enabled: true, allDayEnabled: false, startTime, endTime });
const closed = { enabled: false, allDayEnabled: false };
const mode = (id: string, m: Pick<OperatingMode, 'type'> & Partial<OperatingMode['settings']>): OperatingMode => ({
  id,
  orgId: 'o',
  locationId: null,
  name: id,
  type: m.type,
  settings: { holidays: m.holidays ?? [], callForwarding: { enabled: false, destinationVoicemailEnabled: false }, ...m },
  created: '',
  lastModified: '',
});
const day = mode('day', { type: 'SAME_HOURS_DAILY', sameHoursDaily: { mondayToFriday: hours('09:00', '17:00'), saturdayToSunday: closed } });
const xmas = mode('xmas', { type: 'HOLIDAY', holidays: [{ id: 'h', name: 'Christmas', allDayEnabled: true, startDate: '2020-12-25', endDate: '2020-12-25', recurrence: { recurYearlyByDate: { dayOfMonth: 25, month: 'DECEMBER' } } }] });
const at = (iso: string) => new Date(iso);

describe('operating mode schedules', () => {
  it('same hours daily: weekdays 09:00-17:00 on the time zone\'s clock', () => {
    assert.equal(modeCovers(day, at('2026-12-07T10:00:00Z'), 'UTC'), true);
    assert.equal(modeCovers(day, at('2026-12-07T17:00:00Z'), 'UTC'), false);
    assert.equal(modeCovers(day, at('2026-12-05T10:00:00Z'), 'UTC'), false, 'Saturday');
    assert.equal(modeCovers(day, at('2026-12-07T15:00:00Z'), 'America/New_York'), true, '10:00 in New York');
  });

  it('holidays recur yearly', () => {
    assert.equal(modeCovers(xmas, at('2027-12-25T12:00:00Z'), 'UTC'), true);
    assert.equal(modeCovers(xmas, at('2027-12-26T12:00:00Z'), 'UTC'), false);
  });

  it('a NONE mode never comes in force by itself', () => {
    assert.equal(modeCovers(mode('none', { type: 'NONE' }), at('2026-12-07T10:00:00Z'), 'UTC'), false);
  });

  it('the mode in force: a switch while it lasts, else the first normal mode covering now', () => {
    const modes = new Map([day, xmas].map((m) => [m.id, m]));
    const fm: FeatureModes = {
      enabled: true,
      modes: [
        { id: 'xmas', normalOperationEnabled: true, forwardTo: { selection: 'DO_NOT_FORWARD', destinationVoicemailEnabled: false } },
        { id: 'day', normalOperationEnabled: true, forwardTo: { selection: 'DO_NOT_FORWARD', destinationVoicemailEnabled: false } },
      ],
    };
    assert.equal(currentMode(fm, modes, at('2026-12-25T10:00:00Z'), 'UTC')?.mode.id, 'xmas', 'the first listed wins');
    assert.equal(currentMode(fm, modes, at('2026-12-07T10:00:00Z'), 'UTC')?.mode.id, 'day');
    assert.equal(currentMode(fm, modes, at('2026-12-07T20:00:00Z'), 'UTC'), undefined);
    const switched = { ...fm, manual: { modeId: 'xmas', exceptionType: 'AUTOMATIC_SWITCH_BACK_EARLY_START' as const, endsAt: '2026-12-07T21:00:00.000Z' } };
    assert.equal(currentMode(switched, modes, at('2026-12-07T20:00:00Z'), 'UTC')?.mode.id, 'xmas');
    assert.equal(currentMode(switched, modes, at('2026-12-07T21:00:00Z'), 'UTC'), undefined, 'the switch ended');
  });

  it('a switched mode gives way at the end of its next window', () => {
    assert.equal(switchBackAt(day, at('2026-12-07T10:00:00Z'), 'UTC')?.toISOString(), '2026-12-07T17:00:00.000Z');
    assert.equal(switchBackAt(day, at('2026-12-07T20:00:00Z'), 'UTC')?.toISOString(), '2026-12-08T17:00:00.000Z');
    assert.equal(switchBackAt(mode('none', { type: 'NONE' }), at('2026-12-07T10:00:00Z'), 'UTC'), undefined);
  });
});
