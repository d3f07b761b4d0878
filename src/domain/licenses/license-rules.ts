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

/** Throws unless each license has a unit left for one more holder. */
export async function ensureUnitsLeft(tx: Store, orgId: string, adding: readonly License[]): Promise<void> {
  if (adding.length === 0) return;
  const consumed = await tx.licenses.consumedUnits(orgId);
  for (const license of adding) {
    if ((consumed.get(license.id) ?? 0) >= license.totalUnits) throw noUnitsLeft(license.name);
  }
}
