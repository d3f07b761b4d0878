import { encodeId } from '../../domain/webex-ids.ts';
import type { Organization as OrganizationRecord } from '../../store/store.ts';
import type { Organization } from './organizations.schemas.ts';

// Webex writes organization timestamps with an offset and no milliseconds: 2015-10-18T14:26:16+00:00.
const offsetTime = (iso: string) => iso.replace(/\.\d{3}Z$/, '+00:00');

export const presentOrganization = (org: OrganizationRecord): Organization => ({
  id: encodeId('ORGANIZATION', org.id),
  displayName: org.displayName,
  created: offsetTime(org.created),
});
