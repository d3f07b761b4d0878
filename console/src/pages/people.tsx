import { useEffect, useState } from 'preact/hooks';
import { PagedTable, type Column } from '../components/paged-table.tsx';
import { peopleQuery } from '../components/person-picker.tsx';
import { Button, Dialog, PageHeading, Select, TextInput } from '../components/ui.tsx';
import { licenseName, locationName, useConsole } from '../context.ts';
import { workNumber } from '../format.ts';
import { href } from '../router.ts';
import type { Person } from '../types.ts';
import { PersonForm } from './person-form.tsx';

// People with their calling data, 50 a page, filtered by the server (name or email, location).

const PAGE_SIZE = 50;

export function PeoplePage() {
  const { api, org, reloadOrg } = useConsole();
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');
  const [locationId, setLocationId] = useState('');
  const [reload, setReload] = useState(0);
  const [editing, setEditing] = useState<Person | 'new' | undefined>();

  // Ask the server once typing pauses.
  useEffect(() => {
    const timer = window.setTimeout(() => setQuery(search), 300);
    return () => window.clearTimeout(timer);
  }, [search]);

  const columns: Column<Person>[] = [
    {
      header: 'Name',
      cell: (p) => (
        <a href={href('phones', p.id)} title="Phone and call history">
          {p.displayName}
        </a>
      ),
    },
    { header: 'Email', cell: (p) => p.emails[0] },
    { header: 'Extension', cell: (p) => p.extension ?? '—' },
    { header: 'Number', cell: (p) => workNumber(p) ?? '—' },
    { header: 'Location', cell: (p) => locationName(org, p.locationId) },
    { header: 'Licenses', cell: (p) => (p.licenses ?? []).map((id) => licenseName(org, id)).join(', ') || '—', class: 'wrap' },
    {
      header: 'Actions',
      cell: (p) => (
        <Button variant="quiet" onClick={() => setEditing(p)} aria-label={`Edit ${p.displayName}`}>
          Edit
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeading title="People">
        <Button variant="primary" onClick={() => setEditing('new')}>
          New person
        </Button>
      </PageHeading>
      <div role="search" class="filters">
        <TextInput label="Find" type="search" placeholder="Name starts with…, or an email" value={search} onValue={setSearch} />
        <Select
          label="Location"
          value={locationId}
          onValue={setLocationId}
          options={[{ value: '', label: 'All locations' }, ...org.locations.map((l) => ({ value: l.id, label: l.name }))]}
        />
      </div>
      <PagedTable<Person>
        caption="People"
        columns={columns}
        rowKey={(p) => p.id}
        resetKey={`${query}|${locationId}|${reload}`}
        load={(next) => (next ? api.page<Person>(next) : api.page<Person>('/v1/people', { ...peopleQuery(query), locationId, callingData: true, max: PAGE_SIZE }))}
        empty={query || locationId ? 'No one matches these filters.' : 'No people yet.'}
      />
      <Dialog title={editing === 'new' ? 'New person' : `Edit ${editing?.displayName ?? ''}`} open={editing !== undefined} onClose={() => setEditing(undefined)}>
        <PersonForm
          person={editing === 'new' ? undefined : editing}
          onCancel={() => setEditing(undefined)}
          onDone={() => {
            setEditing(undefined);
            setReload((r) => r + 1);
            void reloadOrg();
          }}
        />
      </Dialog>
    </>
  );
}
