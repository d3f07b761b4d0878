import assert from 'node:assert/strict';
import type { Config } from '../../src/config.ts';
import { SandboxClock } from '../../src/sandbox/sandbox-clock.ts';
import { demoCallers } from './calls.ts';
import type { Client } from './client.ts';
import type { Dialect } from './dialects.ts';
import { startServer } from './server.ts';

// The world most call scenarios start from: a server on a manual clock and the demo people
// with their own tokens. Files that need more build on callWorld and run tests with inWorld.

/** Wednesday 2026-01-07 10:00 in New York (15:00 UTC): inside weekday business hours there. */
export const WEDNESDAY_10AM_NEW_YORK = Date.parse('2026-01-07T15:00:00Z');

export type CallWorldOptions = {
  /** Where a new manual clock starts (ms since the epoch); now when not given. */
  at?: number;
  config?: Partial<Config>;
  /** A clock prepared by the caller, used as it is (then `at` is ignored). */
  clock?: SandboxClock;
};

/** A server on a manual clock with the demo callers (morgan, alex, blair, casey, devon). */
export async function callWorld(dialect: Dialect, options: CallWorldOptions = {}) {
  const clock = options.clock ?? new SandboxClock('manual', options.at ?? Date.now());
  const server = await startServer(dialect, { clock, ...(options.config ? { config: options.config } : {}) });
  const people = await demoCallers(server.admin);
  return { server, clock, admin: server.admin, ...people };
}

export type CallWorld = Awaited<ReturnType<typeof callWorld>>;

/** Builds a world, runs the test in it and closes its server whatever happens. */
export async function inWorld<W extends { server: { close(): Promise<void> } }>(make: () => Promise<W>, test: (w: W) => Promise<void>): Promise<void> {
  const w = await make();
  try {
    await test(w);
  } finally {
    await w.server.close();
  }
}

/**
 * Business hours of the person's location: weekdays 09:00–17:00 ("Office", in force at
 * WEDNESDAY_10AM_NEW_YORK) and 20:00–23:00 ("Evenings", not), for criteria by schedule.
 */
export async function officeSchedules(w: { admin: Client }, person: { id: string }): Promise<void> {
  const locationId = (await w.admin.get(`/v1/people/${person.id}`, { callingData: true })).body.locationId as string;
  const weekdays = { sunday: false, monday: true, tuesday: true, wednesday: true, thursday: true, friday: true, saturday: false };
  for (const [name, startTime, endTime] of [['Office', '09:00', '17:00'], ['Evenings', '20:00', '23:00']]) {
    const event = { name: 'Weekdays', startDate: '2026-01-05', endDate: '2026-01-05', startTime, endTime, recurrence: { recurForEver: true, recurWeekly: weekdays } };
    const reply = await w.admin.post(`/v1/telephony/config/locations/${locationId}/schedules`, { type: 'businessHours', name, events: [event] });
    assert.equal(reply.status, 201, reply.text);
  }
}
