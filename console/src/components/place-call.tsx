import { useState } from 'preact/hooks';
import { useConsole } from '../context.ts';
import type { SimulatedSession } from '../types.ts';
import { Button, ErrorNotice, TextInput, useFormAction } from './ui.tsx';

// Plays a caller from the PSTN (POST /sandbox/v1/calls): any external number calling a number
// or an extension of the organization.

export function PlaceCallForm({ to: initialTo = '' }: { to?: string }) {
  const { api, notify, feed } = useConsole();
  const [from, setFrom] = useState('+14155550123');
  const [to, setTo] = useState(initialTo);
  const { busy, error, action } = useFormAction();

  const submit = action(async () => {
    const session = await api.post<SimulatedSession>('/sandbox/v1/calls', { from: from.trim(), to: to.trim() });
    feed?.refresh(session.callSessionId);
    notify(`Calling ${to.trim()} from ${from.trim()}.`);
  });

  return (
    <form onSubmit={submit} class="place-call" aria-label="Call from the PSTN">
      <TextInput label="From (external number)" hint="E.164, for example +14155550123." type="tel" value={from} onValue={setFrom} required autocomplete="off" />
      <TextInput label="To" hint="An extension (1001) or a number of the organization." value={to} onValue={setTo} required autocomplete="off" />
      <div class="place-call-submit">
        <Button variant="primary" type="submit" busy={busy}>
          Place call
        </Button>
      </div>
      <ErrorNotice error={error} />
    </form>
  );
}
