import { Ajv, type ValidateFunction } from 'ajv';
import { Type, type Static } from 'typebox';
import { parse as parseYaml } from 'yaml';
import { ROLE_FULL_ADMIN, scopesAllowed, type Principal } from '../domain/auth/scopes.ts';
import type { TokenService } from '../domain/auth/token-service.ts';
import { timestamp, type Clock } from '../domain/clock.ts';
import { badRequest } from '../domain/errors.ts';
import { enableCalling } from '../domain/location-calling/location-calling-service.ts';
import { LocationService } from '../domain/locations/location-service.ts';
import { NumberService } from '../domain/numbers/number-service.ts';
import { OrganizationService } from '../domain/organizations/organization-service.ts';
import { PeopleService } from '../domain/people/people-service.ts';
import type { EgressPolicy } from '../domain/webhooks/egress-policy.ts';
import { WebhookService } from '../domain/webhooks/webhook-service.ts';
import { encodeId, encodeLicenseId } from '../domain/webex-ids.ts';
import type { Store } from '../store/store.ts';

// Seed files: a sandbox described as data (YAML or JSON), loaded at start (--seed) or through
// POST /sandbox/v1/seed. Everything is created through the domain services, so a seed obeys the
// same rules as the API (a taken extension or a number of another location is refused), and in
// one transaction: a seed loads whole or not at all.

const Token = Type.String({ pattern: '^[A-Za-z0-9._~+/=-]{16,512}$' });
const Address = Type.Object(
  {
    address1: Type.String({ minLength: 1 }),
    address2: Type.Optional(Type.String()),
    city: Type.String({ minLength: 1 }),
    state: Type.String({ minLength: 1 }),
    postalCode: Type.String({ minLength: 1 }),
    country: Type.String({ minLength: 2, maxLength: 2 }),
  },
  { additionalProperties: false },
);
const SeedLocation = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 80 }),
    timeZone: Type.Optional(Type.String()),
    preferredLanguage: Type.Optional(Type.String()),
    announcementLanguage: Type.Optional(Type.String()),
    address: Address,
    /** Numbers added to the location, E.164. */
    numbers: Type.Optional(Type.Array(Type.String(), { maxItems: 1000 })),
  },
  { additionalProperties: false },
);
const SeedPerson = Type.Object(
  {
    email: Type.String({ minLength: 3 }),
    firstName: Type.Optional(Type.String()),
    lastName: Type.Optional(Type.String()),
    displayName: Type.Optional(Type.String()),
    extension: Type.Optional(Type.String()),
    /** As the People API takes it (US numbers: 10 digits). */
    phoneNumber: Type.Optional(Type.String()),
    /** A location of the seed by name; the organization's default location when absent. */
    location: Type.Optional(Type.String()),
    license: Type.Optional(Type.Union([Type.Literal('professional'), Type.Literal('basic'), Type.Literal('none')])),
    admin: Type.Optional(Type.Boolean()),
    /** A fixed token for the person (never expires), handy in tests. */
    token: Type.Optional(Token),
    phone: Type.Optional(
      Type.Object(
        { autoAnswer: Type.Optional(Type.Boolean()), autoAnswerDelayMs: Type.Optional(Type.Integer({ minimum: 0, maximum: 600_000 })), busy: Type.Optional(Type.Boolean()), offline: Type.Optional(Type.Boolean()) },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
const SeedWebhook = Type.Object(
  {
    name: Type.String({ minLength: 1 }),
    targetUrl: Type.String({ minLength: 1 }),
    resource: Type.Optional(Type.String()),
    event: Type.Optional(Type.String()),
    filter: Type.Optional(Type.String()),
    secret: Type.Optional(Type.String()),
    ownedBy: Type.Optional(Type.Union([Type.Literal('org'), Type.Literal('creator')])),
  },
  { additionalProperties: false },
);
const SeedOrganization = Type.Object(
  {
    displayName: Type.String({ minLength: 1, maxLength: 256 }),
    adminToken: Type.Optional(Token),
    admin: Type.Optional(Type.Object({ email: Type.String(), firstName: Type.String(), lastName: Type.String() }, { additionalProperties: false })),
    /** NANP area code of the organization's block of 100 numbers (555-0100 to 555-0199). */
    areaCode: Type.Optional(Type.String({ pattern: '^[2-9][0-9]{2}$' })),
    /** The default location (Headquarters in Reston, VA when absent); it holds the number block. */
    defaultLocation: Type.Optional(Type.Omit(SeedLocation, ['numbers'])),
    locations: Type.Optional(Type.Array(SeedLocation, { maxItems: 100 })),
    people: Type.Optional(Type.Array(SeedPerson, { maxItems: 10_000 })),
    webhooks: Type.Optional(Type.Array(SeedWebhook, { maxItems: 100 })),
  },
  { additionalProperties: false },
);
export const Seed = Type.Object({ organizations: Type.Array(SeedOrganization, { minItems: 1, maxItems: 100 }) }, { additionalProperties: false });
export type Seed = Static<typeof Seed>;

export type SeededOrganization = {
  displayName: string;
  orgId: string;
  adminToken: string;
  /** By email. */
  people: Record<string, { personId: string; token?: string }>;
  /** Location IDs by name. */
  locations: Record<string, string>;
};

// Compiled on the first seed, not at import: most starts load none.
let compiled: ValidateFunction | undefined;
const validator = () => (compiled ??= new Ajv({ allErrors: false, strict: false }).compile(Seed));

/** A seed from text (YAML, of which JSON is a part) or an already parsed value. */
export function parseSeed(input: unknown): Seed {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = parseYaml(input);
    } catch (error) {
      throw badRequest(`The seed is not valid YAML or JSON: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    }
  }
  const validate = validator();
  if (!validate(value)) {
    const error = validate.errors?.[0];
    const extra = (error?.params as { additionalProperty?: string } | undefined)?.additionalProperty;
    throw badRequest(`The seed is not valid: ${error?.instancePath || '(top)'} ${error?.message ?? ''}${extra ? ` (${extra})` : ''}`.trim());
  }
  return value as Seed;
}

const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'org';

export class SandboxSeeder {
  private readonly store: Store;
  private readonly clock: Clock;
  private readonly tokens: TokenService;
  private readonly egress: EgressPolicy;

  constructor(store: Store, clock: Clock, tokens: TokenService, egress: EgressPolicy) {
    this.store = store;
    this.clock = clock;
    this.tokens = tokens;
    this.egress = egress;
  }

  async load(input: unknown): Promise<{ organizations: SeededOrganization[] }> {
    const seed = parseSeed(input);
    return this.store.transaction(async (tx) => {
      const organizations: SeededOrganization[] = [];
      for (const org of seed.organizations) organizations.push(await this.organization(tx, org));
      return { organizations };
    });
  }

  private async organization(tx: Store, seed: Seed['organizations'][number]): Promise<SeededOrganization> {
    const domain = `${slug(seed.displayName)}.example`;
    const provisioned = await new OrganizationService(tx, this.clock, this.tokens).provision({
      displayName: seed.displayName,
      admin: seed.admin ?? { email: `admin@${domain}`, firstName: 'Org', lastName: 'Admin' },
      ...(seed.adminToken ? { adminToken: seed.adminToken } : {}),
      ...(seed.areaCode ? { areaCode: seed.areaCode } : {}),
      ...(seed.defaultLocation ? { location: locationInput(seed.defaultLocation) } : {}),
    });
    const orgId = provisioned.organization.id;
    const locations: Record<string, string> = { [provisioned.location.name]: encodeId('LOCATION', provisioned.location.id) };
    const locationService = new LocationService(tx, this.clock);
    const numbers = new NumberService(tx, this.clock);
    for (const location of seed.locations ?? []) {
      const created = await enableCalling(tx, await locationService.create(orgId, locationInput(location)), timestamp(this.clock));
      const publicId = encodeId('LOCATION', created.id);
      locations[created.name] = publicId;
      if (location.numbers?.length) await numbers.add(orgId, publicId, { phoneNumbers: location.numbers });
    }

    const license = (kind: 'professional' | 'basic') => provisioned.licenses.find((l) => l.calling === kind)!;
    const messaging = provisioned.licenses.find((l) => l.code === 'MS')!;
    const licenseId = (l: { code: string; id: string }) => encodeLicenseId(orgId, l.code, l.id);
    const people = new PeopleService(tx, this.clock);
    const seeded: SeededOrganization['people'] = { [provisioned.admin.email]: { personId: encodeId('PEOPLE', provisioned.admin.id) } };
    for (const p of seed.people ?? []) {
      if (p.location !== undefined && !locations[p.location]) throw badRequest(`The seed's person ${p.email} names location "${p.location}", which the organization does not have.`);
      const kind = p.license ?? 'professional';
      const person = await people.create(orgId, {
        emails: [p.email],
        ...(p.firstName !== undefined ? { firstName: p.firstName } : {}),
        ...(p.lastName !== undefined ? { lastName: p.lastName } : {}),
        ...(p.displayName !== undefined ? { displayName: p.displayName } : {}),
        ...(p.extension !== undefined ? { extension: p.extension } : {}),
        ...(p.phoneNumber !== undefined ? { phoneNumbers: [{ type: 'work', value: p.phoneNumber }] } : {}),
        ...(p.location !== undefined ? { locationId: locations[p.location] } : {}),
        ...(p.admin ? { roles: [encodeId('ROLE', ROLE_FULL_ADMIN)] } : {}),
        licenses: kind === 'none' ? [licenseId(messaging)] : [licenseId(license(kind)), licenseId(messaging)],
      });
      if (p.token) await this.tokens.register(tx, orgId, person.id, p.token, scopesAllowed(person.roles));
      if (p.phone) {
        await tx.calls.savePhone({ personId: person.id, orgId, autoAnswer: false, autoAnswerDelayMs: 0, busy: false, offline: false, ...p.phone });
      }
      seeded[p.email] = { personId: encodeId('PEOPLE', person.id), ...(p.token ? { token: p.token } : {}) };
    }

    const admin = provisioned.admin;
    const principal: Principal = { orgId, personId: admin.id, roles: admin.roles, scopes: new Set(scopesAllowed(admin.roles)) };
    const webhooks = new WebhookService(tx, this.clock, this.egress);
    for (const w of seed.webhooks ?? []) {
      await webhooks.create(principal, { resource: 'telephony_calls', event: 'all', ownedBy: 'org', ...w });
    }
    return { displayName: seed.displayName, orgId: encodeId('ORGANIZATION', orgId), adminToken: provisioned.accessToken, people: seeded, locations };
  }
}

function locationInput(l: Omit<Static<typeof SeedLocation>, 'numbers'>) {
  return {
    name: l.name,
    timeZone: l.timeZone ?? 'America/New_York',
    preferredLanguage: l.preferredLanguage ?? 'en_us',
    announcementLanguage: l.announcementLanguage ?? 'en_us',
    address: l.address,
  };
}
