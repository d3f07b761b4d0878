import { sql, type Insertable, type Selectable } from 'kysely';
import type { Flag } from '../database.ts';
import type { CallEventRecord, CallHistoryRecord, CallRepository, PhoneSettings, SessionDocument, StoredSession } from '../calls-store.ts';
import type { CallTables } from '../tables/calls.ts';
import { fixedStatement, flag, rowsOf, TransactionMemo, type RepositoryContext } from './context.ts';

// The statements every call step sends (a lifecycle: three steps, about 25 of these), built and
// compiled by Kysely once per shape rather than on each call (context.ts fixedStatement).
type SessionRow = Insertable<CallTables['call_sessions']>;
type LegRow = Insertable<CallTables['call_legs']>;
type EventRow = Insertable<CallTables['call_events']>;
type HistoryRow = Insertable<CallTables['call_history']>;

const insertSessionRow = fixedStatement((db, row: SessionRow) => db.insertInto('call_sessions').values(row));
const sessionById = fixedStatement((db, id: string) => db.selectFrom('call_sessions').select(['data', 'event_seq']).where('id', '=', id));
const sessionByLeg = fixedStatement((db, legId: string) =>
  db.selectFrom('call_legs as l').innerJoin('call_sessions as s', 's.id', 'l.session_id').select(['s.data', 's.event_seq']).where('l.id', '=', legId),
);
const updateSession = fixedStatement(
  (db, set: { data: string; active: 0 | 1; version: number; event_seq: number; parked_against: string | null; updated: string; timer_due: string | null }, id: string, expected: number) =>
    db
      .updateTable('call_sessions')
      .set({ ...set, timer_lease: null })
      .where('id', '=', id)
      .where('version', '=', expected),
);
const activeLegs = fixedStatement((db, personId: string) =>
  db.selectFrom('call_legs').select(['id', 'session_id', 'appearance']).where('person_id', '=', personId).where('active', '=', 1).orderBy('created').orderBy('id'),
);

const phoneOf = fixedStatement((db, personId: string) => db.selectFrom('phones').selectAll().where('person_id', '=', personId));
const recordingSettingsOf = fixedStatement((db, personId: string) => db.selectFrom('call_recording_settings').select('data').where('person_id', '=', personId));
// Both of a person's call policy rows, told apart by `kind` (a union: either may be missing).
const phoneAndRecordingOf = fixedStatement((db, personId: string) =>
  db
    .selectFrom('phones')
    .select([sql.lit('phone').as('kind'), 'org_id', 'auto_answer', 'auto_answer_delay_ms', 'busy', 'offline', sql<string | null>`null`.as('data')])
    .where('person_id', '=', personId)
    .unionAll(
      db
        .selectFrom('call_recording_settings')
        .select([sql.lit('recording').as('kind'), 'org_id', sql<Flag>`null`.as('auto_answer'), sql<number>`null`.as('auto_answer_delay_ms'), sql<Flag>`null`.as('busy'), sql<Flag>`null`.as('offline'), 'data'])
        .where('person_id', '=', personId),
    ),
);
const peoplePresent = fixedStatement((db, ids: string[]) => db.selectFrom('people').select('id').where('id', 'in', ids));

const LEG_COLUMNS = ['id', 'session_id', 'org_id', 'person_id', 'active', 'appearance', 'created'] as const;
const EVENT_COLUMNS = ['id', 'org_id', 'session_id', 'seq', 'person_id', 'call_id', 'event_type', 'data', 'created', 'webhook_event', 'personality', 'state', 'call_type'] as const;
const HISTORY_COLUMNS = ['id', 'org_id', 'person_id', 'type', 'name', 'number', 'privacy_enabled', 'time', 'call_id', 'session_id'] as const;

// Inserts new legs into the index, moves legs that changed session, and updates active flags.
const upsertLegs = fixedStatement((db, values: unknown[]) =>
  db
    .insertInto('call_legs')
    .values(rowsOf<LegRow>(LEG_COLUMNS, values))
    .onConflict((oc) => oc.column('id').doUpdateSet((eb) => ({ session_id: eb.ref('excluded.session_id'), active: eb.ref('excluded.active') }))),
);
const insertEvents = fixedStatement((db, values: unknown[]) => db.insertInto('call_events').values(rowsOf<EventRow>(EVENT_COLUMNS, values)));
const insertHistory = fixedStatement((db, values: unknown[]) => db.insertInto('call_history').values(rowsOf<HistoryRow>(HISTORY_COLUMNS, values)));
const insertPending = fixedStatement((db, ids: string[]) => db.insertInto('call_events_pending').values(ids.map((event_id) => ({ event_id }))));

export const toCallEvent = (r: Selectable<CallTables['call_events']>): CallEventRecord => ({
  id: r.id,
  orgId: r.org_id,
  sessionId: r.session_id,
  seq: r.seq,
  personId: r.person_id,
  callId: r.call_id,
  eventType: r.event_type,
  data: r.data,
  created: r.created,
  webhookEvent: r.webhook_event as CallEventRecord['webhookEvent'],
  personality: r.personality,
  state: r.state,
  callType: r.call_type,
});

type ActiveLegRow = { id: string; session_id: string; appearance: number | null };

type PhoneRow = { org_id: string; auto_answer: number; auto_answer_delay_ms: number; busy: number; offline: number };
const toPhone = (personId: string, row: PhoneRow): PhoneSettings => ({
  personId,
  orgId: row.org_id,
  autoAnswer: Number(row.auto_answer) === 1,
  autoAnswerDelayMs: Number(row.auto_answer_delay_ms),
  busy: Number(row.busy) === 1,
  offline: Number(row.offline) === 1,
});

export class KyselyCallRepository implements CallRepository {
  private readonly ctx: RepositoryContext;
  /** Each person's active legs as read in this transaction (routing, line appearances and holding other calls each ask). */
  private readonly legs: TransactionMemo<ActiveLegRow[]>;
  constructor(ctx: RepositoryContext, inTransaction = false) {
    this.ctx = ctx;
    this.legs = new TransactionMemo(inTransaction);
  }

  rememberInTransaction(): void {
    this.legs.start();
  }

  async insertSession(session: SessionDocument, now: string, eventSeq = 0): Promise<void> {
    await insertSessionRow(this.ctx, {
      id: session.id,
      org_id: session.orgId,
      data: session.data,
      active: flag(session.active),
      version: session.version,
      event_seq: eventSeq,
      parked_against: session.parkedAgainst,
      created: session.created,
      updated: now,
      timer_due: session.timerDue,
      timer_lease: null,
    });
    await this.indexLegs(session);
  }

  async get(sessionId: string): Promise<StoredSession | undefined> {
    const row = (await sessionById(this.ctx, sessionId)).rows[0];
    return row && { data: row.data, eventSeq: row.event_seq };
  }

  async sessionOfLeg(legId: string): Promise<StoredSession | undefined> {
    const row = (await sessionByLeg(this.ctx, legId)).rows[0];
    return row && { data: row.data, eventSeq: row.event_seq };
  }

  async saveSession(session: SessionDocument, expectedVersion: number, eventSeq: number, now: string): Promise<boolean> {
    const result = await updateSession(
      this.ctx,
      {
        data: session.data,
        active: flag(session.active),
        version: session.version,
        event_seq: eventSeq,
        parked_against: session.parkedAgainst,
        updated: now,
        timer_due: session.timerDue,
      },
      session.id,
      expectedVersion,
    );
    if (Number(result.numAffectedRows ?? 0n) !== 1) return false;
    await this.indexLegs(session);
    return true;
  }

  /** Inserts new legs into the index, moves legs that changed session, and updates active flags: one statement. */
  private async indexLegs(session: SessionDocument): Promise<void> {
    if (session.legs.length === 0) return;
    this.legs.forget();
    const values: unknown[] = [];
    // A list's values are bound by position (no key to leave out): an absent one is null.
    for (const leg of session.legs) values.push(leg.id, session.id, session.orgId, leg.personId ?? null, flag(leg.active), leg.appearance ?? null, leg.created);
    await upsertLegs(this.ctx, values);
  }

  async activeLegsOf(personId: string) {
    const rows = await this.legs.read(personId, async () => (await activeLegs(this.ctx, personId)).rows);
    return rows.map((r) => ({ legId: r.id, sessionId: r.session_id, appearance: r.appearance }));
  }

  async activeSessions(orgId?: string): Promise<string[]> {
    let query = this.ctx.db.selectFrom('call_sessions').select('data').where('active', '=', 1);
    if (orgId !== undefined) query = query.where('org_id', '=', orgId);
    return (await query.orderBy('created').execute()).map((r) => r.data);
  }

  async claimDueTimers({ due, leaseNow, leaseUntil, limit }: Parameters<CallRepository['claimDueTimers']>[0]): Promise<string[]> {
    const rows = await this.ctx.db
      .selectFrom('call_sessions')
      .select('id')
      .where('active', '=', 1)
      .where('timer_due', '<=', due)
      .where((eb) => eb.or([eb('timer_lease', 'is', null), eb('timer_lease', '<=', leaseNow)]))
      .orderBy('timer_due')
      .limit(limit)
      // PostgreSQL processes skip the sessions another is claiming; SQLite is one process.
      .$if(this.ctx.dialect === 'postgres', (qb) => qb.forUpdate().skipLocked())
      .execute();
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    await this.ctx.db.updateTable('call_sessions').set({ timer_lease: leaseUntil }).where('id', 'in', ids).execute();
    return ids;
  }

  async nextTimerDue(): Promise<string | undefined> {
    const row = await this.ctx.db
      .selectFrom('call_sessions')
      .select((eb) => eb.fn.min('timer_due').as('due'))
      .where('active', '=', 1)
      .executeTakeFirst();
    return row?.due ?? undefined;
  }

  async parkedAgainst(orgId: string, personId: string): Promise<StoredSession | undefined> {
    const row = await this.ctx.db
      .selectFrom('call_sessions')
      .select(['data', 'event_seq'])
      .where('org_id', '=', orgId)
      .where('parked_against', '=', personId)
      .where('active', '=', 1)
      .orderBy('updated')
      .executeTakeFirst();
    return row && { data: row.data, eventSeq: row.event_seq };
  }

  async addHistory(all: readonly CallHistoryRecord[]): Promise<void> {
    if (all.length === 0) return;
    // A person deleted while their call was ending: call_history.person_id would break its key.
    const present = new Set((await peoplePresent(this.ctx, [...new Set(all.map((r) => r.personId))])).rows.map((r) => r.id));
    const records = all.filter((r) => present.has(r.personId));
    if (records.length === 0) return;
    const values: unknown[] = [];
    for (const r of records) values.push(r.id, r.orgId, r.personId, r.type, r.name ?? null, r.number ?? null, flag(r.privacyEnabled), r.time, r.callId, r.sessionId);
    await insertHistory(this.ctx, values);
  }

  async history(personId: string, type: CallHistoryRecord['type'] | undefined, perType: number): Promise<CallHistoryRecord[]> {
    const types = type ? [type] : (['placed', 'missed', 'received'] as const);
    const records: CallHistoryRecord[] = [];
    for (const t of types) {
      const rows = await this.ctx.db
        .selectFrom('call_history')
        .selectAll()
        .where('person_id', '=', personId)
        .where('type', '=', t)
        .orderBy('time', 'desc')
        .orderBy('id', 'desc')
        .limit(perType)
        .execute();
      records.push(
        ...rows.map((r) => ({
          id: r.id,
          orgId: r.org_id,
          personId: r.person_id,
          type: r.type as CallHistoryRecord['type'],
          name: r.name,
          number: r.number,
          privacyEnabled: r.privacy_enabled === 1,
          time: r.time,
          callId: r.call_id,
          sessionId: r.session_id,
        })),
      );
    }
    return records.sort((a, b) => (a.time < b.time ? 1 : a.time > b.time ? -1 : 0));
  }

  async addEvents(events: readonly CallEventRecord[]): Promise<void> {
    if (events.length === 0) return;
    const values: unknown[] = [];
    for (const e of events) {
      values.push(e.id, e.orgId, e.sessionId, e.seq, e.personId, e.callId, e.eventType, e.data, e.created, e.webhookEvent, e.personality, e.state, e.callType ?? null);
    }
    await insertEvents(this.ctx, values);
    await insertPending(
      this.ctx,
      events.map((e) => e.id),
    );
  }

  async lastEventSeq(sessionId: string): Promise<number> {
    const row = await this.ctx.db
      .selectFrom('call_events')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .where('session_id', '=', sessionId)
      .executeTakeFirst();
    return row?.seq === null || row?.seq === undefined ? -1 : Number(row.seq);
  }

  async events(orgId: string, after: Pick<CallEventRecord, 'created' | 'sessionId' | 'seq'> | null, limit: number): Promise<CallEventRecord[]> {
    let query = this.ctx.db.selectFrom('call_events').selectAll().where('org_id', '=', orgId);
    if (after !== null) {
      query = query.where((eb) => eb(eb.refTuple('created', 'session_id', 'seq'), '>', eb.tuple(after.created, after.sessionId, after.seq)));
    }
    const rows = await query.orderBy('created').orderBy('session_id').orderBy('seq').limit(limit).execute();
    return rows.map(toCallEvent);
  }

  async newestEvent(orgId: string): Promise<CallEventRecord | undefined> {
    const row = await this.ctx.db
      .selectFrom('call_events')
      .selectAll()
      .where('org_id', '=', orgId)
      .orderBy('created', 'desc')
      .orderBy('session_id', 'desc')
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row && toCallEvent(row);
  }

  async phone(personId: string): Promise<PhoneSettings | undefined> {
    const row = (await phoneOf(this.ctx, personId)).rows[0];
    return row && toPhone(personId, row);
  }

  async phoneAndRecording(personId: string): Promise<{ phone: PhoneSettings | undefined; recording: string | undefined }> {
    const { rows } = await phoneAndRecordingOf(this.ctx, personId);
    const phone = rows.find((r) => r.kind === 'phone');
    return { phone: phone && toPhone(personId, phone), recording: rows.find((r) => r.kind === 'recording')?.data ?? undefined };
  }

  async savePhone(s: PhoneSettings): Promise<void> {
    const values = { auto_answer: flag(s.autoAnswer), auto_answer_delay_ms: s.autoAnswerDelayMs, busy: flag(s.busy), offline: flag(s.offline) };
    await this.ctx.db
      .insertInto('phones')
      .values({ person_id: s.personId, org_id: s.orgId, ...values })
      .onConflict((oc) => oc.column('person_id').doUpdateSet(values))
      .execute();
  }

  async recordingSettings(personId: string): Promise<string | undefined> {
    const row = (await recordingSettingsOf(this.ctx, personId)).rows[0];
    return row?.data;
  }

  async saveRecordingSettings(personId: string, orgId: string, data: string): Promise<void> {
    await this.ctx.db
      .insertInto('call_recording_settings')
      .values({ person_id: personId, org_id: orgId, data })
      .onConflict((oc) => oc.column('person_id').doUpdateSet({ data }))
      .execute();
  }
}
