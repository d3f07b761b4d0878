import { useCallback, useEffect, useState } from 'preact/hooks';
import { errorMessage } from '../api.ts';
import { Button, Dialog, ErrorNotice, FormButtons, Loading, PageHeading, Section, Select, TextInput, useFormAction } from '../components/ui.tsx';
import { useConsole } from '../context.ts';
import { formatDateTime } from '../format.ts';
import type { Authorization, OAuthApp, Person } from '../types.ts';

// The organization's OAuth apps (/sandbox/v1/apps: register one, its secret shown once) and the
// authorizations given in it (/sandbox/v1/authorizations; revoking one is DELETE
// /v1/authorizations/{id}, after which its tokens answer 401). See docs/oauth.md.

export function AppsPage() {
  const { api, notify } = useConsole();
  const [apps, setApps] = useState<OAuthApp[]>();
  const [authorizations, setAuthorizations] = useState<Authorization[]>();
  const [names, setNames] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();
  const [registering, setRegistering] = useState(false);
  const [secret, setSecret] = useState<{ app: OAuthApp; clientSecret: string }>();

  const load = useCallback(async () => {
    try {
      const [a, z] = await Promise.all([
        api.get<{ items: OAuthApp[] }>('/sandbox/v1/apps'),
        api.get<{ items: Authorization[] }>('/sandbox/v1/authorizations'),
      ]);
      setApps(a.items);
      setAuthorizations(z.items);
      setError(undefined);
      const ids = [...new Set(z.items.map((x) => x.personId))];
      if (ids.length > 0) {
        const people = await api.get<{ items: Person[] }>('/v1/people', { id: ids.slice(0, 85).join(',') });
        setNames(Object.fromEntries(people.items.map((p) => [p.id, p.displayName])));
      }
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [api]);
  useEffect(() => void load(), [load]);

  const revoke = async (z: Authorization) => {
    if (!window.confirm(`Revoke ${z.applicationName}'s authorization? Its tokens stop working at once.`)) return;
    try {
      await api.delete(`/v1/authorizations/${z.id}`);
      notify(`Revoked ${z.applicationName}.`);
      void load();
    } catch (e) {
      notify(errorMessage(e), 'error');
    }
  };
  const remove = async (app: OAuthApp) => {
    if (!window.confirm(`Delete the app ${app.name} with all its authorizations?`)) return;
    try {
      await api.delete(`/sandbox/v1/apps/${app.id}`);
      notify(`Deleted ${app.name}.`);
      void load();
    } catch (e) {
      notify(errorMessage(e), 'error');
    }
  };

  return (
    <>
      <PageHeading title="Apps">
        <Button variant="primary" onClick={() => setRegistering(true)}>
          Register app
        </Button>
      </PageHeading>
      <ErrorNotice error={error} onRetry={() => void load()} />
      {!apps && !error && <Loading />}
      {secret && (
        <p class="notice" role="note">
          Client secret of {secret.app.name}, shown this once: <code class="wrap">{secret.clientSecret}</code>
        </p>
      )}
      {apps && (
        <Section title="Registered apps">
          {apps.length === 0 ? (
            <p class="muted">No app yet. Register an integration to sign in with OAuth, or a service app.</p>
          ) : (
            <div class="table-wrap" tabIndex={0} role="region" aria-label="Registered apps">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Type</th>
                    <th scope="col">Client ID</th>
                    <th scope="col" class="hide-narrow">Scopes</th>
                    <th scope="col" class="hide-narrow">Redirect URIs</th>
                    <th scope="col">Actions</th>
                  </tr>
                </thead>
                <tbody>
                  {apps.map((app) => (
                    <tr key={app.id}>
                      <td data-label="Name">{app.name}</td>
                      <td data-label="Type">{app.type}</td>
                      <td data-label="Client ID" class="wrap"><code>{app.clientId}</code></td>
                      <td data-label="Scopes" class="hide-narrow wrap">{app.scopes.join(' ')}</td>
                      <td data-label="Redirect URIs" class="hide-narrow wrap">{app.redirectUris.join(' ') || '—'}</td>
                      <td data-label="Actions" class="actions">
                        <Button variant="quiet" onClick={() => void remove(app)} aria-label={`Delete ${app.name}`}>
                          Delete
                        </Button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Section>
      )}
      {authorizations && (
        <Section title="Authorizations">
          {authorizations.length === 0 ? (
            <p class="muted">Nobody has authorized an app in this organization yet.</p>
          ) : (
            <div class="table-wrap" tabIndex={0} role="region" aria-label="Authorizations">
              <table>
                <thead>
                  <tr>
                    <th scope="col">App</th>
                    <th scope="col">Person</th>
                    <th scope="col">Since</th>
                    <th scope="col">Actions</th>
                  </tr>
                </thead>
                <tbody>
                  {authorizations.map((z) => (
                    <tr key={z.id}>
                      <td data-label="App">{z.applicationName}</td>
                      <td data-label="Person">{names[z.personId] ?? z.personId}</td>
                      <td data-label="Since">{formatDateTime(z.created)}</td>
                      <td data-label="Actions" class="actions">
                        <Button variant="quiet" onClick={() => void revoke(z)} aria-label={`Revoke ${z.applicationName} for ${names[z.personId] ?? z.personId}`}>
                          Revoke
                        </Button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Section>
      )}
      <Dialog title="Register app" open={registering} onClose={() => setRegistering(false)}>
        <AppForm
          onCancel={() => setRegistering(false)}
          onDone={(created) => {
            setRegistering(false);
            setSecret(created);
            void load();
          }}
        />
      </Dialog>
    </>
  );
}

function AppForm({ onDone, onCancel }: { onDone: (created: { app: OAuthApp; clientSecret: string }) => void; onCancel: () => void }) {
  const { api, notify } = useConsole();
  const [name, setName] = useState('');
  const [type, setType] = useState('integration');
  const [redirectUri, setRedirectUri] = useState('');
  const [scopes, setScopes] = useState('spark:people_read');
  const { busy, error, action } = useFormAction();

  const submit = action(async () => {
    const created = await api.post<OAuthApp & { clientSecret: string }>('/sandbox/v1/apps', {
      name: name.trim(),
      type,
      scopes: scopes.trim(),
      ...(type === 'integration' ? { redirectUris: redirectUri.trim().split(/\s+/).filter(Boolean) } : {}),
    });
    notify(`Registered ${created.name}.`);
    const { clientSecret, ...app } = created;
    onDone({ app, clientSecret });
  });

  return (
    <form onSubmit={submit} class="stack">
      <TextInput label="App name" value={name} onValue={setName} required maxLength={256} autocomplete="off" />
      <Select label="Type" value={type} onValue={setType} options={[{ value: 'integration', label: 'Integration' }, { value: 'service', label: 'Service app' }]} />
      {type === 'integration' && (
        <TextInput label="Redirect URIs" hint="Exact URIs, separated by spaces." value={redirectUri} onValue={setRedirectUri} required autocomplete="off" />
      )}
      <TextInput label="Scopes" hint="Separated by spaces." value={scopes} onValue={setScopes} required autocomplete="off" />
      <ErrorNotice error={error} />
      <FormButtons submit="Register" busy={busy} onCancel={onCancel} />
    </form>
  );
}
