import type { LicenseUsage } from '../../domain/licenses/license-service.ts';
import { encodeId, encodeLicenseId } from '../../domain/webex-ids.ts';
import type { License as LicenseRecord, Person } from '../../store/store.ts';
import type { License } from './licenses.schemas.ts';

export const licenseId = (license: LicenseRecord): string => encodeLicenseId(license.orgId, license.code, license.id);

/**
 * `showCallingUsage`: the token holds spark-admin:people_write. Without it the seed's rule holds:
 * Webex Calling licenses read 0 units consumed.
 */
export function presentLicense({ license, consumed }: LicenseUsage, showCallingUsage: boolean): License {
  const shown = license.calling !== null && !showCallingUsage ? 0 : consumed;
  return {
    id: licenseId(license),
    name: license.name,
    totalUnits: license.totalUnits,
    consumedUnits: shown,
    consumedByUsers: shown,
    consumedByWorkspaces: 0,
    subscriptionId: license.subscriptionId,
    ...(license.siteUrl !== null ? { siteUrl: license.siteUrl } : {}),
    ...(license.siteType !== null ? { siteType: license.siteType } : {}),
  };
}

export const presentLicenseUser = (person: Person) => ({
  id: encodeId('PEOPLE', person.id),
  type: 'INTERNAL' as const,
  displayName: person.displayName,
  email: person.email,
});

export function presentSiteUrls(siteUrls: string[]) {
  return siteUrls.map((entry) => {
    const [siteUrl, accountType] = entry.split('#');
    return { siteUrl: siteUrl!, accountType: accountType ?? 'attendee' };
  });
}
