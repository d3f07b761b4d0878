import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Api } from './api.ts';
import type { LiveFeed } from './live.ts';
import type { SignedIn } from './session.ts';
import type { CallingLocation, License, Location } from './types.ts';

// What every page of a signed-in console shares.

export type OrgData = {
  licenses: License[];
  locations: Location[];
  callingLocations: CallingLocation[];
  loaded: boolean;
  error: string | undefined;
};

export type Notify = (message: string, tone?: 'ok' | 'error') => void;

export type ConsoleContext = {
  session: SignedIn;
  api: Api;
  /** The live feed (only for full administrators: the stream needs one). */
  feed: LiveFeed | undefined;
  org: OrgData;
  reloadOrg: () => Promise<void>;
  notify: Notify;
};

export const Console = createContext<ConsoleContext | undefined>(undefined);

export function useConsole(): ConsoleContext {
  const context = useContext(Console);
  if (!context) throw new Error('useConsole outside a signed-in console');
  return context;
}

export const licenseName = (org: OrgData, id: string): string => org.licenses.find((l) => l.id === id)?.name ?? 'Unknown license';

export const locationName = (org: OrgData, id: string | undefined): string => (id ? (org.locations.find((l) => l.id === id)?.name ?? '—') : '—');

/** Calling licenses, which carry a location, an extension and a number. */
export const callingLicenses = (org: OrgData): License[] => org.licenses.filter((l) => l.name.startsWith('Webex Calling') && !l.name.includes('Workspaces'));
