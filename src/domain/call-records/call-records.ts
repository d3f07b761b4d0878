import { randomUUID } from 'node:crypto';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import type { Leg, Party, RedirectReason, Session } from '../../engine/types.ts';
import type { Store } from '../../store/store.ts';
import { historyParty } from '../calls/parties.ts';

// Detailed call history (Webex's CDR): when a person's leg ends, one record of it, in Webex's
// field names. Records are facts about what the engine carried; nothing here is sampled.

/** The person's location as the record names it. */
export type Site = { id: string; name: string; timeZone: string; country: string; mainNumber: string | null };

export type CallRecordData = Record<string, string | number>;

const REDIRECT_REASONS: Record<RedirectReason, string> = {
  busy: 'UserBusy',
  noAnswer: 'NoAnswer',
  unavailable: 'Unavailable',
  unconditional: 'Unconditional',
  timeOfDay: 'TimeOfDay',
  divert: 'Deflection',
  followMe: 'FollowMe',
  huntGroup: 'HuntGroup',
  callQueue: 'CallQueue',
  executive: 'Executive',
  unknown: 'Unknown',
};

const seconds = (from: string | null, to: string | null) => (from && to ? Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 1000)) : 0);

// Building a DateTimeFormat costs far more than using one (about 3% of a call's CPU when each
// ended leg built its own); a formatter is immutable, so one per time zone serves every record.
const offsetFormats = new Map<string, Intl.DateTimeFormat>();
function offsetFormat(timeZone: string): Intl.DateTimeFormat {
  let format = offsetFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    // Time zones are a bounded set of names (the IANA database); an invalid one throws above and is not kept.
    offsetFormats.set(timeZone, format);
  }
  return format;
}

/** Offset from UTC in minutes of a time zone at an instant ("Site timezone"). */
export function offsetMinutes(timeZone: string, at: string): number {
  const name = offsetFormat(timeZone).formatToParts(new Date(at)).find((p) => p.type === 'timeZoneName')?.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? '');
  if (!match) return 0;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}

/** Webex's "Call type" of a call as the person's leg saw the other party. */
export function callTypeOf(leg: Leg, remote: Party | null, site: Site | null): string {
  if (!remote) return 'UNKNOWN';
  switch (remote.kind) {
    case 'person':
    case 'huntGroup':
    case 'autoAttendant':
    case 'pagingGroup':
    case 'parkExtension':
    case 'voicemail':
      return 'SIP_ENTERPRISE';
    case 'feature':
      return 'SIP_SHORTCODE';
    case 'pstn': {
      if (remote.emergency) return 'SIP_EMERGENCY';
      if (leg.personality === 'terminator') return 'SIP_INBOUND';
      const parsed = parsePhoneNumberFromString(remote.number, (site?.country ?? 'US') as CountryCode);
      if (!parsed) return 'UNKNOWN';
      const type = parsed.getType();
      if (type === 'TOLL_FREE') return 'SIP_TOLLFREE';
      if (type === 'PREMIUM_RATE') return 'SIP_PREMIUM';
      if (site && parsed.country && parsed.country !== site.country) return 'SIP_INTERNATIONAL';
      if (type === 'MOBILE') return 'SIP_MOBILE';
      return 'SIP_NATIONAL';
    }
  }
}

/** The leg this one talked to, else the first other party on the call. */
export function remoteLeg(session: Session, leg: Leg): Leg | undefined {
  const others = session.legs.filter((l) => l.id !== leg.id);
  return others.find((l) => l.answered !== null && leg.answered !== null) ?? others[0];
}

/** How the call went, from the answer (if any) and why the unanswered side ended. */
function outcome(answered: boolean, unanswered: Leg | undefined): { outcome: string; reason: string } {
  if (answered) return { outcome: 'Success', reason: 'Normal' };
  switch (unanswered?.endReason) {
    case 'busy':
      return { outcome: 'Success', reason: 'UserBusy' };
    case 'noAnswer':
      return { outcome: 'Success', reason: 'NoAnswer' };
    case 'rejected':
      return { outcome: 'Refusal', reason: 'CallRejected' };
    default:
      return { outcome: 'Success', reason: 'Normal' };
  }
}

function releasingParty(leg: Leg): string {
  if (leg.endReason === 'hangup' || leg.endReason === 'rejected' || leg.endReason === 'cancelled') return 'Local';
  if (leg.endReason === 'remoteHangup' || leg.endReason === 'busy' || leg.endReason === 'noAnswer') return 'Remote';
  return 'Unknown';
}

const rawNumber = (party: Party | null): string | undefined => {
  if (!party) return undefined;
  if (party.kind === 'person' || party.kind === 'huntGroup' || party.kind === 'autoAttendant' || party.kind === 'pagingGroup') return party.number ?? party.extension ?? undefined;
  if (party.kind === 'parkExtension') return party.extension;
  if (party.kind === 'feature') return party.code;
  return party.number ?? undefined;
};

/**
 * The record of a person's ended leg. `prior` is the session before this step (a transfer moves
 * the remote party away in the step that ends the leg); `orgUuid` and `site` name where it happened.
 */
export function callRecord(session: Session, leg: Leg, prior: Session | undefined, site: Site | null, now: string): CallRecordData | undefined {
  if (leg.party.kind !== 'person') return undefined;
  const self = leg.party;
  const remote = remoteLeg(session, leg) ?? (prior ? remoteLeg(prior, leg) : undefined);
  const remoteParty = remote?.party ?? leg.pendingDestination;
  const shown = remoteParty ? historyParty(self, remoteParty) : { name: null, number: null };
  const originating = leg.personality !== 'terminator';
  const selfNumber = self.number ?? self.extension ?? '';
  const otherNumber = shown.number ?? rawNumber(remoteParty) ?? '';
  const started = leg.placedAt ?? leg.created;
  const end = leg.disconnected ?? now;
  // An outgoing leg is answered when the far end answers (a click-to-dial's own answer only places it).
  const answeredAt = originating ? (remote?.answered ?? null) : leg.answered;
  const { outcome: callOutcome, reason } = outcome(answeredAt !== null, originating ? remote : leg);
  const record: CallRecordData = {
    'Report ID': randomUUID(),
    'Report time': now,
    'Start time': started,
    'Release time': end,
    Answered: answeredAt ? 'true' : 'false',
    'Answer indicator': answeredAt ? (leg.redirections.length > 0 ? 'Yes-PostRedirection' : 'Yes') : 'No',
    Duration: seconds(answeredAt, end),
    'Ring duration': seconds(started, answeredAt ?? end),
    Direction: originating ? 'ORIGINATING' : 'TERMINATING',
    'Call type': callTypeOf(leg, remoteParty, site),
    'Calling number': originating ? selfNumber : otherNumber,
    'Called number': originating ? otherNumber : selfNumber,
    'Calling line ID': originating ? self.name : (shown.name ?? ''),
    'Called line ID': originating ? (shown.name ?? '') : self.name,
    'Call outcome': callOutcome,
    'Call outcome reason': reason,
    'Releasing party': releasingParty(leg),
    'Client type': 'SIP',
    User: self.name,
    'User UUID': self.personId,
    'User number': selfNumber,
    // Webex's user types: a workspace is a Place, a virtual line a VirtualLine.
    'User type': self.line === 'workspace' ? 'Place' : self.line === 'virtualLine' ? 'VirtualLine' : 'User',
    'Org UUID': session.orgId,
    'Correlation ID': session.id,
    'Network call ID': session.id,
    'Local call ID': leg.id,
    'Call ID': `SSE${leg.id.replaceAll('-', '')}@callplane`,
    'Local SessionID': leg.id.replaceAll('-', ''),
  };
  if (answeredAt) record['Answer time'] = answeredAt;
  if (remote) {
    record['Remote call ID'] = remote.id;
    record['Remote SessionID'] = remote.id.replaceAll('-', '');
  }
  if (originating && otherNumber) record['Dialed digits'] = otherNumber;
  if (leg.redirections.length > 0) {
    const last = leg.redirections[0]!;
    const first = leg.redirections[leg.redirections.length - 1]!;
    record['Redirect reason'] = REDIRECT_REASONS[last.reason];
    record['Original reason'] = REDIRECT_REASONS[first.reason];
    const by = rawNumber(last.redirectingParty);
    if (by) record['Redirecting number'] = by;
    const byPerson = last.redirectingParty.kind === 'person' ? last.redirectingParty.personId : last.redirectingParty.kind === 'huntGroup' ? last.redirectingParty.huntGroupId : undefined;
    if (byPerson) record['Redirecting party UUID'] = byPerson;
  }
  if (leg.endReason === 'transferred') record['Call transfer Time'] = end;
  if (site) {
    record.Location = site.name;
    record['Site UUID'] = site.id;
    record['Site timezone'] = String(offsetMinutes(site.timeZone, started));
    if (site.mainNumber) record['Site main number'] = site.mainNumber;
  }
  if (record['Call type'] === 'SIP_INTERNATIONAL' && remoteParty?.kind === 'pstn') {
    const country = parsePhoneNumberFromString(remoteParty.number)?.countryCallingCode;
    if (country) record['International country'] = country;
  }
  // Webex leaves out what it does not know rather than sending empty strings.
  for (const [key, value] of Object.entries(record)) if (value === '') delete record[key];
  return record;
}

/** A person's leg that ended in this step, with the session as it was before. */
export type EndedLeg = { session: Session; leg: Leg; prior: Session | undefined };

/** Writes the records of legs that ended, in the caller's transaction. */
export async function writeCallRecords(tx: Store, ended: readonly EndedLeg[], now: string): Promise<void> {
  if (ended.length === 0) return;
  const sites = new Map<string, Site | null>();
  const siteOf = async (locationId: string): Promise<Site | null> => {
    if (!sites.has(locationId)) {
      const location = await tx.locations.get(ended[0]!.session.orgId, locationId);
      const mainNumber = location ? (await tx.locationCalling.mainNumbers([locationId])).get(locationId) : undefined;
      sites.set(locationId, location ? { id: location.id, name: location.name, timeZone: location.timeZone, country: location.address.country, mainNumber: mainNumber ?? null } : null);
    }
    return sites.get(locationId)!;
  };
  const records = [];
  for (const { session, leg, prior } of ended) {
    if (leg.party.kind !== 'person') continue;
    const site = leg.party.locationId ? await siteOf(leg.party.locationId) : null;
    const data = callRecord(session, leg, prior, site, now);
    if (data) records.push({ id: String(data['Report ID']), orgId: session.orgId, locationId: site?.id ?? null, reportTime: now, data });
  }
  await tx.callRecords.add(records);
}
