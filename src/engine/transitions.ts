import type { Leg, LegState, Personality } from './types.ts';

// The transition table: what each action does to the leg that takes it, by the leg's state.
// An action missing from a state's row is refused there. The outcome names what happens;
// session.ts carries each outcome out, for the leg and its peer, and emits the events.

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

export type Outcome =
  /** alerting → connected (terminator) or → connecting (clickToDial: the call now goes out). */
  | 'answer'
  /** the leg ends; what happens to the peer depends on the action. */
  | 'end'
  /** connected/remoteHeld → held. */
  | 'hold'
  /** held → connected, or remoteHeld when the peer holds too. */
  | 'resume'
  /** the leg leaves the call, the peer goes on with someone else (divert, transfer, park). */
  | 'redirect'
  /** no state change (recording, mute, DTMF have rules of their own). */
  | 'same';

const inCall: Partial<Record<LegAction, Outcome>> = {
  hangup: 'end',
  divert: 'redirect',
  transfer: 'redirect',
  park: 'redirect',
  startRecording: 'same',
  stopRecording: 'same',
  pauseRecording: 'same',
  resumeRecording: 'same',
  mute: 'same',
  unmute: 'same',
};

export const TRANSITIONS: Record<LegState, Partial<Record<LegAction, Outcome>>> = {
  // An outgoing call the remote side has not answered: it can only be given up.
  connecting: { hangup: 'end' },
  alerting: { answer: 'answer', reject: 'end', hangup: 'end', divert: 'redirect' },
  connected: { ...inCall, hold: 'hold', transmitDtmf: 'same' },
  held: { ...inCall, resume: 'resume' },
  remoteHeld: { ...inCall, hold: 'hold', transmitDtmf: 'same' },
  disconnected: {},
};

/** Actions only some personalities may take, whatever the state. */
const PERSONALITIES: Partial<Record<LegAction, readonly Personality[]>> = {
  answer: ['terminator', 'clickToDial'],
  reject: ['terminator', 'clickToDial'],
};

/** What an action would do to this leg, or why it may not. */
export function outcomeOf(leg: Leg, action: LegAction): { outcome: Outcome } | { refusal: string } {
  const outcome = TRANSITIONS[leg.state][action];
  if (!outcome) return { refusal: refusal(action, leg.state) };
  const personalities = PERSONALITIES[action];
  if (personalities && !personalities.includes(leg.personality)) {
    return { refusal: `Cannot ${action} an outgoing call: only an incoming call that is alerting can be ${action === 'answer' ? 'answered' : 'rejected'}.` };
  }
  return { outcome };
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

export const refusal = (action: LegAction, state: LegState) => `Cannot ${action} a call that is ${state}: ${action} needs ${NEEDS[action]}.`;
