import { encodeId } from '../../domain/webex-ids.ts';
import type { Organization as OrganizationRecord } from '../../store/store.ts';
import type { operations } from '../../generated/webex/organizations.ts';
import type { WebexResponse } from '../../http/webex-route.ts';
import type { Organization } from './organizations.schemas.ts';

// Webex writes organization timestamps with an offset and no milliseconds: 2015-10-18T14:26:16+00:00.
const offsetTime = (iso: string) => iso.replace(/\.\d{3}Z$/, '+00:00');

// Every field Cisco's document allows is optional; Callplane always sends all three.
export const presentOrganization = (org: OrganizationRecord): Organization & WebexResponse<typeof operations.getOrganizationDetails> => ({
  id: encodeId('ORGANIZATION', org.id),
  displayName: org.displayName,
  created: offsetTime(org.created),
});
