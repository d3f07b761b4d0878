import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { Api, errorMessage } from './api.ts';
import { Console, type ConsoleContext, type Notify, type OrgData } from './context.ts';
import { LiveFeed, useFeed, type FeedStatus } from './live.ts';
import { AppsPage } from './pages/apps.tsx';
import { CallsPage } from './pages/calls.tsx';
import { FeaturesPage } from './pages/features.tsx';
import { LocationsPage } from './pages/locations.tsx';
import { OverviewPage } from './pages/overview.tsx';
import { PeoplePage } from './pages/people.tsx';
import { NotFoundPage } from './pages/not-found.tsx';
import { PhonesPage } from './pages/phones.tsx';
import { SandboxPage } from './pages/sandbox.tsx';
import { SignInPage } from './pages/sign-in.tsx';
import { WebhooksPage } from './pages/webhooks.tsx';
import { href, navigate, useRoute } from './router.ts';
import { currentOrganization, forget, knownOrganizations, remember, switchTo, type SignedIn } from './session.ts';
import type { CallingLocation, License, Location } from './types.ts';

const PAGES = [
  { page: 'overview', label: 'Overview' },
  { page: 'people', label: 'People' },
  { page: 'locations', label: 'Locations' },
  { page: 'features', label: 'Features' },
  { page: 'calls', label: 'Live calls' },
  { page: 'phones', label: 'Phones' },
  { page: 'webhooks', label: 'Webhooks' },
  { page: 'apps', label: 'Apps' },
  { page: 'sandbox', label: 'Clock & faults' },
] as const;

const emptyOrg: OrgData = { licenses: [], locations: [], callingLocations: [], loaded: false, error: undefined };

export function App() {
  const route = useRoute();
  const [session, setSession] = useState<SignedIn | undefined>(() => currentOrganization());

  // A deep link (#/webhooks/<id>) opened while signed out is where signing in leads.
  const signedIn = (entry: SignedIn) => {
    remember(entry);
    setSession(entry);
    if (route.page === 'sign-in') navigate('overview');
  };

  if (!session || route.page === 'sign-in') {
    return <SignInPage onSignedIn={signedIn} current={session} onCancel={session ? () => navigate('overview') : undefined} />;
  }
  return (
    <Shell
      key={session.orgId}
      session={session}
      onSwitch={(orgId) => {
        switchTo(orgId);
        setSession(currentOrganization());
      }}
      onSignOut={() => {
        forget(session.orgId);
        const next = knownOrganizations()[0];
        if (next) switchTo(next.orgId);
        setSession(next);
        navigate(next ? 'overview' : 'sign-in');
      }}
    />
  );
}

type Toast = { id: number; message: string; tone: 'ok' | 'error' };

function Shell({ session, onSwitch, onSignOut }: { session: SignedIn; onSwitch: (orgId: string) => void; onSignOut: () => void }) {
  const route = useRoute();
  const api = useMemo(() => new Api(session.token), [session.token]);
  const [org, setOrg] = useState<OrgData>(emptyOrg);
  const [feed, setFeed] = useState<LiveFeed | undefined>();
  const [toasts, setToasts] = useState<Toast[]>([]);

  const reloadOrg = useCallback(async () => {
    try {
      const [licenses, locations, calling] = await Promise.all([
        api.get<{ items: License[] }>('/v1/licenses'),
        api.all<Location>('/v1/locations', { max: 1000 }),
        api.get<{ locations: CallingLocation[] }>('/v1/telephony/config/locations', { max: 1000 }),
      ]);
      setOrg({ licenses: licenses.items, locations, callingLocations: calling.locations, loaded: true, error: undefined });
    } catch (error) {
      setOrg((o) => ({ ...o, loaded: true, error: errorMessage(error) }));
    }
  }, [api]);

  useEffect(() => void reloadOrg(), [reloadOrg]);

  useEffect(() => {
    if (!session.fullAdmin) return;
    const live = new LiveFeed(api);
    setFeed(live);
    void live.start();
    return () => live.stop();
  }, [api, session.fullAdmin]);

  const notify: Notify = useCallback((message, tone = 'ok') => {
    const id = Date.now() + Math.random();
    setToasts((t) => [...t.slice(-3), { id, message, tone }]);
    window.setTimeout(() => setToasts((t) => t.filter((x) => x.id !== id)), tone === 'error' ? 9000 : 4000);
  }, []);

  const context: ConsoleContext = { session, api, feed, org, reloadOrg, notify };
  // The list changes only by signing in or out, which mounts another Shell.
  const known = useMemo(knownOrganizations, []);

  return (
    <Console.Provider value={context}>
      <a class="skip-link" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>
        Skip to content
      </a>
      <header class="topbar">
        <a class="brand" href={href('overview')}>
          <img src="./favicon.svg" alt="" width="24" height="24" />
          <span>Callplane</span>
        </a>
        <label class="org-switch">
          <span class="visually-hidden">Organization</span>
          <select
            value={session.orgId}
            onChange={(e) => {
              const value = (e.currentTarget as HTMLSelectElement).value;
              if (value === '+') navigate('sign-in');
              else onSwitch(value);
            }}
          >
            {known.map((o) => (
              <option key={o.orgId} value={o.orgId}>
                {o.orgName}
              </option>
            ))}
            <option value="+">Another organization…</option>
          </select>
        </label>
        <LiveStatus feed={feed} />
        <span class="who" title={session.email}>
          {session.personName}
        </span>
        <button type="button" class="btn btn-quiet" onClick={onSignOut}>
          Sign out
        </button>
      </header>
      <div class="layout">
        <nav class="sidenav" aria-label="Console">
          <ul>
            {PAGES.map((p) => (
              <li key={p.page}>
                <a href={href(p.page)} aria-current={route.page === p.page ? 'page' : undefined}>
                  {p.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" tabIndex={-1}>
          {!session.fullAdmin && (
            <p class="notice" role="note">
              This token is not a full administrator’s: the live calls, the phones and the event stream need one. Sign in with an administrator token to use them.
            </p>
          )}
          <Page page={route.page} id={route.id} />
        </main>
      </div>
      <div class="toasts" role="status" aria-live="polite">
        {toasts.map((t) => (
          <p key={t.id} class={`toast toast-${t.tone}`}>
            {t.message}
          </p>
        ))}
      </div>
    </Console.Provider>
  );
}

function Page({ page, id }: { page: string; id: string | undefined }) {
  switch (page) {
    case 'people':
      return <PeoplePage />;
    case 'locations':
      return <LocationsPage />;
    case 'features':
      return <FeaturesPage locationId={id} />;
    case 'calls':
      return <CallsPage />;
    case 'phones':
      return <PhonesPage personId={id} />;
    case 'webhooks':
      return <WebhooksPage webhookId={id} />;
    case 'apps':
      return <AppsPage />;
    case 'sandbox':
      return <SandboxPage />;
    case 'overview':
      return <OverviewPage />;
    default:
      return <NotFoundPage page={page} />;
  }
}

const STATUS_TEXT: Record<FeedStatus, string> = {
  connecting: 'Connecting…',
  'catching-up': 'Catching up…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  closed: 'Stream closed',
};

function LiveStatus({ feed }: { feed: LiveFeed | undefined }) {
  useFeed(feed);
  if (!feed) return null;
  return (
    <span class={`live-status live-${feed.status}`} title={feed.error ?? 'Call events stream from the server as they happen'}>
      <span class="dot" aria-hidden="true" />
      {STATUS_TEXT[feed.status]}
      {feed.clockMode === 'manual' && <span class="clock-mode"> · manual clock</span>}
    </span>
  );
}
