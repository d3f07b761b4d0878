import { useEffect, useState } from 'preact/hooks';
import { Api } from '../api.ts';
import { useConsole } from '../context.ts';
import { formatTime } from '../format.ts';
import type { Person } from '../types.ts';
import { ErrorNotice, Loading } from './ui.tsx';

// A person's voice messages, as their own Voice Messages API shows them: the Voice Messages API
// acts on the token's own person, so the console asks the sandbox for a read-only token of that
// person (spark:calls_read) and reads /v1/telephony/voiceMessages with it.

type VoiceMessage = {
  id: string;
  duration?: number;
  callingParty: { name?: string; number?: string };
  read?: boolean;
  urgent?: boolean;
  created: string;
};

export function VoiceMessages({ person }: { person: Person }) {
  const { api } = useConsole();
  const [messages, setMessages] = useState<VoiceMessage[] | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  useEffect(() => {
    let current = true;
    (async () => {
      const token = await api.post<{ access_token: string }>('/sandbox/v1/tokens', { personId: person.id, scopes: ['spark:calls_read'], expiresIn: 300 });
      const own = new Api(token.access_token);
      const reply = await own.get<{ items: VoiceMessage[] }>('/v1/telephony/voiceMessages');
      if (current) setMessages(reply.items);
    })().catch((e: unknown) => current && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      current = false;
    };
  }, [api, person.id]);

  return (
    <section class="stack" aria-label="Voice messages">
      <h3>Voice messages</h3>
      {error ? (
        <ErrorNotice error={error} />
      ) : messages === undefined ? (
        <Loading />
      ) : messages.length === 0 ? (
        <p class="muted">No voice messages.</p>
      ) : (
        <table>
          <caption class="visually-hidden">Voice messages of {person.displayName}</caption>
          <thead>
            <tr>
              <th scope="col">Received</th>
              <th scope="col">From</th>
              <th scope="col">Length</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {messages.map((m) => (
              <tr key={m.id}>
                <td>{formatTime(m.created)}</td>
                <td>{m.callingParty.name ?? m.callingParty.number ?? 'Unknown'}</td>
                <td>{m.duration ?? 0} s</td>
                <td>{`${m.read ? 'Read' : 'New'}${m.urgent ? ', urgent' : ''}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
