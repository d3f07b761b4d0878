import type { Clock } from '../clock.ts';
import { badRequest } from '../errors.ts';
import type { Store } from '../../store/store.ts';
import type { StoredCallRecord } from '../../store/call-records-store.ts';

// Reading detailed call history with the time windows Webex documents: the feed (by when the
// call finished) reaches back 48 hours and up to 5 minutes ago; the live stream (by when the
// record was written) reaches back 12 hours, up to 1 minute ago, 2 hours at a time. Callplane
// writes a record the moment the leg ends, so both read the same time.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

export type CallRecordWindow = 'feed' | 'stream';

export type CallRecordRequest = { startTime: string; endTime: string; locations?: string; max?: number; after?: { reportTime: string; id: string } };

function instant(name: string, value: string): number {
  const at = TIME.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(at)) throw badRequest(`${name} must be a UTC time formatted as YYYY-MM-DDTHH:MM:SS.mmmZ.`);
  return at;
}

/** Checks the window against the server clock; throws the 400 Webex gives. */
export function checkWindow(kind: CallRecordWindow, startTime: string, endTime: string, now: number): { from: string; to: string } {
  const start = instant('startTime', startTime);
  const end = instant('endTime', endTime);
  if (end <= start) throw badRequest('endTime must be later than startTime.');
  if (kind === 'feed') {
    if (start < now - 48 * HOUR || start > now - 5 * MINUTE) throw badRequest('startTime must be between 5 minutes ago and 48 hours ago.');
    if (end > now) throw badRequest('endTime cannot be in the future.');
  } else {
    if (start < now - 12 * HOUR) throw badRequest("startTime can't be older than 12 hours.");
    if (end > now - MINUTE) throw badRequest('endTime must be at least 1 minute ago.');
    if (end - start > 2 * HOUR) throw badRequest('The window between startTime and endTime must not exceed 2 hours.');
  }
  return { from: new Date(start).toISOString(), to: new Date(end).toISOString() };
}

/** Webex's page size rule: 500 to 5000, adjusted into range rather than refused. */
export const pageSize = (max: number | undefined) => Math.min(5000, Math.max(500, Number.isFinite(max) ? Math.floor(max!) : 5000));

export class CallRecordService {
  private readonly store: Store;
  private readonly clock: Clock;

  constructor(store: Store, clock: Clock) {
    this.store = store;
    this.clock = clock;
  }

  /** A page of records and, when there are more, where the next page starts. */
  async list(orgId: string, kind: CallRecordWindow, request: CallRecordRequest): Promise<{ items: StoredCallRecord[]; next?: { reportTime: string; id: string } }> {
    const { from, to } = checkWindow(kind, request.startTime, request.endTime, this.clock.now().getTime());
    const locationIds = request.locations === undefined ? undefined : await this.locationsNamed(orgId, request.locations);
    const limit = pageSize(request.max);
    const rows = await this.store.callRecords.list({ orgId, from, to, locationIds, after: request.after, limit: limit + 1 });
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return rows.length > limit && last ? { items, next: { reportTime: last.reportTime, id: last.id } } : { items };
  }

  /** Location IDs by name (as shown in Control Hub); at most 10; an unknown name matches nothing. */
  private async locationsNamed(orgId: string, names: string): Promise<string[]> {
    const wanted = names.split(',').map((n) => n.trim()).filter((n) => n !== '');
    if (wanted.length > 10) throw badRequest('At most 10 locations can be given.');
    const ids: string[] = [];
    for (const name of wanted) {
      const location = await this.store.locations.findByName(orgId, name);
      if (location) ids.push(location.id);
    }
    return ids;
  }
}
