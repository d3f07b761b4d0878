import { useEffect, useState } from 'preact/hooks';
import { createSandboxOrganization, demoOrganization } from '../api.ts';
import { Button, ErrorNotice, FormButtons, PageHeading, Section, TextInput, useFormAction } from '../components/ui.tsx';
import { forget, knownOrganizations, signIn, type SignedIn } from '../session.ts';

// Sign in with a token (the demo administrator's is filled in when the server offers it), open
// an organization this browser knows, or create a sandbox organization.

type Props = { onSignedIn: (entry: SignedIn) => void; current: SignedIn | undefined; onCancel: (() => void) | undefined };

export function SignInPage({ onSignedIn, current, onCancel }: Props) {
  const [token, setToken] = useState('');
  const [showToken, setShowToken] = useState(false);
  const [demo, setDemo] = useState<{ displayName: string; adminEmail: string; hasToken: boolean } | undefined>();
  const [known, setKnown] = useState(knownOrganizations);
  const [orgName, setOrgName] = useState('');
  const signingIn = useFormAction();
  const creating = useFormAction();

  useEffect(() => {
    void demoOrganization().then((info) => {
      if (!info) return;
      setDemo({ displayName: info.displayName, adminEmail: info.adminEmail, hasToken: info.adminToken !== undefined });
      if (info.adminToken) setToken((t) => t || info.adminToken!);
    });
  }, []);

  const submit = signingIn.action(async () => onSignedIn(await signIn(token.trim())));

  const create = creating.action(async () => {
    const created = await createSandboxOrganization(orgName.trim());
    onSignedIn(await signIn(created.accessToken, { sandbox: true }));
  });

  return (
    <main id="main" class="signin" tabIndex={-1}>
      <div class="signin-brand">
        <img src="./favicon.svg" alt="" width="40" height="40" />
        <p>
          <strong>Callplane console</strong>
          <br />
          See and drive your Webex Calling sandbox.
        </p>
      </div>
      <PageHeading title="Sign in" />
      <Section title="With a token">
        <form onSubmit={submit} class="stack">
          {demo && (
            <p class="hint">
              This server has the demo organization <strong>{demo.displayName}</strong> (administrator {demo.adminEmail}).{' '}
              {demo.hasToken ? 'Its administrator token is filled in.' : 'Paste the token set in CALLPLANE_ADMIN_TOKEN.'}
            </p>
          )}
          <TextInput
            label="Access token"
            hint="A full administrator’s token drives calls and phones; npm start prints the demo one."
            type={showToken ? 'text' : 'password'}
            autocomplete="off"
            spellcheck={false}
            required
            value={token}
            onValue={setToken}
          />
          <FormButtons submit="Sign in" busy={signingIn.busy} onCancel={onCancel}>
            <Button variant="quiet" onClick={() => setShowToken((s) => !s)} aria-pressed={showToken}>
              {showToken ? 'Hide token' : 'Show token'}
            </Button>
          </FormButtons>
          <ErrorNotice error={signingIn.error && `Sign-in failed: ${signingIn.error}`} />
        </form>
      </Section>

      {known.length > 0 && (
        <Section title="Organizations in this browser">
          <ul class="plain-list org-list">
            {known.map((o) => (
              <li key={o.orgId}>
                <span>
                  <strong>{o.orgName}</strong>
                  <span class="muted"> · {o.personName}{o.sandbox ? ' · sandbox' : ''}{current?.orgId === o.orgId ? ' · current' : ''}</span>
                </span>
                <span class="row">
                  <Button onClick={() => onSignedIn(o)} aria-label={`Open ${o.orgName}`}>
                    Open
                  </Button>
                  <Button
                    variant="quiet"
                    aria-label={`Forget ${o.orgName} in this browser`}
                    onClick={() => {
                      forget(o.orgId);
                      setKnown(knownOrganizations());
                    }}
                  >
                    Forget
                  </Button>
                </span>
              </li>
            ))}
          </ul>
        </Section>
      )}

      <Section title="Create a sandbox organization">
        <form onSubmit={create} class="stack">
          <p class="hint">A new organization with licenses, a calling location with 100 numbers and an administrator. Its token is kept in this browser.</p>
          <TextInput label="Organization name" required maxLength={256} value={orgName} onValue={setOrgName} />
          <FormButtons submit="Create organization" busy={creating.busy} />
          <ErrorNotice error={creating.error} />
        </form>
      </Section>
    </main>
  );
}
