import type { PartyPolicy, RecordingMode } from '../../engine/legs.ts';
import type { Party } from '../../engine/types.ts';
import type { Store } from '../../store/store.ts';
import { CallRecordingConfigService } from '../call-recording/call-recording-config.ts';
import { recordingModeOf } from './call-recording-settings.ts';
import type { CompliancePolicy } from '../../engine/compliance.ts';
import { readWav } from '../announcements/wav.ts';

// How the simulated world behaves: people's phones (ring and wait by default, or auto-answer),
// PSTN parties (answer after a delay, or the documented magic numbers) and recording rules.

export type CallTiming = {
  ringTimeoutMs: number;
  parkRecallMs: number;
  pstnAnswerDelayMs: number;
  voicemailMs: number;
};

/**
 * External numbers ending in these four digits behave on purpose (docs/simulator.md):
 * 0186 is busy, 0187 never answers, 0188 rejects after ringing 3 s, 0189 answers and hangs up
 * after 10 s. Every other external number answers after the configured delay.
 */
export const MAGIC_NUMBERS: Record<string, Omit<PartyPolicy, 'recording'>> = {
  '0186': { busy: true },
  '0187': {},
  '0188': { rejectAfterMs: 3000 },
  '0189': { answerAfterMs: 1000, hangupAfterMs: 10_000 },
};

export function pstnPolicy(number: string, timing: CallTiming): PartyPolicy {
  const magic = MAGIC_NUMBERS[number.slice(-4)];
  return { ...(magic ?? { answerAfterMs: timing.pstnAnswerDelayMs }), recording: 'Never' };
}

/**
 * The policies of the given people, as a function the engine can call for any party. `orgIds`:
 * the organizations of the call's parties; one whose call recording is off records nobody.
 */
export async function loadPolicies(
  store: Store,
  personIds: Iterable<string>,
  timing: CallTiming,
  orgIds: Iterable<string> = [],
  parties: Iterable<Party> = [],
): Promise<(party: Party) => PartyPolicy> {
  const compliance = await loadCompliance(store, parties);
  const notRecording = new Set<string>();
  for (const orgId of new Set(orgIds)) if (!(await CallRecordingConfigService.enabled(store, orgId))) notRecording.add(orgId);
  const people = new Map<string, PartyPolicy>();
  for (const personId of new Set(personIds)) {
    const { phone, recording } = await store.calls.phoneAndRecording(personId);
    const mode: RecordingMode = recordingModeOf(recording);
    people.set(personId, {
      recording: mode,
      ...(phone?.busy ? { busy: true } : {}),
      ...(phone?.offline ? { offline: true } : {}),
      ...(phone?.autoAnswer ? { answerAfterMs: phone.autoAnswerDelayMs } : {}),
    });
  }
  return (party) => {
    switch (party.kind) {
      case 'person': {
        const own = people.get(party.personId) ?? { recording: 'Never' };
        const policy = { ...own, ...(compliance.get(party.locationId) ? { compliance: compliance.get(party.locationId) } : {}) };
        return notRecording.has(party.orgId) ? { ...policy, recording: 'Never' } : policy;
      }
      case 'pstn':
        return pstnPolicy(party.number, timing);
      default:
        return { recording: 'Never' };
    }
  };
}

/** Callplane's stand-in for Webex's system compliance announcement lasts this long. */
export const SYSTEM_COMPLIANCE_MS = 5000;

/** The compliance announcements of the person parties' locations that play one, by location. */
async function loadCompliance(store: Store, parties: Iterable<Party>): Promise<Map<string, CompliancePolicy>> {
  const result = new Map<string, CompliancePolicy>();
  const seen = new Set<string>();
  for (const party of parties) {
    if (party.kind !== 'person' || seen.has(party.locationId)) continue;
    seen.add(party.locationId);
    const rules = await CallRecordingConfigService.compliance(store, party.orgId, party.locationId);
    if (!rules.inbound && !rules.outbound) continue;
    result.set(party.locationId, {
      inbound: rules.inbound,
      outbound: rules.outbound,
      outboundDelayMs: rules.outboundDelaySeconds * 1000,
      playMs: await announcementMs(store, party.orgId, rules.announcementId),
    });
  }
  return result;
}

/** How long an announcement plays: a custom file's own length, else the system's. */
async function announcementMs(store: Store, orgId: string, announcementId: string | null): Promise<number> {
  const content = announcementId === null ? undefined : await store.announcements.content(orgId, announcementId);
  const wav = content && readWav(content);
  return wav && wav.ok ? Math.round(wav.info.seconds * 1000) : SYSTEM_COMPLIANCE_MS;
}
