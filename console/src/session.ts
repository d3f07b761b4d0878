import { Api } from './api.ts';
import type { Organization, Person } from './types.ts';

// Who is signed in, and the organizations this browser knows: each with the token it was
// opened with, kept in localStorage (a sandbox convenience: tokens are as good as passwords, so
// sign out of organizations on a shared machine).

export type SignedIn = {
  orgId: string;
  orgName: string;
  token: string;
  personId: string;
  personName: string;
  email: string;
  /** Full administrators drive the simulator and the live stream. */
  fullAdmin: boolean;
  /** A sandbox organization created from this console. */
  sandbox?: boolean;
};

const ORGS = 'callplane.console.orgs';
const CURRENT = 'callplane.console.current';

function read(): SignedIn[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(ORGS) ?? '[]');
    return Array.isArray(parsed) ? (parsed as SignedIn[]) : [];
  } catch {
    return [];
  }
}

export function knownOrganizations(): SignedIn[] {
  return read();
}

export function currentOrganization(): SignedIn | undefined {
  const orgs = read();
  const current = localStorage.getItem(CURRENT);
  return orgs.find((o) => o.orgId === current);
}

export function remember(entry: SignedIn): void {
  const orgs = read().filter((o) => o.orgId !== entry.orgId);
  localStorage.setItem(ORGS, JSON.stringify([...orgs, entry]));
  localStorage.setItem(CURRENT, entry.orgId);
}

export function switchTo(orgId: string): void {
  localStorage.setItem(CURRENT, orgId);
}

export function forget(orgId: string): void {
  localStorage.setItem(ORGS, JSON.stringify(read().filter((o) => o.orgId !== orgId)));
  if (localStorage.getItem(CURRENT) === orgId) localStorage.removeItem(CURRENT);
}

/** Role IDs are base64url of ciscospark://us/ROLE/<name>. */
const roleName = (id: string): string => {
  try {
    return atob(id.replace(/-/g, '+').replace(/_/g, '/')).split('/').pop() ?? '';
  } catch {
    return '';
  }
};

/** Checks a token against the Webex API and says whose it is. */
export async function signIn(token: string, options: { sandbox?: boolean } = {}): Promise<SignedIn> {
  const api = new Api(token);
  const me = await api.get<Person>('/v1/people/me');
  const org = await api.get<Organization>(`/v1/organizations/${me.orgId}`).catch(() => undefined);
  return {
    orgId: me.orgId,
    orgName: org?.displayName ?? 'Organization',
    token,
    personId: me.id,
    personName: me.displayName,
    email: me.emails[0] ?? '',
    fullAdmin: (me.roles ?? []).some((r) => roleName(r) === 'id_full_admin'),
    ...(options.sandbox ? { sandbox: true } : {}),
  };
}
