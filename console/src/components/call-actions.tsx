import { useState } from 'preact/hooks';
import { errorMessage } from '../api.ts';
import { useConsole } from '../context.ts';
import { Button } from './ui.tsx';

// The buttons of one call, acting as the phone of the person on it (POST
// /sandbox/v1/people/{personId}/calls/{action}) or as the PSTN party of its session (POST
// /sandbox/v1/calls/{callSessionId}/pstn/{action}). Only the actions that make sense in the
// call's state are offered; the server still has the last word.

type PersonAction = 'answer' | 'reject' | 'hangup' | 'hold' | 'resume' | 'park' | 'transfer';

const LABELS: Record<PersonAction, string> = {
  answer: 'Answer',
  reject: 'Reject',
  hangup: 'Hang up',
  hold: 'Hold',
  resume: 'Resume',
  park: 'Park',
  transfer: 'Transfer',
};

function actionsFor(state: string, personality: string): PersonAction[] {
  switch (state) {
    case 'alerting':
      return personality === 'clickToDial' ? ['answer', 'hangup'] : ['answer', 'reject'];
    case 'connected':
      return ['hold', 'transfer', 'park', 'hangup'];
    case 'held':
      return ['resume', 'transfer', 'park', 'hangup'];
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
  /** Called after an action succeeded (the live stream will also say so). */
  onActed?: () => void;
};

export function PersonCallActions({ personId, personName, callId, state, personality, onActed }: Props) {
  const { api, notify } = useConsole();
  const [busy, setBusy] = useState<PersonAction>();
  const [transferring, setTransferring] = useState(false);
  const [destination, setDestination] = useState('');

  const act = async (action: PersonAction, body: Record<string, string> = { callId }) => {
    setBusy(action);
    try {
      await api.post(`/sandbox/v1/people/${encodeURIComponent(personId)}/calls/${action}`, body);
      notify(`${LABELS[action]}: done as ${personName}.`);
      setTransferring(false);
      onActed?.();
    } catch (error) {
      notify(`${LABELS[action]} failed: ${errorMessage(error)}`, 'error');
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <div class="call-actions">
      {actionsFor(state, personality).map((action) =>
        action === 'transfer' ? (
          <Button key={action} variant="secondary" aria-expanded={transferring} onClick={() => setTransferring((t) => !t)} aria-label={`Transfer ${personName}’s call`}>
            Transfer…
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
      {transferring && (
        <form
          class="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            void act('transfer', { callId1: callId, destination: destination.trim() });
          }}
        >
          <label>
            <span class="visually-hidden">Transfer to</span>
            <input type="text" placeholder="Extension or number" value={destination} required onInput={(e) => setDestination((e.currentTarget as HTMLInputElement).value)} />
          </label>
          <Button type="submit" variant="primary" busy={busy === 'transfer'}>
            Transfer
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
