import { randomUUID } from 'node:crypto';
import type { Leg, RecordingState, Session } from '../../engine/types.ts';
import type { RecordingAction, StoredRecording } from '../../store/recordings-store.ts';
import type { Store } from '../../store/store.ts';
import { remoteLeg } from '../call-records/call-records.ts';
import { parseRecordingSettings } from '../calls/call-recording-settings.ts';
import { historyParty } from '../calls/parties.ts';

// Recordings follow the engine's recording state of a person's leg: the first start opens a
// recording, pause / resume / stop are appended as actions, and a stop or the end of the leg
// finishes it with the length actually recorded. Runs in the commit of each call step.

/** The action a change of a leg's recording state is, if any. */
export function recordingAction(before: RecordingState | null, after: RecordingState | null): RecordingAction['action'] | undefined {
  if (before === after) return undefined;
  if (after === 'started') return before === 'paused' ? 'RESUME' : 'START';
  if (after === 'paused') return 'PAUSE';
  if (after === 'stopped' && (before === 'started' || before === 'paused')) return 'STOP';
  return undefined;
}

/** Seconds recorded: the time between each start or resume and the pause or stop after it. */
export function recordedSeconds(actions: readonly RecordingAction[]): number {
  let total = 0;
  let since: number | undefined;
  for (const { action, time } of actions) {
    const at = Date.parse(time);
    if ((action === 'START' || action === 'RESUME') && since === undefined) since = at;
    if ((action === 'PAUSE' || action === 'STOP') && since !== undefined) {
      total += at - since;
      since = undefined;
    }
  }
  return Math.round(total / 1000);
}

function finish(recording: StoredRecording, at: string): StoredRecording {
  const actions = recording.details.actions;
  if (actions.at(-1)?.action !== 'STOP') actions.push({ action: 'STOP', time: at });
  return { ...recording, status: 'available', ended: at, durationSeconds: recordedSeconds(actions) };
}

async function open(tx: Store, session: Session, leg: Leg, at: string): Promise<StoredRecording | undefined> {
  if (leg.party.kind !== 'person') return undefined;
  const self = leg.party;
  const remote = remoteLeg(session, leg)?.party ?? leg.pendingDestination;
  const other = remote ? historyParty(self, remote) : { name: null, number: null };
  const otherId = remote?.kind === 'person' ? remote.personId : undefined;
  const me = { personId: self.personId, ...(self.number ? { number: self.number } : self.extension ? { number: self.extension } : {}), name: self.name };
  const them = { ...(otherId ? { personId: otherId } : {}), ...(other.number ? { number: other.number } : {}), ...(other.name ? { name: other.name } : {}) };
  const originating = leg.personality !== 'terminator';
  const mode = parseRecordingSettings(await tx.calls.recordingSettings(self.personId)).record;
  return {
    id: randomUUID().replaceAll('-', ''),
    orgId: session.orgId,
    ownerId: self.personId,
    locationId: self.locationId || null,
    callId: leg.id,
    sessionId: session.id,
    status: 'recording',
    topic: `Call with ${other.name ?? other.number ?? 'unknown'}`,
    started: at,
    ended: null,
    durationSeconds: 0,
    details: { personality: originating ? 'ORIGINATOR' : 'TERMINATOR', recordingType: mode, calling: originating ? me : them, called: originating ? them : me, actions: [] },
  };
}

/** Applies one step's change of a person's leg to its recording. */
export async function trackRecording(tx: Store, session: Session, leg: Leg, before: Leg | undefined, at: string): Promise<void> {
  if (leg.party.kind !== 'person') return;
  const action = recordingAction(before?.recordingState ?? null, leg.recordingState);
  const ended = leg.state === 'disconnected' && before?.state !== 'disconnected';
  if (!action && !ended) return;
  let recording = await tx.recordings.ofCall(leg.id);
  if (action === 'START' && !recording) {
    recording = await open(tx, session, leg, at);
    if (!recording) return;
    recording.details.actions.push({ action, time: at });
    if (ended) recording = finish(recording, at);
    await tx.recordings.insert(recording);
    return;
  }
  if (!recording) return;
  if (action) recording.details.actions.push({ action, time: at });
  await tx.recordings.save(action === 'STOP' || ended ? finish(recording, at) : recording);
}
