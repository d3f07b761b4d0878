import type { Location, Store } from '../../store/store.ts';
import { badRequest } from '../errors.ts';
import { decodeId } from '../webex-ids.ts';
import { modeCovers } from './mode-time.ts';
import { FORWARD_SELECTIONS, type FeatureModes, type OperatingMode } from './operating-mode-types.ts';

// A feature's forwarding by operating mode (auto attendants here): which modes it uses and where
// each sends calls; which mode is in force now (a manager's switch, else the first mode with
// normal operation whose schedule covers now); and when a switched mode switches back.

export type FeatureModesInput = {
  enabled: boolean;
  modes: { normalOperationEnabled: boolean; id: string; forwardTo: { selection: string; destination?: string; destinationVoicemailEnabled?: boolean } }[];
};

const MAX_FEATURE_MODES = 100;

/** The modes as given: each the location's or the organization's, once; a specified number where asked. */
export async function checkFeatureModes(tx: Store, location: Location, input: FeatureModesInput, current: FeatureModes | undefined): Promise<FeatureModes> {
  if (input.modes.length > MAX_FEATURE_MODES) throw badRequest(`operatingModes holds at most ${MAX_FEATURE_MODES} modes.`);
  const seen = new Set<string>();
  const modes: FeatureModes['modes'] = [];
  for (const m of input.modes) {
    const id = decodeId(m.id, 'OPERATING_MODE');
    const mode = id !== undefined ? await tx.operatingModes.get(location.orgId, id) : undefined;
    if (!mode || (mode.locationId !== null && mode.locationId !== location.id)) throw badRequest(`operatingModes: ${m.id} is not an operating mode of this location or the organization.`);
    if (seen.has(mode.id)) throw badRequest(`operatingModes: ${m.id} is given twice.`);
    seen.add(mode.id);
    const selection = m.forwardTo.selection as FeatureModes['modes'][number]['forwardTo']['selection'];
    if (!FORWARD_SELECTIONS.includes(selection)) throw badRequest(`operatingModes: forwardTo.selection "${m.forwardTo.selection}" is not one of ${FORWARD_SELECTIONS.join(', ')}.`);
    const destination = m.forwardTo.destination?.trim();
    if (selection === 'FORWARD_TO_SPECIFIED_NUMBER' && !/^\+?[\d*#]{2,30}$/.test(destination ?? '')) throw badRequest('operatingModes: forwardTo.destination is required with FORWARD_TO_SPECIFIED_NUMBER.');
    modes.push({
      id: mode.id,
      normalOperationEnabled: m.normalOperationEnabled,
      forwardTo: { selection, ...(selection === 'FORWARD_TO_SPECIFIED_NUMBER' ? { destination } : {}), destinationVoicemailEnabled: m.forwardTo.destinationVoicemailEnabled === true },
    });
  }
  // A manager's switch to a mode the feature no longer uses ends.
  const manual = current?.manual && seen.has(current.manual.modeId) ? current.manual : undefined;
  return { enabled: input.enabled, modes, ...(manual ? { manual } : {}) };
}

/** The mode the schedule puts in force now: the first with normal operation whose schedule covers now. */
export function normalMode(fm: FeatureModes, modes: ReadonlyMap<string, OperatingMode>, now: Date, timeZone: string): OperatingMode | undefined {
  for (const entry of fm.modes) {
    const mode = modes.get(entry.id);
    if (entry.normalOperationEnabled && mode && modeCovers(mode, now, timeZone)) return mode;
  }
  return undefined;
}

/** A manager's switch still in force at `now` (without an end, until switched back). */
export const activeSwitch = (fm: FeatureModes, now: Date) => (fm.manual && (fm.manual.endsAt === undefined || now.toISOString() < fm.manual.endsAt) ? fm.manual : undefined);

/** The mode in force now and how it came to be (a switch, or the schedule). */
export function currentMode(fm: FeatureModes, modes: ReadonlyMap<string, OperatingMode>, now: Date, timeZone: string): { mode: OperatingMode; exceptionType: NonNullable<FeatureModes['manual']>['exceptionType'] } | undefined {
  const manual = activeSwitch(fm, now);
  const switched = manual && modes.get(manual.modeId);
  if (switched) return { mode: switched, exceptionType: manual.exceptionType };
  const mode = normalMode(fm, modes, now, timeZone);
  return mode ? { mode, exceptionType: 'AUTOMATIC_SWITCH_BACK_STANDARD' } : undefined;
}

/** Where calls go while `mode` is in force: the feature's specified number, the mode's own forwarding, or nowhere (undefined). */
export function modeDestination(fm: FeatureModes, mode: OperatingMode): { destination: string; voicemail: boolean } | undefined {
  const entry = fm.modes.find((m) => m.id === mode.id);
  if (!entry) return undefined;
  if (entry.forwardTo.selection === 'FORWARD_TO_SPECIFIED_NUMBER' && entry.forwardTo.destination) return { destination: entry.forwardTo.destination, voicemail: entry.forwardTo.destinationVoicemailEnabled };
  const own = mode.settings.callForwarding;
  if (entry.forwardTo.selection === 'FORWARD_TO_DEFAULT_NUMBER' && own.enabled && own.destination) return { destination: own.destination, voicemail: own.destinationVoicemailEnabled };
  return undefined;
}

const STEP_MS = 15 * 60_000;
const HORIZON_MS = 8 * 24 * 3_600_000;

/**
 * When a mode switched to now gives way to the schedule again: the end of its next window (the
 * one it is in, or the next it enters within a week); undefined for a mode that never covers
 * (NONE), which stays until switched back by hand.
 */
export function switchBackAt(mode: OperatingMode, now: Date, timeZone: string): Date | undefined {
  let t = now.getTime();
  const end = t + HORIZON_MS;
  while (t < end && !modeCovers(mode, new Date(t), timeZone)) t += STEP_MS;
  if (t >= end) return undefined;
  while (t < end && modeCovers(mode, new Date(t), timeZone)) t += 60_000;
  return t >= end ? undefined : new Date(t);
}

/** The operating modes a feature uses, by ID. */
export async function modesOf(store: Store, orgId: string, fm: FeatureModes | undefined): Promise<Map<string, OperatingMode>> {
  if (!fm || fm.modes.length === 0) return new Map();
  return new Map((await store.operatingModes.getMany(orgId, fm.modes.map((m) => m.id))).map((m) => [m.id, m]));
}
