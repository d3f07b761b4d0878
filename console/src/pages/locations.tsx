import { useState } from 'preact/hooks';
import { Badge, Button, Dialog, ErrorNotice, Loading, PageHeading } from '../components/ui.tsx';
import { useConsole } from '../context.ts';
import { href } from '../router.ts';
import type { Location } from '../types.ts';
import { CallingForm, LocationForm } from './location-form.tsx';

// Every location, whether it is enabled for Webex Calling, its main number and routing prefix.

type Editing = { kind: 'new' } | { kind: 'details'; location: Location } | { kind: 'calling'; location: Location };

export function LocationsPage() {
  const { org, reloadOrg } = useConsole();
  const [editing, setEditing] = useState<Editing>();
  const calling = new Map(org.callingLocations.map((l) => [l.id, l]));
  const done = () => {
    setEditing(undefined);
    void reloadOrg();
  };

  const title = !editing ? '' : editing.kind === 'new' ? 'New location' : editing.kind === 'details' ? `Edit ${editing.location.name}` : `Calling: ${editing.location.name}`;

  return (
    <>
      <PageHeading title="Locations">
        <Button variant="primary" onClick={() => setEditing({ kind: 'new' })}>
          New location
        </Button>
      </PageHeading>
      <ErrorNotice error={org.error} onRetry={() => void reloadOrg()} />
      {!org.loaded ? (
        <Loading />
      ) : (
        <div class="table-wrap" tabIndex={0} role="region" aria-label="Locations">
          <table>
            <caption class="visually-hidden">Locations</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Calling</th>
                <th scope="col">Main number</th>
                <th scope="col">Routing prefix</th>
                <th scope="col" class="hide-narrow">
                  Address
                </th>
                <th scope="col" class="hide-narrow">
                  Time zone
                </th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {org.locations.map((l) => {
                const c = calling.get(l.id);
                return (
                  <tr key={l.id}>
                    <td data-label="Name">{l.name}</td>
                    <td data-label="Calling">
                      <Badge value={c ? 'enabled' : 'not enabled'} />
                    </td>
                    <td data-label="Main number">{c?.callingLineId?.phoneNumber ?? '—'}</td>
                    <td data-label="Routing prefix">{c?.routingPrefix ?? '—'}</td>
                    <td data-label="Address" class="hide-narrow">
                      {l.address.address1}, {l.address.city}, {l.address.state} {l.address.postalCode}, {l.address.country}
                    </td>
                    <td data-label="Time zone" class="hide-narrow">
                      {l.timeZone}
                    </td>
                    <td data-label="Actions" class="actions">
                      <Button variant="quiet" onClick={() => setEditing({ kind: 'details', location: l })} aria-label={`Edit ${l.name}`}>
                        Edit
                      </Button>
                      <Button variant="quiet" onClick={() => setEditing({ kind: 'calling', location: l })} aria-label={c ? `Calling details of ${l.name}` : `Enable calling for ${l.name}`}>
                        {c ? 'Calling' : 'Enable calling'}
                      </Button>
                      {c && (
                        <a class="btn btn-quiet" href={href('features', l.id)} aria-label={`Features of ${l.name}`}>
                          Features
                        </a>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <Dialog title={title} open={editing !== undefined} onClose={() => setEditing(undefined)}>
        {editing?.kind === 'new' && <LocationForm location={undefined} onDone={done} onCancel={() => setEditing(undefined)} />}
        {editing?.kind === 'details' && <LocationForm location={editing.location} onDone={done} onCancel={() => setEditing(undefined)} />}
        {editing?.kind === 'calling' && (
          <CallingForm location={editing.location} calling={calling.get(editing.location.id)} onDone={done} onCancel={() => setEditing(undefined)} />
        )}
      </Dialog>
    </>
  );
}
