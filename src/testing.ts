import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { buildApp, type App } from './app.ts';
import { loadConfig, type Config } from './config.ts';
import { decodeId, encodeId } from './domain/webex-ids.ts';
import type { SeededOrganization } from './sandbox/seed.ts';
import { databaseUrlOf } from './cli/flags.ts';

// `import { startCallplane } from 'callplane/testing'`: a whole Callplane in the test's own
// process, on an in-memory store, on a free port. Tests talk to `url` over HTTP like any
// client; reset() between tests returns to the state right after start (demo organization and
// seed), fast enough for every beforeEach.

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
  /** Any other setting of the server (see Config). */
  config?: Partial<Config>;
};

export type PersonRef = string | { id: string } | { personId: string };

export type Callplane = {
  /** The server's root, for example http://127.0.0.1:41234 (the Webex API is under /v1). */
  url: string;
  /** `${url}/v1`: where a Webex SDK or client's base URL points. */
  apiUrl: string;
  /** The operator's token: the demo administrator, and the sandbox operator routes. */
  adminToken: string;
  /** The seed's organizations, as loaded at start (IDs and tokens). */
  seeded: SeededOrganization[];
  /** Back to the state right after start. */
  reset(): Promise<void>;
  /** A new organization (like the demo one, without its users) and its administrator's token. */
  createOrg(displayName?: string): Promise<{ orgId: string; personId: string; adminToken: string }>;
  /** A token for a person (a personId, or an email), with every scope their roles allow unless scopes are given. */
  tokenFor(person: PersonRef, scopes?: string[]): Promise<string>;
  /** Loads a seed now (not part of what reset() returns to). */
  seed(seed: string | object): Promise<SeededOrganization[]>;
  clock: {
    now(): Date;
    /** Moves time forward, running every timer that falls due (ring timeouts, park recalls, retries). */
    advance(ms: number): Promise<void>;
    /** Moves time forward to an instant. */
    set(at: Date | string): Promise<void>;
  };
  /** The app itself, for what the API does not reach. */
  app: App;
  close(): Promise<void>;
};

async function readSeed(seed: string | object): Promise<string | object> {
  // A string with a line break or a brace is the seed itself; anything else is a path.
  if (typeof seed === 'string' && !/[\n{]/.test(seed)) return readFile(seed, 'utf8');
  return seed;
}

export async function startCallplane(options: StartOptions = {}): Promise<Callplane> {
  const adminToken = options.adminToken ?? `operator-${randomBytes(12).toString('hex')}`;
  const config: Config = {
    ...loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrlOf(options.db ?? 'memory'),
      CALLPLANE_ADMIN_TOKEN: adminToken,
      LOG_LEVEL: 'silent',
      CALLPLANE_CLOCK: options.clock ?? 'real',
      CALLPLANE_DEMO: options.demo === false ? 'off' : 'on',
    }),
    ...options.config,
  };
  const app = await buildApp(config);
  const knownOrgs = new Set<string>(app.demo ? [app.demo.orgId] : []);
  const remember = (orgs: SeededOrganization[]) => {
    for (const org of orgs) knownOrgs.add(decodeId(org.orgId, 'ORGANIZATION')!);
    return orgs;
  };
  let seeded: SeededOrganization[] = [];
  let url: string;
  try {
    if (options.seed !== undefined) {
      seeded = remember((await app.seeder.load(await readSeed(options.seed))).organizations);
      await app.state.markBaseline();
    }
    url = (await app.listen()).replace('://localhost', '://127.0.0.1');
  } catch (error) {
    await app.close();
    throw error;
  }

  const manual = () => {
    if (app.clock.currentMode !== 'manual') app.clock.setMode('manual');
  };

  return {
    url,
    apiUrl: `${url}/v1`,
    adminToken,
    seeded,
    reset: () => app.state.reset(),
    async createOrg(displayName = 'Test Organization') {
      const slug = `${displayName.toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 24)}-${randomBytes(3).toString('hex')}`;
      const provisioned = await app.services.organizations.provision({
        displayName,
        admin: { email: `admin@${slug}.example`, firstName: 'Org', lastName: 'Admin' },
      });
      knownOrgs.add(provisioned.organization.id);
      return {
        orgId: encodeId('ORGANIZATION', provisioned.organization.id),
        personId: encodeId('PEOPLE', provisioned.admin.id),
        adminToken: provisioned.accessToken,
      };
    },
    async tokenFor(person, scopes) {
      const ref = typeof person === 'string' ? person : 'id' in person ? person.id : person.personId;
      let found: { id: string; orgId: string } | undefined;
      if (ref.includes('@')) {
        found = await app.store.people.findByEmail(ref.toLowerCase());
      } else {
        const id = decodeId(ref, 'PEOPLE');
        for (const orgId of id ? knownOrgs : []) found ??= await app.store.people.get(orgId, id!);
      }
      if (!found) throw new Error(`tokenFor: no person ${ref} in the organizations this harness made (the demo, seeds, createOrg)`);
      return (await app.services.tokens.issue(found.orgId, found.id, scopes, undefined)).accessToken;
    },
    async seed(seed) {
      return remember((await app.seeder.load(await readSeed(seed))).organizations);
    },
    clock: {
      now: () => app.clock.now(),
      async advance(ms) {
        manual();
        await app.clock.advance(ms);
      },
      async set(at) {
        manual();
        await app.clock.set(typeof at === 'string' ? new Date(at) : at);
      },
    },
    app,
    close: () => app.close(),
  };
}
