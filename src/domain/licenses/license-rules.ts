import type { License, Store } from '../../store/store.ts';
import { decodeLicenseId } from '../webex-ids.ts';
import { invalidLicenseReference, noUnitsLeft } from './license-errors.ts';

/** The organization's licenses named by public IDs; 400 for any that is not one. */
export async function resolveLicenses(tx: Store, orgId: string, publicIds: readonly string[]): Promise<License[]> {
  const all = await tx.licenses.list(orgId);
  const byId = new Map(all.map((l) => [l.id, l]));
  const resolved = new Map<string, License>();
  for (const publicId of publicIds) {
    const id = decodeLicenseId(publicId);
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
