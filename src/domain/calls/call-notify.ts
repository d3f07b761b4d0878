import { randomUUID } from 'node:crypto';
import { takes } from '../../engine/person-routing.ts';
import type { Leg, PersonParty, Session } from '../../engine/types.ts';
import type { CallNotification } from '../../store/call-notifications-store.ts';
import type { Store } from '../../store/store.ts';
import { CALL_NOTIFY } from '../settings/ring-settings.ts';
import { mergeDocument, type SettingDocument } from '../settings/setting-documents.ts';
import { encodeId } from '../webex-ids.ts';
import { partyInformation } from './parties.ts';
import { rulesInForce } from './ring-routing.ts';

// Call notify: Webex emails the person's emailAddress about each call that matches one of their
// call notify criteria (callers by number, anonymous or any; schedule-aware, like the other ring
// settings). Callplane sends no mail: each email is written to an outbox in the same transaction
// as the call (call-runtime.ts) and listed by the sandbox (GET /sandbox/v1/notifications).
//
// A call counts once it is offered to the person: their phone starts to ring (or a Push to Talk
// call answers by itself). Whether it is answered later does not matter — Webex's email is about
// the call arriving, so a missed call is notified too. A call that never reaches the person's
// phone (Do Not Disturb, busy, forwarded on, rejected by their rules) is not; neither is a call
// ringing them for someone else (simultaneous ring, a hunt group or queue), a park recall, or a
// call they place, pick up or retrieve.

/** The person's own incoming call, new in this step. */
function isOffered(leg: Leg): leg is Leg & { party: PersonParty } {
  const reason = leg.redirections[0]?.reason;
  return leg.party.kind === 'person' && leg.personality === 'terminator' && leg.recall === null && reason !== 'followMe' && reason !== 'huntGroup' && reason !== 'callQueue';
}

/** Writes the call notify emails a step's new legs call for. `prior`: the legs the session had before the step. */
export async function notifyCalls(tx: Store, session: Session, prior: ReadonlyMap<string, Leg>, now: string): Promise<void> {
  for (const leg of session.legs) {
    if (prior.has(leg.id) || !isOffered(leg)) continue;
    const person = leg.party;
    const stored = await tx.ownerSettings.get({ orgId: person.orgId, kind: person.line ?? 'person', id: person.personId }, CALL_NOTIFY.key);
    if (stored === undefined) continue;
    const doc: SettingDocument = mergeDocument(CALL_NOTIFY.defaults, JSON.parse(stored) as SettingDocument);
    if (doc.enabled !== true || typeof doc.emailAddress !== 'string' || doc.emailAddress === '') continue;
    const caller = (session.legs.find((l) => l.personality === 'originator') ?? session.legs[0])?.party;
    const rules = await rulesInForce(tx, person, doc, 'notificationEnabled', new Date(now));
    if (!takes(rules, caller, leg.redirections.length > 0)) continue;
    await tx.callNotifications.insert(notification(session, person, caller ? partyInformation(person, caller) : { privacyEnabled: true }, doc.emailAddress, now));
  }
}

function notification(session: Session, person: PersonParty, seen: { name?: string; number?: string; privacyEnabled: boolean }, to: string, now: string): CallNotification {
  const name = seen.privacyEnabled ? null : (seen.name ?? null);
  const number = seen.privacyEnabled ? null : (seen.number ?? null);
  const from = name && number ? `${name} (${number})` : (name ?? number ?? 'an anonymous caller');
  return {
    id: randomUUID(),
    orgId: session.orgId,
    ownerKind: person.line ?? 'person',
    ownerId: person.personId,
    emailAddress: to,
    subject: `Call from ${from}`,
    body: `${person.name} received a call from ${from} at ${now}.`,
    callerName: name,
    callerNumber: number,
    sessionId: session.id,
    created: now,
  };
}

/** The outbox as the sandbox shows it: whose call notify sent each email, by Webex ID. */
export class CallNotifications {
  private readonly store: Store;

  constructor(store: Store) {
    this.store = store;
  }

  async list(orgId: string, filter: { ownerId?: string; max: number }): Promise<CallNotification[]> {
    return this.store.callNotifications.list(orgId, filter);
  }
}

/** The Webex ID of a notification's owner. */
export const ownerIdOf = (n: CallNotification): { personId: string } | { workspaceId: string } | { virtualLineId: string } =>
  n.ownerKind === 'workspace' ? { workspaceId: encodeId('PLACE', n.ownerId) } : n.ownerKind === 'virtualLine' ? { virtualLineId: encodeId('VIRTUAL_LINE', n.ownerId) } : { personId: encodeId('PEOPLE', n.ownerId) };
