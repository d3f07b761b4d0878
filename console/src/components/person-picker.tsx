import { useEffect, useId, useState } from 'preact/hooks';
import { errorMessage } from '../api.ts';
import { useConsole } from '../context.ts';
import type { Person } from '../types.ts';

// Finds a person by name (or email, with an @) on the server: the list never holds more than a
// few matches, however many people the organization has.

export const peopleQuery = (text: string): Record<string, string> => {
  const value = text.trim();
  if (!value) return {};
  return value.includes('@') ? { email: value } : { displayName: value };
};

export function PersonPicker({ label, onPick, selectedId }: { label: string; onPick: (person: Person) => void; selectedId?: string }) {
  const { api } = useConsole();
  const id = useId();
  const [text, setText] = useState('');
  const [matches, setMatches] = useState<Person[]>([]);
  const [status, setStatus] = useState('');

  useEffect(() => {
    let current = true;
    const timer = window.setTimeout(() => {
      api
        .page<Person>('/v1/people', { ...peopleQuery(text), callingData: true, max: 8 })
        .then((page) => {
          if (!current) return;
          setMatches(page.items);
          setStatus(page.items.length === 0 ? 'No one matches.' : `${page.items.length}${page.next ? '+' : ''} found.`);
        })
        .catch((error) => current && setStatus(errorMessage(error)));
    }, 250);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [text, api]);

  return (
    <div class="picker">
      <label for={id}>{label}</label>
      <input id={id} type="search" placeholder="Name, or email" value={text} onInput={(e) => setText((e.currentTarget as HTMLInputElement).value)} aria-describedby={`${id}-status`} />
      <p id={`${id}-status`} class="hint" role="status">
        {selectedId && text.trim() === '' ? 'Type a name or an email to choose another phone.' : status}
      </p>
      <ul class="picker-results">
        {(selectedId && text.trim() === '' ? matches.filter((p) => p.id === selectedId) : matches).map((p) => (
          <li key={p.id}>
            <button type="button" class="btn btn-quiet picker-item" onClick={() => onPick(p)} aria-current={p.id === selectedId ? 'true' : undefined}>
              <strong>{p.displayName}</strong>
              <span class="muted">
                {p.extension ? ` · ext ${p.extension}` : ''}
                {p.emails[0] ? ` · ${p.emails[0]}` : ''}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
