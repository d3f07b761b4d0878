import type { Leg, LegState, Personality, Refusal } from './types.ts';

// The transition table: which actions a leg may take in each state. An action missing from a
// state's row is refused there, with one refusal shape; session.ts carries out the allowed ones
// (what each does to the leg and its peer is written there, once per action).

export const LEG_ACTIONS = [
  'answer',
  'reject',
  'hangup',
  'hold',
  'resume',
  'divert',
  'transfer',
  'park',
  'startRecording',
  'stopRecording',
  'pauseRecording',
  'resumeRecording',
  'mute',
  'unmute',
  'transmitDtmf',
] as const;
export type LegAction = (typeof LEG_ACTIONS)[number];

const IN_CALL = ['hangup', 'divert', 'transfer', 'park', 'startRecording', 'stopRecording', 'pauseRecording', 'resumeRecording', 'mute', 'unmute'] as const;

export const TRANSITIONS: Record<LegState, readonly LegAction[]> = {
  // An outgoing call the remote side has not answered: it can only be given up.
  connecting: ['hangup'],
  alerting: ['answer', 'reject', 'hangup', 'divert'],
  connected: [...IN_CALL, 'hold', 'transmitDtmf'],
  held: [...IN_CALL, 'resume'],
  remoteHeld: [...IN_CALL, 'hold', 'transmitDtmf'],
  disconnected: [],
};

/** Actions only some personalities may take, whatever the state. */
const PERSONALITIES: Partial<Record<LegAction, readonly Personality[]>> = {
  answer: ['terminator', 'clickToDial'],
  reject: ['terminator', 'clickToDial'],
};

/** Whether the table lets this leg take the action (personality included). */
export const allows = (leg: Pick<Leg, 'state' | 'personality'>, action: LegAction): boolean =>
  TRANSITIONS[leg.state].includes(action) && (PERSONALITIES[action]?.includes(leg.personality) ?? true);

/** Why this leg may not take the action, or undefined when it may. */
export function refusalOf(leg: Leg, action: LegAction): Refusal | undefined {
  if (!TRANSITIONS[leg.state].includes(action)) return refused(action, leg.state);
  if (!allows(leg, action)) {
    return { refused: `Cannot ${action} an outgoing call: only an incoming call that is alerting can be ${action === 'answer' ? 'answered' : 'rejected'}.` };
  }
  return undefined;
}

const NEEDS: Record<LegAction, string> = {
  answer: 'an alerting call',
  reject: 'an incoming call that is alerting',
  hangup: 'a call that has not ended',
  hold: 'a connected call',
  resume: 'a held call',
  divert: 'an alerting or answered call',
  transfer: 'an answered call',
  park: 'an answered call',
  startRecording: 'an answered call',
  stopRecording: 'an answered call',
  pauseRecording: 'an answered call',
  resumeRecording: 'an answered call',
  mute: 'an answered call',
  unmute: 'an answered call',
  transmitDtmf: 'a connected call',
};

export const refused = (action: LegAction, state: LegState): Refusal => ({ refused: `Cannot ${action} a call that is ${state}: ${action} needs ${NEEDS[action]}.` });
