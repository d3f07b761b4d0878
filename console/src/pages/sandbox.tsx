import { useCallback, useEffect, useState } from 'preact/hooks';
import { errorMessage } from '../api.ts';
import { Button, ErrorNotice, FormButtons, Loading, PageHeading, Section, Select, TextInput, useFormAction } from '../components/ui.tsx';
import { useConsole } from '../context.ts';
import { formatDateTime } from '../format.ts';

// The sandbox's controls: the server clock (GET/PUT /sandbox/v1/clock, POST
// /sandbox/v1/clock/advance; moving it is the operator's) and the faults injected into the
// organization's /v1 requests (/sandbox/v1/faults; a full administrator's).

type ClockState = { now: string; mode: 'real' | 'manual'; pendingTasks: number };
type Fault = { id: string; method?: string; path: string; status?: number; retryAfter?: number; latencyMs?: number; probability: number; count?: number; faulted?: number };

export function SandboxPage() {
  return (
    <>
      <PageHeading title="Clock & faults" />
      <div class="grid">
        <ClockControls />
        <FaultControls />
      </div>
    </>
  );
}

function ClockControls() {
  const { api, notify } = useConsole();
  const [clock, setClock] = useState<ClockState>();
  const [error, setError] = useState<string>();
  const [seconds, setSeconds] = useState('60');
  const advancing = useFormAction();

  const load = useCallback(() => {
    api
      .get<ClockState>('/sandbox/v1/clock')
      .then((c) => {
        setClock(c);
        setError(undefined);
      })
      .catch((e) => setError(errorMessage(e)));
  }, [api]);
  useEffect(load, [load]);

  const setMode = async (mode: ClockState['mode']) => {
    try {
      setClock(await api.put<ClockState>('/sandbox/v1/clock', { mode }));
      notify(mode === 'manual' ? 'The clock is manual: it moves only when advanced.' : 'The clock runs in real time.');
    } catch (e) {
      notify(errorMessage(e), 'error');
    }
  };

  const advance = advancing.action(async () => {
    const ms = Math.round(Number(seconds) * 1000);
    setClock(await api.post<ClockState>('/sandbox/v1/clock/advance', { ms }));
    notify(`Advanced by ${seconds} s.`);
  });

  return (
    <Section title="Server clock" actions={<Button variant="quiet" onClick={load}>Reload</Button>}>
      <ErrorNotice error={error} onRetry={load} />
      {!clock && !error && <Loading />}
      {clock && (
        <>
          <dl class="stats">
            <div>
              <dt>Now</dt>
              <dd class="clock-now">{formatDateTime(clock.now)}</dd>
            </div>
            <div>
              <dt>Mode</dt>
              <dd class="clock-mode-value">{clock.mode}</dd>
            </div>
            <div>
              <dt>Timers waiting</dt>
              <dd>{clock.pendingTasks}</dd>
            </div>
          </dl>
          <p class="row">
            {clock.mode === 'real' ? (
              <Button onClick={() => void setMode('manual')}>Switch to manual</Button>
            ) : (
              <Button onClick={() => void setMode('real')}>Switch to real time</Button>
            )}
          </p>
          {clock.mode === 'manual' && (
            <form onSubmit={advance} class="stack" aria-label="Advance the clock">
              <TextInput label="Advance by (seconds)" type="number" min={0} step={1} value={seconds} onValue={setSeconds} required />
              <FormButtons submit="Advance" busy={advancing.busy} />
              <ErrorNotice error={advancing.error} />
            </form>
          )}
          <p class="hint">The clock is the whole server’s: only the operator’s token (CALLPLANE_ADMIN_TOKEN) moves it.</p>
        </>
      )}
    </Section>
  );
}

const STATUSES = ['429', '500', '502', '503', '504'].map((s) => ({ value: s, label: s }));
const METHODS = ['', 'GET', 'POST', 'PUT', 'PATCH', 'DELETE'].map((m) => ({ value: m, label: m || 'any' }));

function FaultControls() {
  const { api, notify } = useConsole();
  const [faults, setFaults] = useState<Fault[]>();
  const [error, setError] = useState<string>();
  const [path, setPath] = useState('/v1/people');
  const [method, setMethod] = useState('');
  const [status, setStatus] = useState('503');
  const [probability, setProbability] = useState('1');
  const [count, setCount] = useState('');
  const adding = useFormAction();

  const load = useCallback(() => {
    api
      .get<{ items: Fault[] }>('/sandbox/v1/faults')
      .then((r) => {
        setFaults(r.items);
        setError(undefined);
      })
      .catch((e) => setError(errorMessage(e)));
  }, [api]);
  useEffect(load, [load]);

  const add = adding.action(async () => {
    await api.post('/sandbox/v1/faults', {
      path: path.trim(),
      status: Number(status),
      probability: Number(probability),
      ...(method ? { method } : {}),
      ...(count.trim() ? { count: Number(count) } : {}),
    });
    notify(`Fault added: ${method || 'any'} ${path.trim()} answers ${status}.`);
    load();
  });

  const remove = async (fault?: Fault) => {
    try {
      await api.delete(fault ? `/sandbox/v1/faults/${encodeURIComponent(fault.id)}` : '/sandbox/v1/faults');
      notify(fault ? 'Fault removed.' : 'Every fault removed.');
      load();
    } catch (e) {
      notify(errorMessage(e), 'error');
    }
  };

  return (
    <Section
      title="Faults"
      actions={
        faults && faults.length > 0 ? (
          <Button variant="quiet" onClick={() => void remove()}>
            Clear all
          </Button>
        ) : undefined
      }
    >
      <ErrorNotice error={error} onRetry={load} />
      {faults && faults.length === 0 && <p class="muted">No fault: every request is answered normally.</p>}
      {faults && faults.length > 0 && (
        <ul class="plain-list faults">
          {faults.map((f) => (
            <li key={f.id}>
              <strong>
                {f.method ?? 'any'} {f.path}
              </strong>{' '}
              → {f.status ?? 'late'}
              {f.latencyMs ? ` after ${f.latencyMs} ms` : ''}
              <span class="muted">
                {' '}
                · probability {f.probability}
                {f.count ? ` · ${f.count} times` : ''}
              </span>{' '}
              <Button variant="quiet" onClick={() => void remove(f)} aria-label={`Remove the fault on ${f.method ?? 'any'} ${f.path}`}>
                Remove
              </Button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={add} class="stack" aria-label="Add a fault">
        <TextInput label="Path" hint="A /v1 route (/v1/people/{personId}), a concrete path, or a prefix ending in /*." value={path} onValue={setPath} required />
        <Select label="Method" options={METHODS} value={method} onValue={setMethod} />
        <Select label="Status" options={STATUSES} value={status} onValue={setStatus} />
        <TextInput label="Probability" type="number" min={0} step={0.05} value={probability} onValue={setProbability} required />
        <TextInput label="Times (empty: until removed)" type="number" min={1} step={1} value={count} onValue={setCount} />
        <FormButtons submit="Add fault" busy={adding.busy} />
        <ErrorNotice error={adding.error} />
      </form>
    </Section>
  );
}
