import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock.ts';
import { timestamp } from '../clock.ts';
import { readWav, unsupportedAudio } from '../announcements/wav.ts';
import { mergeDocument, type SettingDocument } from '../settings/setting-documents.ts';
import { personOf } from '../settings/settings-service.ts';
import { virtualLineOf } from '../virtual-lines/virtual-line-service.ts';
import { callingWorkspaceOf } from '../workspaces/workspace-service.ts';
import { decodeId, encodeId } from '../webex-ids.ts';
import type { Person, Store } from '../../store/store.ts';
import type { GreetingKind, MessageCounts, VoicemailBox, VoiceMessage } from '../../store/voicemail-store.ts';
import { VOICEMAIL } from './voicemail-settings.ts';
import { checkPasscode, digestOf, nextPasscode, type PasscodeRules, type StoredPasscode } from './passcode-rules.ts';
import { ORGANIZATION_RULES, organizationOf, passcodeRules, readDocument } from './organization-voicemail.ts';
import { greetingFileRequired, greetingNotWav, greetingTooLarge, greetingUnsupported, messageNotFound } from './voicemail-errors.ts';
import { recordMwi } from './mwi.ts';

// A person's voicemail box: its passcode (reset to the organization's default, or set by rule),
// its custom greetings, and the voice messages callers left in it. A workspace with Webex Calling
// has a box of its own, with a passcode and greetings set the same way.

export const MAX_GREETING_KB = 5000;
export const MAX_GREETING_BYTES = MAX_GREETING_KB * 1024;

/** The passcode of a box is an owner setting of its own, never shown by any GET. */
const PASSCODE_KEY = 'voicemailPasscode';
const NO_PASSCODE: StoredPasscode = { current: null, previous: [], set: null };

export type GreetingUpload = { fileName?: string; content?: Uint8Array };

/** Whose box: a person's, a workspace's or a virtual line's (the admin paths serve each). */
export type BoxKind = 'person' | 'workspace' | 'virtualLine';

/** A box's owner as its passcode rules see it: the numbers a passcode may not repeat. */
type BoxOwner = { orgId: string; kind: BoxKind; id: string; numbers: string[] };

async function boxOwnerOf(store: Store, orgId: string, publicId: string, kind: BoxKind): Promise<BoxOwner> {
  if (kind === 'workspace') {
    const workspace = await callingWorkspaceOf(store, orgId, publicId);
    return { orgId, kind, id: workspace.id, numbers: [workspace.extension, workspace.phoneNumber].filter((n): n is string => !!n) };
  }
  if (kind === 'virtualLine') {
    const line = await virtualLineOf(store, orgId, publicId);
    return { orgId, kind, id: line.id, numbers: [line.extension, line.phoneNumber].filter((n): n is string => !!n) };
  }
  const person = await personOf(store, orgId, publicId);
  const number = (await store.numbers.ownedBy([person.id])).get(person.id)?.phoneNumber;
  return { orgId, kind, id: person.id, numbers: [person.extension, number].filter((n): n is string => !!n) };
}

const boxOf = (owner: { orgId: string; id: string; kind?: BoxKind }): VoicemailBox => ({ orgId: owner.orgId, kind: owner.kind ?? 'person', id: owner.id });

export class VoicemailService {
  private readonly store: Store;
  private readonly clock: Clock;

  constructor(store: Store, clock: Clock) {
    this.store = store;
    this.clock = clock;
  }

  /** A location's passcode rules (the person's location for the For Me rules). */
  rules(orgId: string): Promise<PasscodeRules> {
    return passcodeRules(this.store, orgId);
  }

  /**
   * Resets a person's PIN: to the organization's default passcode when it has one enabled
   * (the person must change it at their next voicemail login), otherwise to none.
   */
  async resetPin(orgId: string, personPublicId: string, kind: BoxKind = 'person'): Promise<void> {
    await this.store.transaction(async (tx) => {
      const person = await boxOwnerOf(tx, orgId, personPublicId, kind);
      const rules = await readDocument(tx, organizationOf(orgId), ORGANIZATION_RULES.key, ORGANIZATION_RULES.defaults);
      const pin = rules.defaultVoicemailPinEnabled === true && typeof rules.defaultVoicemailPin === 'string' ? rules.defaultVoicemailPin : null;
      const stored = await this.passcodeOf(tx, boxOf(person));
      await this.savePasscode(tx, boxOf(person), nextPasscode(stored, person.id, pin, timestamp(this.clock)));
    });
  }

  /** Sets a person's PIN, following their location's passcode rules. */
  async setPasscode(orgId: string, personPublicId: string, passcode: string, kind: BoxKind = 'person'): Promise<void> {
    await this.store.transaction(async (tx) => {
      const person = await boxOwnerOf(tx, orgId, personPublicId, kind);
      const stored = await this.passcodeOf(tx, person);
      checkPasscode(passcode, await passcodeRules(tx, orgId), person.numbers, person.id, stored);
      await this.savePasscode(tx, person, nextPasscode(stored, person.id, passcode, timestamp(this.clock)));
    });
  }

  /** Does `passcode` open the person's box (for tests and the simulator's voice portal)? */
  async passcodeMatches(orgId: string, personId: string, passcode: string): Promise<boolean> {
    const person = await personOf(this.store, orgId, encodeId('PEOPLE', personId));
    return (await this.passcodeOf(this.store, boxOf(person))).current === digestOf(person.id, passcode);
  }

  /** An external voicemail service sets or clears the person's message waiting indicator (telephony_mwi). */
  async setExternalMwi(orgId: string, personPublicId: string, messageWaiting: boolean): Promise<void> {
    await this.store.transaction(async (tx) => {
      const person = await personOf(tx, orgId, personPublicId);
      const box = boxOf(person);
      await recordMwi(tx, box, await tx.voicemail.counts(box), timestamp(this.clock), { messageWaiting });
    });
  }

  /** Refuses (404) a person (or virtual line) the organization does not have, before an upload is read. */
  async checkPerson(orgId: string, personPublicId: string, kind: BoxKind = 'person'): Promise<void> {
    await boxOwnerOf(this.store, orgId, personPublicId, kind);
  }

  /** Stores a custom greeting (a WAV file) and marks it uploaded in the voicemail document. */
  async uploadGreeting(orgId: string, personPublicId: string, kind: GreetingKind, upload: GreetingUpload, boxKind: BoxKind = 'person'): Promise<void> {
    if (!upload.content || upload.content.length === 0) throw greetingFileRequired();
    if (upload.content.length > MAX_GREETING_BYTES) throw greetingTooLarge(MAX_GREETING_KB);
    const wav = readWav(upload.content);
    if (!wav.ok) throw greetingNotWav(wav.reason);
    const unsupported = unsupportedAudio(wav.info);
    if (unsupported) throw greetingUnsupported(unsupported);
    await this.store.transaction(async (tx) => {
      const person = await boxOwnerOf(tx, orgId, personPublicId, boxKind);
      const now = timestamp(this.clock);
      await tx.voicemail.putGreeting(boxOf(person), kind, upload.fileName ?? null, upload.content!, now);
      const owner = { orgId, kind: boxKind, id: person.id };
      const stored = await tx.ownerSettings.get(owner, VOICEMAIL.key);
      const section = kind === 'busy' ? 'sendBusyCalls' : 'sendUnansweredCalls';
      const doc = mergeDocument(stored === undefined ? {} : (JSON.parse(stored) as SettingDocument), { [section]: { greetingUploaded: true } });
      await tx.ownerSettings.put(owner, VOICEMAIL.key, JSON.stringify(doc), now);
    });
  }

  async messages(orgId: string, personId: string): Promise<VoiceMessage[]> {
    return this.store.voicemail.messages({ orgId, kind: 'person', id: personId });
  }

  async summary(orgId: string, personId: string): Promise<MessageCounts> {
    return this.store.voicemail.counts({ orgId, kind: 'person', id: personId });
  }

  /** Marks one message (or all of them) read or unread; the waiting count changing fires telephony_mwi. */
  async markRead(orgId: string, personId: string, messagePublicId: string | undefined, read: boolean): Promise<void> {
    const box: VoicemailBox = { orgId, kind: 'person', id: personId };
    await this.changeBox(box, async (tx) => {
      const id = messagePublicId === undefined ? undefined : await this.messageIdIn(tx, box, messagePublicId);
      await tx.voicemail.markRead(box, id, read);
    });
  }

  async deleteMessage(orgId: string, personId: string, messagePublicId: string): Promise<void> {
    const box: VoicemailBox = { orgId, kind: 'person', id: personId };
    await this.changeBox(box, async (tx) => {
      await tx.voicemail.deleteMessage(box, await this.messageIdIn(tx, box, messagePublicId));
    });
  }

  /** Leaves a message in a box, inside the caller's transaction (the call ends in the same one). */
  async leaveMessage(tx: Store, box: VoicemailBox, message: Omit<VoiceMessage, 'id' | 'box' | 'read' | 'created'> & { audio: Uint8Array | null }): Promise<string> {
    const id = randomUUID();
    const before = await tx.voicemail.counts(box);
    await tx.voicemail.addMessage({ ...message, id, box, read: false, created: timestamp(this.clock) });
    await this.afterChange(tx, box, before);
    return id;
  }

  private async changeBox(box: VoicemailBox, change: (tx: Store) => Promise<void>): Promise<void> {
    await this.store.transaction(async (tx) => {
      const before = await tx.voicemail.counts(box);
      await change(tx);
      await this.afterChange(tx, box, before);
    });
  }

  /** A change of the waiting (unread) count is a telephony_mwi event, written with the change. */
  private async afterChange(tx: Store, box: VoicemailBox, before: MessageCounts): Promise<void> {
    const after = await tx.voicemail.counts(box);
    if (after.newMessages === before.newMessages && after.newUrgentMessages === before.newUrgentMessages) return;
    await recordMwi(tx, box, after, timestamp(this.clock));
  }

  private async messageIdIn(tx: Store, box: VoicemailBox, publicId: string): Promise<string> {
    const id = decodeId(publicId, 'MESSAGE');
    if (!id || !(await tx.voicemail.message(box, id))) throw messageNotFound();
    return id;
  }

  private async passcodeOf(store: Store, person: { orgId: string; id: string; kind?: VoicemailBox['kind'] }): Promise<StoredPasscode> {
    const stored = await store.ownerSettings.get({ orgId: person.orgId, kind: person.kind ?? 'person', id: person.id }, PASSCODE_KEY);
    return stored === undefined ? NO_PASSCODE : (JSON.parse(stored) as StoredPasscode);
  }

  private async savePasscode(store: Store, person: { orgId: string; id: string; kind?: VoicemailBox['kind'] }, passcode: StoredPasscode): Promise<void> {
    await store.ownerSettings.put({ orgId: person.orgId, kind: person.kind ?? 'person', id: person.id }, PASSCODE_KEY, JSON.stringify(passcode), passcode.set ?? timestamp(this.clock));
  }
}
