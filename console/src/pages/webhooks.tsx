import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, errorMessage } from '../api.ts';
import { Badge, Button, Dialog, ErrorNotice, Loading, PageHeading, Section } from '../components/ui.tsx';
import { useConsole } from '../context.ts';
import { formatDateTime, formatTime } from '../format.ts';
import { useCallEvents } from '../live.ts';
import { href, navigate } from '../router.ts';
import type { Delivery, Webhook, WebhookHealth } from '../types.ts';
import { WebhookForm } from './webhook-form.tsx';

// The token's webhooks (/v1/webhooks) with their health (last status, failures in a row) and,
// for one of them, its delivery log (GET /sandbox/v1/webhooks/{webhookId}/deliveries): every
// event sent, each attempt with its status code, latency, error and request headers, and the
// exact body; a test event and a redelivery are a button each.

export function WebhooksPage({ webhookId }: { webhookId: string | undefined }) {
  const { api, notify } = useConsole();
  const [webhooks, setWebhooks] = useState<Webhook[]>();
  const [error, setError] = useState<string>();
  const [creating, setCreating] = useState(false);

  const load = useCallback(() => {
    api
      .all<Webhook>('/v1/webhooks', { max: 100 })
      .then((items) => {
        setWebhooks(items);
        setError(undefined);
      })
      .catch((e) => setError(errorMessage(e)));
  }, [api]);
  useEffect(load, [load]);

  const selected = webhooks?.find((w) => w.id === webhookId);
  const [health, setHealth] = useState<Record<string, WebhookHealth>>({});
  const loadHealth = useCallback(() => {
    for (const w of webhooks ?? []) {
      api
        .get<WebhookHealth>(`/sandbox/v1/webhooks/${encodeURIComponent(w.id)}/health`)
        .then((h) => setHealth((all) => ({ ...all, [w.id]: h })))
        .catch(() => undefined);
    }
  }, [api, webhooks]);
  useEffect(loadHealth, [loadHealth]);

  const sendTest = async (w: Webhook) => {
    try {
      await api.post(`/sandbox/v1/webhooks/${encodeURIComponent(w.id)}/test`, {});
      notify(`Test event queued for ${w.name}.`);
      navigate('webhooks', w.id);
      window.setTimeout(loadHealth, 800);
    } catch (e) {
      notify(errorMessage(e), 'error');
    }
  };

  const reactivate = async (w: Webhook) => {
    try {
      await api.put(`/v1/webhooks/${w.id}`, { name: w.name, targetUrl: w.targetUrl, status: 'active' });
      notify(`${w.name} is active again.`);
      load();
    } catch (e) {
      notify(errorMessage(e), 'error');
    }
  };
  const remove = async (w: Webhook) => {
    if (!window.confirm(`Delete the webhook ${w.name}?`)) return;
    try {
      await api.delete(`/v1/webhooks/${w.id}`);
      notify(`Deleted ${w.name}.`);
      if (w.id === webhookId) navigate('webhooks');
      load();
    } catch (e) {
      notify(errorMessage(e), 'error');
    }
  };

  return (
    <>
      <PageHeading title="Webhooks">
        <Button variant="primary" onClick={() => setCreating(true)}>
          New webhook
        </Button>
      </PageHeading>
      <ErrorNotice error={error} onRetry={load} />
      {!webhooks && !error && <Loading />}
      {webhooks && webhooks.length === 0 && <p class="muted">No webhook yet. Create one to see each event Callplane sends it.</p>}
      {webhooks && webhooks.length > 0 && (
        <div class="table-wrap" tabIndex={0} role="region" aria-label="Webhooks">
          <table>
            <caption class="visually-hidden">Webhooks</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Status</th>
                <th scope="col">Subscribed to</th>
                <th scope="col">Target URL</th>
                <th scope="col">Health</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {webhooks.map((w) => (
                <tr key={w.id} aria-current={w.id === webhookId ? 'true' : undefined}>
                  <td data-label="Name">
                    <a href={href('webhooks', w.id)}>{w.name}</a>
                  </td>
                  <td data-label="Status">
                    <Badge value={w.status} />
                  </td>
                  <td data-label="Subscribed to">
                    {w.resource} · {w.event}
                    {w.filter ? <span class="muted"> · {w.filter}</span> : null}
                  </td>
                  <td data-label="Target URL" class="wrap">
                    {w.targetUrl}
                  </td>
                  <td data-label="Health">
                    <HealthSummary health={health[w.id]} />
                  </td>
                  <td data-label="Actions" class="actions">
                    <Button variant="quiet" onClick={() => void sendTest(w)} aria-label={`Send a test event to ${w.name}`}>
                      Send test event
                    </Button>
                    <Button variant="quiet" onClick={() => navigate('webhooks', w.id)} aria-label={`Delivery log of ${w.name}`}>
                      Deliveries
                    </Button>
                    {w.status !== 'active' && (
                      <Button variant="quiet" onClick={() => void reactivate(w)} aria-label={`Reactivate ${w.name}`}>
                        Reactivate
                      </Button>
                    )}
                    <Button variant="quiet" onClick={() => void remove(w)} aria-label={`Delete ${w.name}`}>
                      Delete
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {selected && (
        <DeliveryLog
          key={selected.id}
          webhook={selected}
          onChanged={() => {
            load();
            loadHealth();
          }}
        />
      )}
      <Dialog title="New webhook" open={creating} onClose={() => setCreating(false)}>
        <WebhookForm
          onCancel={() => setCreating(false)}
          onDone={(w) => {
            setCreating(false);
            load();
            navigate('webhooks', w.id);
          }}
        />
      </Dialog>
    </>
  );
}

function HealthSummary({ health }: { health: WebhookHealth | undefined }) {
  if (!health) return <span class="muted">—</span>;
  const last = health.lastAttempt;
  return (
    <span class="webhook-health">
      {last ? `last ${last.statusCode ?? last.error ?? 'no answer'}` : 'nothing sent yet'}
      {health.consecutiveFailures > 0 ? <span class="delivery-error"> · {health.consecutiveFailures} failed in a row</span> : null}
    </span>
  );
}

function DeliveryLog({ webhook, onChanged }: { webhook: Webhook; onChanged: () => void }) {
  const { api, feed, notify } = useConsole();
  const [deliveries, setDeliveries] = useState<Delivery[]>();
  const [error, setError] = useState<string>();
  const [missing, setMissing] = useState(false);
  const timers = useRef<number[]>([]);

  const load = useCallback(() => {
    api
      .page<Delivery>(`/sandbox/v1/webhooks/${encodeURIComponent(webhook.id)}/deliveries`, { max: 50 })
      .then((page) => {
        setDeliveries(page.items);
        setError(undefined);
      })
      .catch((e) => {
        if (e instanceof ApiError && e.status === 404) setMissing(true);
        setError(errorMessage(e));
      });
  }, [api, webhook.id]);
  useEffect(load, [load]);

  // Deliveries follow call events: look again shortly after each (and once more for retries).
  useCallEvents(
    feed,
    () => {
      for (const t of timers.current) window.clearTimeout(t);
      timers.current = [window.setTimeout(load, 600), window.setTimeout(() => (load(), onChanged()), 3000)];
    },
    [load],
  );
  useEffect(() => () => timers.current.forEach((t) => window.clearTimeout(t)), []);

  /** Reloads the log a few times while what was just queued is sent. */
  const follow = () => {
    for (const t of timers.current) window.clearTimeout(t);
    timers.current = [window.setTimeout(load, 300), window.setTimeout(() => (load(), onChanged()), 1200), window.setTimeout(() => (load(), onChanged()), 4000)];
  };
  // A test event sent from the list lands here too.
  useEffect(follow, [webhook.id]);

  const redeliver = async (d: Delivery) => {
    try {
      await api.post(`/sandbox/v1/webhooks/${encodeURIComponent(webhook.id)}/deliveries/${encodeURIComponent(d.id)}/redeliver`, {});
      notify('Queued again.');
      load();
      follow();
    } catch (e) {
      notify(errorMessage(e), 'error');
    }
  };

  return (
    <Section title={`Delivery log: ${webhook.name}`} actions={<Button variant="quiet" onClick={load}>Reload</Button>}>
      <p class="muted wrap">
        {webhook.targetUrl} · <Badge value={webhook.status} />
      </p>
      {missing ? <p class="notice">This server does not keep a delivery log yet ({error}).</p> : <ErrorNotice error={error} onRetry={load} />}
      {!deliveries && !error && <Loading />}
      {deliveries && deliveries.length === 0 && <p class="muted">Nothing sent yet: deliveries appear here as calls happen.</p>}
      {deliveries && deliveries.length > 0 && (
        <ol class="deliveries">
          {deliveries.map((d) => (
            <li key={d.id}>
              <DeliveryEntry delivery={d} onRedeliver={() => void redeliver(d)} />
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}

function prettyBody(body: Delivery['body']): string {
  if (body === undefined) return '';
  if (typeof body !== 'string') return JSON.stringify(body, null, 2);
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

/** The telephony_calls eventType (received, answered, …), from the log entry or its body. */
function eventTypeOf(d: Delivery): string | undefined {
  if (d.eventType) return d.eventType;
  try {
    const body = (typeof d.body === 'string' ? JSON.parse(d.body) : d.body) as { data?: { eventType?: string } } | undefined;
    return body?.data?.eventType;
  } catch {
    return undefined;
  }
}

function DeliveryEntry({ delivery: d, onRedeliver }: { delivery: Delivery; onRedeliver: () => void }) {
  const last = d.attempts.at(-1);
  const eventType = eventTypeOf(d);
  return (
    <details class="delivery">
      <summary>
        <Badge value={d.status} />
        <span class="delivery-what">
          {eventType ?? 'event'}
          {d.event ? ` (${d.event})` : ''}
          {d.origin && d.origin !== 'event' ? ` · ${d.origin}` : ''}
        </span>
        <span class="muted">{formatTime(d.created)}</span>
        <span class="muted">
          {d.attempts.length} attempt{d.attempts.length === 1 ? '' : 's'}
          {last ? ` · ${last.statusCode ?? 'no answer'} · ${last.latencyMs} ms` : ''}
        </span>
        {last?.error && <span class="delivery-error">{last.error}</span>}
      </summary>
      <div class="delivery-body">
        {d.status === 'pending' && d.nextAttemptAt && <p class="muted">Next attempt at {formatDateTime(d.nextAttemptAt)}.</p>}
        {d.attempts.length > 0 && (
          <div class="table-wrap">
            <table class="attempts">
              <caption class="visually-hidden">Attempts</caption>
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">Time</th>
                  <th scope="col">Status code</th>
                  <th scope="col">Latency</th>
                  <th scope="col">Outcome</th>
                  <th scope="col">Error or response</th>
                </tr>
              </thead>
              <tbody>
                {d.attempts.map((a, i) => (
                  <tr key={i}>
                    <td data-label="#">{i + 1}</td>
                    <td data-label="Time">{formatTime(a.time)}</td>
                    <td data-label="Status code">{a.statusCode ?? '—'}</td>
                    <td data-label="Latency">{a.latencyMs} ms</td>
                    <td data-label="Outcome">{a.outcome ?? '—'}</td>
                    <td data-label="Error or response" class="wrap">
                      {a.error ?? a.responseExcerpt ?? '—'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {d.status !== 'pending' && (
          <p>
            <Button variant="quiet" onClick={onRedeliver}>
              Redeliver
            </Button>
          </p>
        )}
        {last?.requestHeaders && (
          <>
            <h4>Request headers sent</h4>
            <pre class="json request-headers" tabIndex={0}>
              {Object.entries(last.requestHeaders)
                .map(([k, v]) => `${k}: ${v}`)
                .join('\n')}
            </pre>
          </>
        )}
        <h4>Body sent</h4>
        <pre class="json" tabIndex={0}>
          {prettyBody(d.body)}
        </pre>
      </div>
    </details>
  );
}
