import { LEG_STATES, type CallType, type Personality } from '../../engine/types.ts';
import { decodeId } from '../webex-ids.ts';
import { invalidFilter } from './webhook-errors.ts';

// A webhook filter is `key=value` conditions joined by `&` (values may be URL-encoded, as Webex
// shows them in its own examples); an event is delivered only if it meets every condition.
// For telephony_calls (and the firehose, resource `all`, whose only events here are calls) the
// keys are those below; any other key is refused rather than silently matching nothing.

export const CALL_FILTER_KEYS = ['personality', 'state', 'callType', 'personId'] as const;
export type CallFilterKey = (typeof CALL_FILTER_KEYS)[number];

const PERSONALITIES: readonly Personality[] = ['originator', 'terminator', 'clickToDial'];
const CALL_TYPES: readonly CallType[] = ['location', 'organization', 'external', 'emergency', 'repair', 'other'];

/** The conditions of a telephony_calls filter; personId holds the person's uuid. */
export type CallFilter = Partial<Record<CallFilterKey, string>>;

/** What a call event offers a filter: whose call it is and its data's fields. */
export type CallEventFacts = { personId: string; personality: string; state: string; callType: string | undefined };

const MAX_FILTER_LENGTH = 2048;

/** The conditions of a filter, checked for syntax only (resources other than calls). */
export function parseFilterPairs(text: string): [string, string][] {
  if (text.length > MAX_FILTER_LENGTH) throw invalidFilter(`it is longer than ${MAX_FILTER_LENGTH} characters.`);
  const pairs: [string, string][] = [];
  const seen = new Set<string>();
  for (const condition of text.split('&')) {
    const at = condition.indexOf('=');
    if (condition === '') throw invalidFilter(`"${text}" has an empty condition; write key=value conditions joined by "&".`);
    if (at < 0) throw invalidFilter(`"${condition}" is not key=value; write key=value conditions joined by "&".`);
    const key = condition.slice(0, at);
    let value: string;
    try {
      value = decodeURIComponent(condition.slice(at + 1));
    } catch {
      throw invalidFilter(`the value of "${key}" is not valid URL encoding.`);
    }
    if (key === '') throw invalidFilter(`"${condition}" has no key; write key=value conditions joined by "&".`);
    if (value === '') throw invalidFilter(`"${key}" has no value.`);
    if (seen.has(key)) throw invalidFilter(`"${key}" appears more than once.`);
    seen.add(key);
    pairs.push([key, value]);
  }
  return pairs;
}

const isCallFilterKey = (key: string): key is CallFilterKey => (CALL_FILTER_KEYS as readonly string[]).includes(key);

function checkValue(key: CallFilterKey, value: string, allowed: readonly string[]): string {
  if (!allowed.includes(value)) throw invalidFilter(`${key} must be one of ${allowed.join(', ')}, got "${value}".`);
  return value;
}

/** A telephony_calls filter, every key and value checked. */
export function parseCallFilter(text: string): CallFilter {
  const filter: CallFilter = {};
  for (const [key, value] of parseFilterPairs(text)) {
    if (!isCallFilterKey(key)) throw invalidFilter(`"${key}" is not a telephony_calls filter key; use ${CALL_FILTER_KEYS.join(', ')}.`);
    switch (key) {
      case 'personality':
        filter.personality = checkValue(key, value, PERSONALITIES);
        break;
      case 'state':
        filter.state = checkValue(key, value, LEG_STATES);
        break;
      case 'callType':
        filter.callType = checkValue(key, value, CALL_TYPES);
        break;
      case 'personId': {
        const personId = decodeId(value, 'PEOPLE');
        if (!personId) throw invalidFilter(`personId must be a person ID, got "${value}".`);
        filter.personId = personId;
        break;
      }
    }
  }
  return filter;
}

export function matchesCallFilter(filter: CallFilter, facts: CallEventFacts): boolean {
  return (
    (filter.personality === undefined || filter.personality === facts.personality) &&
    (filter.state === undefined || filter.state === facts.state) &&
    (filter.callType === undefined || filter.callType === facts.callType) &&
    (filter.personId === undefined || filter.personId === facts.personId)
  );
}
