import type { GreetingKind, MessageCounts, NewVoiceMessage, VoicemailBox, VoicemailRepository, VoiceMessage } from '../voicemail-store.ts';
import { flag, type RepositoryContext } from './context.ts';

type Row = {
  id: string;
  org_id: string;
  box_kind: string;
  box_id: string;
  duration_s: number;
  caller_name: string | null;
  caller_number: string | null;
  caller_person_id: string | null;
  privacy_enabled: number;
  urgent: number;
  confidential: number;
  read: number;
  call_session_id: string | null;
  created: string;
};

const COLUMNS = [
  'id',
  'org_id',
  'box_kind',
  'box_id',
  'duration_s',
  'caller_name',
  'caller_number',
  'caller_person_id',
  'privacy_enabled',
  'urgent',
  'confidential',
  'read',
  'call_session_id',
  'created',
] as const;

const toMessage = (r: Row): VoiceMessage => ({
  id: r.id,
  box: { orgId: r.org_id, kind: r.box_kind as VoicemailBox['kind'], id: r.box_id },
  durationSeconds: Number(r.duration_s),
  caller: { name: r.caller_name, number: r.caller_number, personId: r.caller_person_id, privacyEnabled: Boolean(r.privacy_enabled) },
  urgent: Boolean(r.urgent),
  confidential: Boolean(r.confidential),
  read: Boolean(r.read),
  callSessionId: r.call_session_id,
  created: r.created,
});

export class KyselyVoicemailRepository implements VoicemailRepository {
  private readonly ctx: RepositoryContext;
  constructor(ctx: RepositoryContext) {
    this.ctx = ctx;
  }

  private ofBox(box: VoicemailBox) {
    return this.ctx.db.selectFrom('voice_messages').where('org_id', '=', box.orgId).where('box_kind', '=', box.kind).where('box_id', '=', box.id);
  }

  async addMessage(m: NewVoiceMessage): Promise<void> {
    await this.ctx.db
      .insertInto('voice_messages')
      .values({
        id: m.id,
        org_id: m.box.orgId,
        box_kind: m.box.kind,
        box_id: m.box.id,
        duration_s: m.durationSeconds,
        caller_name: m.caller.name,
        caller_number: m.caller.number,
        caller_person_id: m.caller.personId,
        privacy_enabled: flag(m.caller.privacyEnabled),
        urgent: flag(m.urgent),
        confidential: flag(m.confidential),
        read: flag(m.read),
        audio: m.audio,
        call_session_id: m.callSessionId,
        created: m.created,
      })
      .execute();
  }

  async messages(box: VoicemailBox): Promise<VoiceMessage[]> {
    const rows = await this.ofBox(box).select(COLUMNS).orderBy('created', 'desc').orderBy('id', 'desc').execute();
    return rows.map(toMessage);
  }

  async message(box: VoicemailBox, id: string): Promise<VoiceMessage | undefined> {
    const row = await this.ofBox(box).select(COLUMNS).where('id', '=', id).executeTakeFirst();
    return row && toMessage(row);
  }

  async markRead(box: VoicemailBox, id: string | undefined, read: boolean): Promise<void> {
    let query = this.ctx.db
      .updateTable('voice_messages')
      .set({ read: flag(read) })
      .where('org_id', '=', box.orgId)
      .where('box_kind', '=', box.kind)
      .where('box_id', '=', box.id);
    if (id !== undefined) query = query.where('id', '=', id);
    await query.execute();
  }

  async deleteMessage(box: VoicemailBox, id: string): Promise<boolean> {
    const result = await this.ctx.db
      .deleteFrom('voice_messages')
      .where('org_id', '=', box.orgId)
      .where('box_kind', '=', box.kind)
      .where('box_id', '=', box.id)
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async counts(box: VoicemailBox): Promise<MessageCounts> {
    const rows = await this.ofBox(box)
      .select((eb) => ['read', 'urgent', eb.fn.countAll<number>().as('n')])
      .groupBy(['read', 'urgent'])
      .execute();
    const counts: MessageCounts = { newMessages: 0, oldMessages: 0, newUrgentMessages: 0, oldUrgentMessages: 0 };
    for (const r of rows) {
      const n = Number(r.n);
      if (Number(r.read)) counts.oldMessages += n;
      else counts.newMessages += n;
      if (Number(r.urgent)) {
        if (Number(r.read)) counts.oldUrgentMessages += n;
        else counts.newUrgentMessages += n;
      }
    }
    return counts;
  }

  async deleteBox(box: VoicemailBox): Promise<void> {
    await this.ctx.db.deleteFrom('voice_messages').where('org_id', '=', box.orgId).where('box_kind', '=', box.kind).where('box_id', '=', box.id).execute();
    await this.ctx.db.deleteFrom('voicemail_greetings').where('org_id', '=', box.orgId).where('box_kind', '=', box.kind).where('box_id', '=', box.id).execute();
  }

  async putGreeting(box: VoicemailBox, greeting: GreetingKind, fileName: string | null, content: Uint8Array, at: string): Promise<void> {
    await this.ctx.db
      .insertInto('voicemail_greetings')
      .values({ org_id: box.orgId, box_kind: box.kind, box_id: box.id, greeting, file_name: fileName, content, uploaded: at })
      .onConflict((oc) => oc.columns(['org_id', 'box_kind', 'box_id', 'greeting']).doUpdateSet({ file_name: fileName, content, uploaded: at }))
      .execute();
  }

  async greetings(box: VoicemailBox): Promise<Set<GreetingKind>> {
    const rows = await this.ctx.db
      .selectFrom('voicemail_greetings')
      .select('greeting')
      .where('org_id', '=', box.orgId)
      .where('box_kind', '=', box.kind)
      .where('box_id', '=', box.id)
      .execute();
    return new Set(rows.map((r) => r.greeting as GreetingKind));
  }
}
