import type { RecordingMode } from '../../engine/legs.ts';
import { badRequest } from '../errors.ts';

// A person's call recording settings, with Webex's fields. Recording is off (enabled: false)
// unless set; the demo's people are "On Demand with User Initiated Start".

export type CallRecordingSettings = {
  enabled: boolean;
  record: RecordingMode;
  recordVoicemailEnabled: boolean;
  startStopAnnouncementEnabled: boolean;
  notification: { type: 'None' | 'Beep' | 'Play Announcement'; enabled: boolean };
  repeat: { interval: number; enabled: boolean };
  startStopAnnouncement: { internalCallsEnabled: boolean; pstnCallsEnabled: boolean };
};

export const DEFAULT_RECORDING: CallRecordingSettings = {
  enabled: false,
  record: 'Never',
  recordVoicemailEnabled: false,
  startStopAnnouncementEnabled: false,
  notification: { type: 'None', enabled: false },
  repeat: { interval: 15, enabled: false },
  startStopAnnouncement: { internalCallsEnabled: false, pstnCallsEnabled: false },
};

export const ON_DEMAND_RECORDING: CallRecordingSettings = { ...DEFAULT_RECORDING, enabled: true, record: 'On Demand with User Initiated Start' };

export function parseRecordingSettings(stored: string | undefined): CallRecordingSettings {
  return stored === undefined ? DEFAULT_RECORDING : { ...DEFAULT_RECORDING, ...JSON.parse(stored) };
}

/** The rule recording actions follow: "Never" while recording is not enabled. */
export function recordingModeOf(stored: string | undefined): RecordingMode {
  const settings = parseRecordingSettings(stored);
  return settings.enabled ? settings.record : 'Never';
}

export type CallRecordingUpdate = Partial<Omit<CallRecordingSettings, 'notification' | 'repeat' | 'startStopAnnouncement'>> & {
  notification?: Partial<CallRecordingSettings['notification']>;
  repeat?: Partial<CallRecordingSettings['repeat']>;
  startStopAnnouncement?: Partial<CallRecordingSettings['startStopAnnouncement']>;
};

/** Applies a PUT: fields given replace, others stay. */
export function updateRecordingSettings(current: CallRecordingSettings, update: CallRecordingUpdate): CallRecordingSettings {
  const next: CallRecordingSettings = {
    ...current,
    ...(update.enabled !== undefined ? { enabled: update.enabled } : {}),
    ...(update.record !== undefined ? { record: update.record } : {}),
    ...(update.recordVoicemailEnabled !== undefined ? { recordVoicemailEnabled: update.recordVoicemailEnabled } : {}),
    ...(update.startStopAnnouncementEnabled !== undefined ? { startStopAnnouncementEnabled: update.startStopAnnouncementEnabled } : {}),
    notification: { ...current.notification, ...update.notification },
    repeat: { ...current.repeat, ...update.repeat },
    startStopAnnouncement: { ...current.startStopAnnouncement, ...update.startStopAnnouncement },
  };
  if (next.repeat.interval < 10 || next.repeat.interval > 1800) throw badRequest('repeat.interval is 10 to 1800 seconds.');
  return next;
}
