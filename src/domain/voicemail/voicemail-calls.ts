import { isActive } from '../../engine/legs.ts';
import { act } from '../../engine/session.ts';
import { badRequest, conflict, notFound } from '../errors.ts';
import { resolveDestination } from '../calls/destinations.ts';
import { storedDocument } from '../settings/settings-service.ts';
import { VOICEMAIL } from './voicemail-settings.ts';
import type { Store } from '../../store/store.ts';
import { decodeSessionId } from '../calls/call-ids.ts';
import type { CallRuntime } from '../calls/call-runtime.ts';
import { partyInformation, personParty, workspaceParty } from '../calls/parties.ts';
import { readWav } from '../announcements/wav.ts';
import { decodeId, encodeId } from '../webex-ids.ts';
import type { VoicemailService } from './voicemail-service.ts';
import type { Party } from '../../engine/types.ts';
import type { VoicemailBox } from '../../store/voicemail-store.ts';

// A caller at a voicemail box leaves a message: the message is stored in the box (with who
// called, as the box's owner sees them), the waiting count's telephony_mwi event is written, and
// the caller hangs up — all in the one transaction of the call's step. A caller who hangs up
// after the greeting instead leaves nothing; one who presses 0 is transferred where the box says.

export type LeftMessage = { durationSeconds: number; audio?: Uint8Array; urgent?: boolean; confidential?: boolean };

export const MAX_MESSAGE_SECONDS = 600;

/** The line a box belongs to (a person, or a workspace with a line), as a party and its box; undefined when gone. */
async function lineOfBox(tx: Store, orgId: string, id: string): Promise<{ party: Party; box: VoicemailBox; locationId: string } | undefined> {
  const person = await tx.people.get(orgId, id);
  if (person) return { party: await personParty(tx, person), box: { orgId, kind: 'person', id }, locationId: person.locationId ?? '' };
  const workspace = await tx.workspaces.get(orgId, id);
  if (workspace?.callingLocationId) return { party: await workspaceParty(tx, workspace), box: { orgId, kind: 'workspace', id }, locationId: workspace.callingLocationId };
  return undefined;
}

/** The box's press-0 destination: the owner's transferToNumber (a person's document, or a group's). */
async function pressZeroDestination(tx: Store, orgId: string, box: Extract<Party, { kind: 'voicemail' }>): Promise<{ destination: string; locationId: string } | undefined> {
  if (box.voicemailGroupId) {
    const group = await tx.voicemailGroups.get(orgId, box.voicemailGroupId);
    const transfer = group?.settings.transferToNumber as { enabled?: boolean; destination?: string } | undefined;
    return group && transfer?.enabled && transfer.destination ? { destination: transfer.destination, locationId: group.locationId } : undefined;
  }
  const owner = await lineOfBox(tx, orgId, box.personId);
  if (!owner?.locationId) return undefined;
  const doc = await storedDocument(tx, orgId, owner.box.id, VOICEMAIL, owner.box.kind as 'person' | 'workspace');
  const transfer = doc.transferToNumber as { enabled?: boolean; destination?: string };
  return transfer.enabled && transfer.destination ? { destination: transfer.destination, locationId: owner.locationId } : undefined;
}

export class VoicemailCalls {
  private readonly runtime: CallRuntime;
  private readonly voicemail: VoicemailService;

  constructor(runtime: CallRuntime, voicemail: VoicemailService) {
    this.runtime = runtime;
    this.voicemail = voicemail;
  }

  /**
   * The caller at a box presses 0: with the box's transferToNumber on, the box hands the call on
   * to that destination (a divert by the box, shown in the call's redirections); otherwise a 409.
   */
  async pressZero(orgId: string, callSessionId: string): Promise<void> {
    const id = decodeSessionId(callSessionId);
    if (!id) throw notFound('Call session not found.');
    await this.runtime.transact(async (w) => {
      const session = await w.session(id);
      if (session.orgId !== orgId) throw notFound('Call session not found.');
      const box = session.legs.find((l) => l.party.kind === 'voicemail' && l.state === 'connected');
      if (!box || box.party.kind !== 'voicemail') throw badRequest('The call is not connected to a voicemail box.');
      const target = await pressZeroDestination(w.tx, orgId, box.party);
      if (!target) throw conflict('This voicemail box does not transfer callers who press 0 (transferToNumber is off).');
      const to = await resolveDestination(w.tx, { orgId, locationId: target.locationId }, target.destination);
      if (!to) throw conflict(`The box's transferToNumber destination "${target.destination}" no longer reaches anyone.`);
      const result = act(session, box.id, { type: 'divert', to }, await w.context(to));
      return 'refused' in result ? result : { step: result, value: undefined };
    });
  }

  async leaveMessage(orgId: string, callSessionId: string, message: LeftMessage): Promise<string> {
    const id = decodeSessionId(callSessionId);
    if (!id) throw notFound('Call session not found.');
    if (!Number.isInteger(message.durationSeconds) || message.durationSeconds < 1 || message.durationSeconds > MAX_MESSAGE_SECONDS) {
      throw badRequest(`durationSeconds must be a whole number from 1 to ${MAX_MESSAGE_SECONDS}.`);
    }
    if (message.audio) {
      const wav = readWav(message.audio);
      if (!wav.ok) throw badRequest(`audio is not a WAV file: ${wav.reason}.`);
    }
    return this.runtime.transact(async (w) => {
      const session = await w.session(id);
      if (session.orgId !== orgId) throw notFound('Call session not found.');
      const box = session.legs.find((l) => l.party.kind === 'voicemail' && l.state === 'connected');
      const caller = box && session.legs.find((l) => l.id !== box.id && isActive(l));
      if (!box || !caller || box.party.kind !== 'voicemail') throw badRequest('The call is not connected to a voicemail box.');
      // How the caller shows in the message: as the box's owner sees them (a group's box: as its location does).
      const groupId = box.party.voicemailGroupId;
      const group = groupId ? await w.tx.voicemailGroups.get(orgId, groupId) : undefined;
      const owner = groupId ? undefined : await lineOfBox(w.tx, orgId, box.party.personId);
      if (!group && !owner) throw badRequest('The voicemail box no longer exists.');
      const viewer: Party = owner
        ? owner.party
        : { kind: 'person', personId: '', orgId, locationId: group!.locationId, name: group!.name, number: null, extension: null, routingPrefix: null };
      const seen = partyInformation(viewer, caller.party);
      const target: VoicemailBox = group ? { orgId, kind: 'voicemailGroup', id: group.id } : owner!.box;
      const messageId = await this.voicemail.leaveMessage(w.tx, target, {
        durationSeconds: message.durationSeconds,
        caller: {
          name: seen.name ?? null,
          number: seen.number ?? null,
          personId: seen.personId ? (decodeId(seen.personId, 'PEOPLE') ?? null) : null,
          privacyEnabled: seen.privacyEnabled,
        },
        urgent: message.urgent === true,
        confidential: message.confidential === true,
        callSessionId: session.id,
        audio: message.audio ?? null,
      });
      const result = act(session, caller.id, { type: 'hangup' }, await w.context());
      return 'refused' in result ? result : { step: result, value: encodeId('MESSAGE', messageId) };
    });
  }
}
