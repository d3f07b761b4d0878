import { decodeIdValue, encodeId } from '../webex-ids.ts';

// Webex schedule and event IDs carry the name itself (ciscospark://us/SCHEDULE/<base64 of the
// name>), which is why renaming either answers a new ID: a schedule is found by location, type
// and name, an event by name within its schedule.

const encodeName = (type: 'SCHEDULE' | 'USER_SCHEDULE' | 'SCHEDULE_EVENT', name: string) => encodeId(type, Buffer.from(name, 'utf8').toString('base64'));

function decodeName(id: string, type: 'SCHEDULE' | 'USER_SCHEDULE' | 'SCHEDULE_EVENT'): string | undefined {
  const value = decodeIdValue(id, type);
  if (value === undefined || !/^[A-Za-z0-9+/]+={0,2}$/.test(value)) return undefined;
  const name = Buffer.from(value, 'base64').toString('utf8');
  return name.length > 0 ? name : undefined;
}

export const encodeScheduleId = (name: string) => encodeName('SCHEDULE', name);
export const encodeEventId = (name: string) => encodeName('SCHEDULE_EVENT', name);
export const decodeScheduleId = (id: string) => decodeName(id, 'SCHEDULE');
export const decodeEventId = (id: string) => decodeName(id, 'SCHEDULE_EVENT');
/** A person's own schedule: USER_SCHEDULE IDs (Cisco's example), the name inside as for a location's. */
export const encodeUserScheduleId = (name: string) => encodeName('USER_SCHEDULE', name);
export const decodeUserScheduleId = (id: string) => decodeName(id, 'USER_SCHEDULE');
