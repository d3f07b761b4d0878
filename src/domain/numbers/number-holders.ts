import type { PhoneNumber, Store } from '../../store/store.ts';
import { heldByLine } from '../lines/line-checks.ts';

/**
 * Whether anyone holds the number: a person (numbers.owner_id names people only), or a hunt group,
 * call queue, auto attendant, paging group, workspace, virtual line or voicemail group. Numbers
 * held by nobody may be removed, deactivated or moved.
 */
export async function numberAssignedToAnyone(tx: Store, number: PhoneNumber): Promise<boolean> {
  const e164 = number.phoneNumber;
  return (
    number.ownerId !== null ||
    (await tx.huntGroups.findByNumber(e164)) !== undefined ||
    (await tx.callQueues.findByNumber(e164)) !== undefined ||
    (await tx.autoAttendants.findByNumber(e164)) !== undefined ||
    (await tx.pagingGroups.findByNumber(e164)) !== undefined ||
    (await heldByLine(tx, e164)) ||
    (await tx.voicemailGroups.findByNumber(e164)) !== undefined
  );
}
