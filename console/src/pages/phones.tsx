import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { errorMessage } from '../api.ts';
import { describeParty } from '../calls-model.ts';
import { PersonCallActions } from '../components/call-actions.tsx';
import { PersonPicker } from '../components/person-picker.tsx';
import { PlaceCallForm } from '../components/place-call.tsx';
import { Badge, Button, Checkbox, ErrorNotice, FormButtons, Loading, PageHeading, Section, TextInput } from '../components/ui.tsx';
import { locationName, useConsole } from '../context.ts';
import { formatDateTime, stateLabel, workNumber } from '../format.ts';
import { useCallEvents } from '../live.ts';
import { navigate } from '../router.ts';
import type { Call, HistoryRecord, Person, PhoneSettings } from '../types.ts';

// Act as any person's simulated phone: its calls (updated when the live stream says the person's
// calls changed), dial, retrieve a parked call, its settings, and the person's call history.

export function PhonesPage({ personId }: { personId: string | undefined }) {
  return (
    <>
      <PageHeading title="Phones" />
      <div class="split split-left">
        <div class="split-side">
          <Section title="Choose a phone">
            <PersonPicker label="Person" onPick={(p) => navigate('phones', p.id)} selectedId={personId} />
          </Section>
        </div>
        <div class="split-main">
          {personId ? <Phone key={personId} personId={personId} /> : <p class="muted">Pick a person to act as their phone and see their call history.</p>}
        </div>
      </div>
    </>
  );
}

function Phone({ personId }: { personId: string }) {
  const { api, feed, org } = useConsole();
  const [person, setPerson] = useState<Person>();
  const [calls, setCalls] = useState<Call[]>();
  const [history, setHistory] = useState<HistoryRecord[]>();
  const [error, setError] = useState<string>();
  const base = `/sandbox/v1/people/${encodeURIComponent(personId)}`;

  const loadCalls = useCallback(() => {
    api
      .get<{ items: Call[] }>(`${base}/calls`)
      .then((r) => setCalls(r.items))
      .catch((e) => setError(errorMessage(e)));
  }, [api, base]);
  const loadHistory = useCallback(() => {
    api
      .get<{ items: HistoryRecord[] }>(`${base}/calls/history`)
      .then((r) => setHistory([...r.items].sort((a, b) => b.time.localeCompare(a.time))))
      .catch((e) => setError(errorMessage(e)));
  }, [api, base]);

  useEffect(() => {
    api
      .get<Person>(`/v1/people/${encodeURIComponent(personId)}`, { callingData: true })
      .then(setPerson)
      .catch((e) => setError(errorMessage(e)));
    loadCalls();
    loadHistory();
  }, [api, personId, loadCalls, loadHistory]);

  // The stream says when this person's calls change: load them again then (once per burst).
  const pending = useRef<number | undefined>(undefined);
  useCallEvents(
    feed,
    (event) => {
      if (event.actorId !== personId) return;
      if (event.data.state === 'disconnected') window.setTimeout(loadHistory, 50);
      window.clearTimeout(pending.current);
      pending.current = window.setTimeout(loadCalls, 50);
    },
    [personId, loadCalls, loadHistory],
  );

  if (error && !person) return <ErrorNotice error={error} />;
  if (!person) return <Loading />;
  const name = person.displayName;

  return (
    <>
      <Section title={`${name}’s phone`}>
        <p class="muted">
          {person.extension ? `Extension ${person.extension}` : 'No extension'}
          {workNumber(person) ? ` · ${workNumber(person)}` : ''} · {locationName(org, person.locationId)}
        </p>
        <ErrorNotice error={error} />
        <h3>Calls</h3>
        {!calls ? (
          <Loading />
        ) : calls.length === 0 ? (
          <p class="muted">No call on this phone.</p>
        ) : (
          <ul class="phone-calls" aria-live="polite">
            {calls.map((c) => (
              <li key={c.id} class="phone-call">
                <div>
                  <strong>{describeParty(c.remoteParty)}</strong> <Badge value={c.state} label={stateLabel(c.state)} /> <span class="muted">{c.personality}</span>
                  {c.muted && <Badge value="muted" />}
                  {c.recordingState && <Badge value={`recording-${c.recordingState}`} label={`recording ${c.recordingState}`} />}
                  {c.recall && <span class="muted"> · park recall from {describeParty(c.recall.party)}</span>}
                </div>
                <PersonCallActions
                  personId={personId}
                  personName={name}
                  callId={c.id}
                  state={c.state}
                  personality={c.personality}
                  muted={c.muted}
                  recordingState={c.recordingState}
                  onActed={loadCalls}
                />
              </li>
            ))}
          </ul>
        )}
        <DialForm personId={personId} name={name} onDialed={loadCalls} />
      </Section>
      <Section title="Call history" actions={<Button variant="quiet" onClick={loadHistory}>Reload</Button>}>
        {!history ? (
          <Loading />
        ) : history.length === 0 ? (
          <p class="muted">No call history yet.</p>
        ) : (
          <div class="table-wrap">
            <table class="history">
              <caption class="visually-hidden">Call history of {name}</caption>
              <thead>
                <tr>
                  <th scope="col">Type</th>
                  <th scope="col">With</th>
                  <th scope="col">Number</th>
                  <th scope="col">Time</th>
                </tr>
              </thead>
              <tbody>
                {history.map((h, i) => (
                  <tr key={`${h.time}-${i}`}>
                    <td data-label="Type">
                      <Badge value={h.type === 'missed' ? 'failed' : 'info'} label={h.type} />
                    </td>
                    <td data-label="With">{h.privacyEnabled ? 'private' : (h.name ?? '—')}</td>
                    <td data-label="Number">{h.number ?? '—'}</td>
                    <td data-label="Time">{formatDateTime(h.time)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Section>
      <Section title={`Call ${name}`}>
        <PlaceCallForm to={person.extension ?? workNumber(person) ?? ''} />
      </Section>
      <Section title="Phone settings">
        <PhoneSettingsForm personId={personId} />
      </Section>
    </>
  );
}

function DialForm({ personId, name, onDialed }: { personId: string; name: string; onDialed: () => void }) {
  const { api, notify } = useConsole();
  const [destination, setDestination] = useState('');
  const [busy, setBusy] = useState<'dial' | 'retrieve'>();
  const base = `/sandbox/v1/people/${encodeURIComponent(personId)}/calls`;

  const run = async (kind: 'dial' | 'retrieve', body: object) => {
    setBusy(kind);
    try {
      await api.post(`${base}/${kind}`, body);
      notify(kind === 'dial' ? `${name} is calling ${destination.trim()}.` : `${name} retrieved the parked call.`);
      onDialed();
    } catch (error) {
      notify(`${kind === 'dial' ? 'Dial' : 'Retrieve'} failed: ${errorMessage(error)}`, 'error');
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <form
      class="dial"
      onSubmit={(e) => {
        e.preventDefault();
        void run('dial', { destination: destination.trim() });
      }}
    >
      <TextInput label="Dial" hint="An extension, a number, or a feature code." value={destination} onValue={setDestination} required autocomplete="off" />
      <div class="row">
        <Button type="submit" variant="primary" busy={busy === 'dial'}>
          Dial as {name}
        </Button>
        <Button busy={busy === 'retrieve'} onClick={() => void run('retrieve', {})}>
          Retrieve parked call
        </Button>
      </div>
    </form>
  );
}

function PhoneSettingsForm({ personId }: { personId: string }) {
  const { api, notify } = useConsole();
  const [settings, setSettings] = useState<PhoneSettings>();
  const [error, setError] = useState<string>();
  const url = `/sandbox/v1/people/${encodeURIComponent(personId)}/phone`;

  useEffect(() => {
    api.get<PhoneSettings>(url).then(setSettings).catch((e) => setError(errorMessage(e)));
  }, [api, url]);

  if (!settings) return error ? <ErrorNotice error={error} /> : <Loading />;
  const save = async (e: Event) => {
    e.preventDefault();
    try {
      setSettings(await api.put<PhoneSettings>(url, settings));
      notify('Phone settings saved.');
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };
  return (
    <form onSubmit={save} class="stack">
      <Checkbox label="Answer incoming calls by itself" checked={settings.autoAnswer} onChecked={(autoAnswer) => setSettings({ ...settings, autoAnswer })} />
      <TextInput
        label="After (milliseconds)"
        type="number"
        min={0}
        step={100}
        value={String(settings.autoAnswerDelayMs)}
        onValue={(v) => setSettings({ ...settings, autoAnswerDelayMs: Math.max(0, Number(v) || 0) })}
        disabled={!settings.autoAnswer}
      />
      <Checkbox label="Busy: refuse every incoming call" checked={settings.busy} onChecked={(busy) => setSettings({ ...settings, busy })} />
      <ErrorNotice error={error} />
      <FormButtons submit="Save settings" />
    </form>
  );
}
