// Types of `callplane/testing` (src/testing.ts), for TypeScript users of the package.

export type StartOptions = {
  /** `memory` (default), `sqlite:PATH` or `postgres://…`. */
  db?: string;
  /** A seed: a file path (YAML or JSON) or the seed itself. Part of the state reset() returns to. */
  seed?: string | object;
  /** The operator's token (also the demo administrator's); random when absent. */
  adminToken?: string;
  /** Create the demo organization (default true). */
  demo?: boolean;
  /** `real` (default) or `manual`; clock.advance() and clock.set() switch to manual. */
  clock?: 'real' | 'manual';
  /** Any other setting of the server (see src/config.ts). */
  config?: Record<string, unknown>;
};

export type SeededOrganization = {
  displayName: string;
  orgId: string;
  adminToken: string;
  /** By email. */
  people: Record<string, { personId: string; token?: string }>;
  /** Location IDs by name. */
  locations: Record<string, string>;
};

export type PersonRef = string | { id: string } | { personId: string };

export type Callplane = {
  /** The server's root, for example http://127.0.0.1:41234 (the Webex API is under /v1). */
  url: string;
  /** `${url}/v1`: where a Webex client's base URL points. */
  apiUrl: string;
  /** The operator's token: the demo administrator, and the sandbox operator routes. */
  adminToken: string;
  /** The seed's organizations, as loaded at start. */
  seeded: SeededOrganization[];
  /** Back to the state right after start. */
  reset(): Promise<void>;
  createOrg(displayName?: string): Promise<{ orgId: string; personId: string; adminToken: string }>;
  /** A token for a person (a personId or an email). */
  tokenFor(person: PersonRef, scopes?: string[]): Promise<string>;
  seed(seed: string | object): Promise<SeededOrganization[]>;
  clock: {
    now(): Date;
    advance(ms: number): Promise<void>;
    set(at: Date | string): Promise<void>;
  };
  /** The server's internals (src/app.ts), for what the API does not reach. */
  app: unknown;
  close(): Promise<void>;
};

export function startCallplane(options?: StartOptions): Promise<Callplane>;
