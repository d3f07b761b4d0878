// How the console writes times, numbers and people.

import type { Person } from './types.ts';

const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

export const formatTime = (iso: string | undefined | null): string => (iso ? time.format(new Date(iso)) : '—');

export const formatDateTime = (iso: string | undefined | null): string => (iso ? dateTime.format(new Date(iso)) : '—');

/** The person's work number (E.164), if any. */
export const workNumber = (person: Person): string | undefined => person.phoneNumbers?.find((n) => n.type === 'work')?.value;

const STATE_LABELS: Record<string, string> = {
  connecting: 'connecting',
  alerting: 'alerting',
  connected: 'connected',
  held: 'held',
  remoteHeld: 'held by remote',
  disconnected: 'disconnected',
};

export const stateLabel = (state: string): string => STATE_LABELS[state] ?? state;

/** The People API wants US numbers as 10 digits, other countries in E.164. */
export function peopleApiNumber(e164: string): string {
  return e164.startsWith('+1') && e164.length === 12 ? e164.slice(2) : e164;
}
