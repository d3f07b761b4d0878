import type { License, Store } from '../../store/store.ts';
import { decodeLicenseId } from '../webex-ids.ts';
import { invalidLicenseReference, noUnitsLeft } from './license-errors.ts';

/** The organization's licenses named by public IDs; 400 for any that is not one. */
export async function resolveLicenses(tx: Store, orgId: string, publicIds: readonly string[]): Promise<License[]> {
  const ids = publicIds.map(decodeLicenseId);
  // Only those named: reading all of the organization's licenses cost more than a third of a create's store time (issue 17).
  const found = await tx.licenses.getMany(orgId, ids.filter((id): id is string => id !== undefined));
  const byId = new Map(found.map((l) => [l.id, l]));
  const resolved = new Map<string, License>();
  for (const [i, publicId] of publicIds.entries()) {
    const id = ids[i];
    const license = id ? byId.get(id) : undefined;
    if (!license) throw invalidLicenseReference(publicId);
    resolved.set(license.id, license);
  }
  return [...resolved.values()];
}

/** Gives the person the license; 400 when it has no unit left (the transaction then rolls back). */
export async function assignLicense(tx: Store, orgId: string, personId: string, license: License): Promise<void> {
  if (!(await tx.licenses.assign(orgId, personId, license.id))) throw noUnitsLeft(license.name);
}
