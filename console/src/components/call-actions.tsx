import { useState } from 'preact/hooks';
import { errorMessage } from '../api.ts';
import { useConsole } from '../context.ts';
import { Button } from './ui.tsx';

// The buttons of one call, acting as the phone of the person on it (POST
// /sandbox/v1/people/{personId}/calls/{action}) or as the PSTN party of its session (POST
// /sandbox/v1/calls/{callSessionId}/pstn/{action}). Only the actions that make sense in the
// call's state are offered; the server still has the last word. Transfer, divert and DTMF ask
// for their destination or digits in a small form of their own.

type PersonAction =
  | 'answer'
  | 'reject'
  | 'hangup'
  | 'hold'
  | 'resume'
  | 'park'
  | 'transfer'
  | 'divert'
  | 'mute'
  | 'unmute'
  | 'transmitDtmf'
  | 'startRecording'
  | 'pauseRecording'
  | 'resumeRecording'
  | 'stopRecording';

const LABELS: Record<PersonAction, string> = {
  answer: 'Answer',
  reject: 'Reject',
  hangup: 'Hang up',
  hold: 'Hold',
  resume: 'Resume',
  park: 'Park',
  transfer: 'Transfer',
  divert: 'Divert',
  mute: 'Mute',
  unmute: 'Unmute',
  transmitDtmf: 'DTMF',
  startRecording: 'Record',
  pauseRecording: 'Pause recording',
  resumeRecording: 'Resume recording',
  stopRecording: 'Stop recording',
};

/** The actions that ask for a value first: what the form's field is. */
const ASKS: Partial<Record<PersonAction, { field: string; placeholder: string; body: (callId: string, value: string) => Record<string, string> }>> = {
  transfer: { field: 'Transfer to', placeholder: 'Extension or number', body: (callId, destination) => ({ callId1: callId, destination }) },
  divert: { field: 'Divert to', placeholder: 'Extension or number', body: (callId, destination) => ({ callId, destination }) },
  transmitDtmf: { field: 'Digits', placeholder: '0-9 * # ,', body: (callId, dtmf) => ({ callId, dtmf }) },
};

/** Recording buttons by the leg's recording state (absent: never recorded). */
function recordingActions(recordingState: string | undefined): PersonAction[] {
  if (recordingState === 'started' || recordingState === 'pending') return ['pauseRecording', 'stopRecording'];
  if (recordingState === 'paused') return ['resumeRecording', 'stopRecording'];
  return ['startRecording'];
}

function actionsFor(state: string, personality: string, muted: boolean, recordingState: string | undefined): PersonAction[] {
  switch (state) {
    case 'alerting':
      return personality === 'clickToDial' ? ['answer', 'hangup'] : ['answer', 'reject', 'divert'];
    case 'connected':
      return ['hold', muted ? 'unmute' : 'mute', 'transmitDtmf', ...recordingActions(recordingState), 'transfer', 'park', 'hangup'];
    case 'held':
      return ['resume', ...recordingActions(recordingState), 'transfer', 'park', 'hangup'];
    case 'connecting':
    case 'remoteHeld':
      return ['hangup'];
    default:
      return [];
  }
}

type Props = {
  personId: string;
  personName: string;
  callId: string;
  state: string;
  personality: string;
  muted?: boolean;
  recordingState?: string;
  /** Called after an action succeeded (the live stream will also say so). */
  onActed?: () => void;
};

export function PersonCallActions({ personId, personName, callId, state, personality, muted = false, recordingState, onActed }: Props) {
  const { api, notify } = useConsole();
  const [busy, setBusy] = useState<PersonAction>();
  const [asking, setAsking] = useState<PersonAction>();
  const [value, setValue] = useState('');
  const ask = asking && ASKS[asking];

  const act = async (action: PersonAction, body: Record<string, string> = { callId }) => {
    setBusy(action);
    try {
      await api.post(`/sandbox/v1/people/${encodeURIComponent(personId)}/calls/${action}`, body);
      notify(`${LABELS[action]}: done as ${personName}.`);
      setAsking(undefined);
      setValue('');
      onActed?.();
    } catch (error) {
      notify(`${LABELS[action]} failed: ${errorMessage(error)}`, 'error');
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <div class="call-actions">
      {actionsFor(state, personality, muted, recordingState).map((action) =>
        ASKS[action] ? (
          <Button
            key={action}
            variant="secondary"
            aria-expanded={asking === action}
            onClick={() => setAsking((a) => (a === action ? undefined : action))}
            aria-label={`${LABELS[action]} ${personName}’s call`}
          >
            {LABELS[action]}…
          </Button>
        ) : (
          <Button
            key={action}
            variant={action === 'answer' ? 'primary' : action === 'hangup' || action === 'reject' ? 'danger' : 'secondary'}
            busy={busy === action}
            onClick={() => void act(action)}
            aria-label={`${LABELS[action]} as ${personName}`}
          >
            {LABELS[action]}
          </Button>
        ),
      )}
      {asking && ask && (
        <form
          class="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            void act(asking, ask.body(callId, value.trim()));
          }}
        >
          <label>
            <span class="visually-hidden">{ask.field}</span>
            <input type="text" aria-label={ask.field} placeholder={ask.placeholder} value={value} required onInput={(e) => setValue((e.currentTarget as HTMLInputElement).value)} />
          </label>
          <Button type="submit" variant="primary" busy={busy === asking}>
            {asking === 'transmitDtmf' ? 'Send' : LABELS[asking]}
          </Button>
        </form>
      )}
    </div>
  );
}

type PstnAction = 'answer' | 'reject' | 'hangup';

const PSTN_DONE: Record<PstnAction, string> = { answer: 'answered', reject: 'rejected', hangup: 'hung up' };

/** The PSTN party's side: a called number can answer or reject; any caller can hang up. */
export function PstnActions({ callSessionId, number, state, onActed }: { callSessionId: string; number: string; state: string; onActed?: () => void }) {
  const { api, notify } = useConsole();
  const [busy, setBusy] = useState<PstnAction>();
  const ringing = state === 'alerting';
  const actions: PstnAction[] = ringing ? ['answer', 'reject', 'hangup'] : ['hangup'];
  const act = async (action: PstnAction) => {
    setBusy(action);
    try {
      await api.post(`/sandbox/v1/calls/${encodeURIComponent(callSessionId)}/pstn/${action}`);
      notify(`${number}: ${PSTN_DONE[action]}.`);
      onActed?.();
    } catch (error) {
      notify(`The caller could not ${action}: ${errorMessage(error)}`, 'error');
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <div class="call-actions">
      {actions.map((action) => (
        <Button key={action} variant={action === 'answer' ? 'primary' : 'danger'} busy={busy === action} onClick={() => void act(action)} aria-label={`${LABELS[action]} as ${number}`}>
          {LABELS[action]}
        </Button>
      ))}
    </div>
  );
}

/** Retrieves a parked call as the person it is parked against: their phone alerts with it. */
export function RetrieveParked({ personId, personName, onActed }: { personId: string; personName: string; onActed?: () => void }) {
  const { api, notify } = useConsole();
  const [busy, setBusy] = useState(false);
  const retrieve = async () => {
    setBusy(true);
    try {
      await api.post(`/sandbox/v1/people/${encodeURIComponent(personId)}/calls/retrieve`, {});
      notify(`Retrieved: ${personName}’s phone rings with the parked call.`);
      onActed?.();
    } catch (error) {
      notify(`Retrieve failed: ${errorMessage(error)}`, 'error');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button variant="primary" busy={busy} onClick={() => void retrieve()} aria-label={`Retrieve as ${personName}`}>
      Retrieve
    </Button>
  );
}
