import type { TokenService } from '../domain/auth/token-service.ts';
import { newTokenValue } from '../domain/auth/token-service.ts';
import { scopesAllowed } from '../domain/auth/scopes.ts';
import { OrganizationService } from '../domain/organizations/organization-service.ts';
import { PeopleService } from '../domain/people/people-service.ts';
import type { Clock } from '../domain/clock.ts';
import { ON_DEMAND_RECORDING } from '../domain/calls/call-recording-settings.ts';
import { encodeLicenseId } from '../domain/webex-ids.ts';
import type { Store } from '../store/store.ts';

// The demo organization a newcomer finds on first start: an administrator, the standard
// licenses, a calling-enabled US location with main number +1 571-555-0100 and free numbers
// 0101-0199, and a few calling users to call.

const AREA_CODE = '571';
const DOMAIN = 'callplane-demo.example';

const DEMO_PEOPLE = [
  { firstName: 'Alex', lastName: 'Rivera', extension: '1001', phoneNumber: '5715550101', license: 'professional' },
  { firstName: 'Blair', lastName: 'Chen', extension: '1002', phoneNumber: '5715550102', license: 'professional' },
  { firstName: 'Casey', lastName: 'Okafor', extension: '1003', phoneNumber: undefined, license: 'basic' },
  { firstName: 'Devon', lastName: 'Patel', extension: '1004', phoneNumber: '5715550104', license: 'professional' },
] as const;

export type DemoOrganization = {
  orgId: string;
  adminPersonId: string;
  adminEmail: string;
  /** The full administrator's token, printed at start. */
  adminToken: string;
  created: boolean;
};

/** The settings that record the demo organization (console-info.routes.ts reads them too). */
export const DEMO_KEYS = { orgId: 'demo.orgId', adminPersonId: 'demo.adminPersonId', generatedToken: 'demo.generatedAdminToken' };

/**
 * Creates the demo organization on first start with an empty store. On later starts it makes
 * sure the configured admin token (if any) works for the demo administrator.
 */
export async function ensureDemoOrganization(deps: DemoDeps): Promise<DemoOrganization | undefined> {
  // Two processes starting on one empty database: one creates the demo, the other then finds it.
  return deps.store.exclusively(() => ensureUnlocked(deps));
}

type DemoDeps = { store: Store; clock: Clock; tokens: TokenService; adminToken: string | undefined };

async function ensureUnlocked(deps: DemoDeps): Promise<DemoOrganization | undefined> {
  const { store } = deps;
  const orgId = await store.settings.get(DEMO_KEYS.orgId);
  if (orgId) {
    const adminPersonId = (await store.settings.get(DEMO_KEYS.adminPersonId))!;
    const admin = await store.people.get(orgId, adminPersonId);
    if (!admin) return undefined;
    let adminToken = deps.adminToken ?? (await store.settings.get(DEMO_KEYS.generatedToken));
    if (adminToken === undefined) {
      adminToken = newTokenValue();
      await store.settings.set(DEMO_KEYS.generatedToken, adminToken);
    }
    await deps.tokens.register(store, orgId, adminPersonId, adminToken, scopesAllowed(admin.roles));
    return { orgId, adminPersonId, adminEmail: admin.email, adminToken, created: false };
  }
  // An existing store without the demo organization stays without one.
  if ((await store.organizations.count()) > 0) return undefined;

  const adminToken = deps.adminToken ?? newTokenValue();
  // One transaction: a start interrupted half-way leaves an empty store, not half a demo.
  const { organization, admin } = await store.transaction(async (tx) => {
    const provisioned = await new OrganizationService(tx, deps.clock, deps.tokens).provision({
      displayName: 'Callplane Demo',
      admin: { email: `admin@${DOMAIN}`, firstName: 'Morgan', lastName: 'Lee' },
      adminToken,
      areaCode: AREA_CODE,
    });
    const { organization, licenses } = provisioned;
    const people = new PeopleService(tx, deps.clock);
    const messaging = licenses.find((l) => l.code === 'MS')!;
    for (const demo of DEMO_PEOPLE) {
      const license = licenses.find((l) => l.calling === demo.license)!;
      const person = await people.create(organization.id, {
        emails: [`${demo.firstName}.${demo.lastName}@${DOMAIN}`.toLowerCase()],
        firstName: demo.firstName,
        lastName: demo.lastName,
        extension: demo.extension,
        ...(demo.phoneNumber ? { phoneNumbers: [{ type: 'work', value: demo.phoneNumber }] } : {}),
        licenses: [license, messaging].map((l) => encodeLicenseId(organization.id, l.code, l.id)),
      });
      await tx.calls.saveRecordingSettings(person.id, organization.id, JSON.stringify(ON_DEMAND_RECORDING));
    }
    await tx.settings.set(DEMO_KEYS.orgId, organization.id);
    await tx.settings.set(DEMO_KEYS.adminPersonId, provisioned.admin.id);
    if (deps.adminToken === undefined) await tx.settings.set(DEMO_KEYS.generatedToken, adminToken);
    return provisioned;
  });
  return { orgId: organization.id, adminPersonId: admin.id, adminEmail: admin.email, adminToken, created: true };
}
