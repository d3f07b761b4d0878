import { isActive } from '../../engine/legs.ts';
import { act } from '../../engine/session.ts';
import { badRequest, notFound } from '../errors.ts';
import { decodeSessionId } from '../calls/call-ids.ts';
import type { CallRuntime } from '../calls/call-runtime.ts';
import { partyInformation, personParty } from '../calls/parties.ts';
import { readWav } from '../announcements/wav.ts';
import { decodeId, encodeId } from '../webex-ids.ts';
import type { VoicemailService } from './voicemail-service.ts';
import type { Party } from '../../engine/types.ts';
import type { VoicemailBox } from '../../store/voicemail-store.ts';

// A caller at a voicemail box leaves a message: the message is stored in the box (with who
// called, as the box's owner sees them), the waiting count's telephony_mwi event is written, and
// the caller hangs up — all in the one transaction of the call's step. A caller who hangs up
// after the greeting instead leaves nothing.

export type LeftMessage = { durationSeconds: number; audio?: Uint8Array; urgent?: boolean; confidential?: boolean };

export const MAX_MESSAGE_SECONDS = 600;

export class VoicemailCalls {
  private readonly runtime: CallRuntime;
  private readonly voicemail: VoicemailService;

  constructor(runtime: CallRuntime, voicemail: VoicemailService) {
    this.runtime = runtime;
    this.voicemail = voicemail;
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
      const owner = groupId ? undefined : await w.tx.people.get(orgId, box.party.personId);
      if (!group && !owner) throw badRequest('The voicemail box no longer exists.');
      const viewer: Party = owner
        ? await personParty(w.tx, owner)
        : { kind: 'person', personId: '', orgId, locationId: group!.locationId, name: group!.name, number: null, extension: null, routingPrefix: null };
      const seen = partyInformation(viewer, caller.party);
      const target: VoicemailBox = group ? { orgId, kind: 'voicemailGroup', id: group.id } : { orgId, kind: 'person', id: owner!.id };
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
