import { useState } from 'preact/hooks';
import { Checkbox, ErrorNotice, FormButtons, Select, TextInput, useFormAction } from '../components/ui.tsx';
import { useConsole } from '../context.ts';
import type { Webhook } from '../types.ts';

// Creates a webhook through the Webex API (POST /v1/webhooks), as an integration would.

const EVENTS = ['all', 'created', 'updated', 'deleted'];

export function WebhookForm({ onDone, onCancel }: { onDone: (webhook: Webhook) => void; onCancel: () => void }) {
  const { api, notify } = useConsole();
  const [name, setName] = useState('');
  const [targetUrl, setTargetUrl] = useState('');
  const [event, setEvent] = useState('all');
  const [filter, setFilter] = useState('');
  const [secret, setSecret] = useState('');
  const [orgWide, setOrgWide] = useState(true);
  const { busy, error, action } = useFormAction();

  const submit = action(async () => {
    const created = await api.post<Webhook>('/v1/webhooks', {
      name: name.trim(),
      targetUrl: targetUrl.trim(),
      resource: 'telephony_calls',
      event,
      ...(filter.trim() ? { filter: filter.trim() } : {}),
      ...(secret ? { secret } : {}),
      ...(orgWide ? { ownedBy: 'org' } : {}),
    });
    notify(`Created the webhook ${created.name}.`);
    onDone(created);
  });

  return (
    <form onSubmit={submit} class="stack">
      <TextInput label="Name" value={name} onValue={setName} required maxLength={256} autocomplete="off" />
      <TextInput label="Target URL" type="url" hint="Receives a POST for each call event." value={targetUrl} onValue={setTargetUrl} required placeholder="https://example.com/webex" />
      <Select label="Event" value={event} onValue={setEvent} options={EVENTS.map((v) => ({ value: v, label: v }))} hint="Resource: telephony_calls." />
      <TextInput label="Filter (optional)" hint="key=value conditions joined by &, for example personality=terminator." value={filter} onValue={setFilter} autocomplete="off" />
      <TextInput label="Secret (optional)" hint="Signs each delivery (X-Spark-Signature)." type="password" value={secret} onValue={setSecret} autocomplete="new-password" />
      <Checkbox label="Organization-wide (every person’s calls)" checked={orgWide} onChecked={setOrgWide} />
      <ErrorNotice error={error} />
      <FormButtons submit="Create webhook" busy={busy} onCancel={onCancel} />
    </form>
  );
}
