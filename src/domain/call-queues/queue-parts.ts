import type { Location, Store } from '../../store/store.ts';
import { badRequest } from '../errors.ts';
import { checkTransferNumber } from './call-queue-rules.ts';
import type { CallQueueSettings, QueuePart } from './call-queue-types.ts';

// The documents of a queue that Webex serves on their own paths. Each is stored as last written
// over Webex's defaults; the checks are the rules their descriptions state. Holiday, night,
// stranded and forced forward decide where calls go (queue-plan.ts).

type Doc = Record<string, unknown>;

const AUDIO = { audioMessageSelection: 'DEFAULT', audioFiles: [] };

export const PART_DEFAULTS: Record<QueuePart, Doc> = {
  holidayService: { holidayServiceEnabled: false, action: 'BUSY', holidayScheduleLevel: 'LOCATION', playAnnouncementBeforeEnabled: false, ...AUDIO },
  nightService: {
    nightServiceEnabled: false,
    action: 'BUSY',
    playAnnouncementBeforeEnabled: false,
    announcementMode: 'NORMAL',
    ...AUDIO,
    forceNightServiceEnabled: false,
    manualAudioMessageSelection: 'DEFAULT',
    manualAudioFiles: [],
  },
  strandedCalls: { action: 'NONE', ...AUDIO, triggerPolicyWhenAllAgentsAreUnreachableEnabled: false },
  forcedForward: { forcedForwardEnabled: false, playAnnouncementBeforeEnabled: false, ...AUDIO },
  dnisSettings: { distinctiveRingingEnabled: false, displayDnisNameAndNumberEnabled: false },
  wrapUp: { wrapupTimerEnabled: false, wrapupTimer: 60 },
  screenPop: { enabled: false },
};

/** Every part of the queue, stored over the defaults. */
export const queueParts = (settings: CallQueueSettings): Record<QueuePart, Doc> =>
  Object.fromEntries(Object.entries(PART_DEFAULTS).map(([k, d]) => [k, { ...d, ...settings.parts[k as QueuePart] }])) as Record<QueuePart, Doc>;

async function checkSchedule(tx: Store, location: Location, type: 'holidays' | 'businessHours', level: unknown, name: unknown, field: string): Promise<void> {
  if (name === undefined || name === '') return;
  if (typeof name !== 'string') throw badRequest(`${field} must be a schedule name.`);
  // Organization-level schedules are not kept by Callplane: only the location's can be named.
  if (level === 'ORGANIZATION') throw badRequest(`${field}: there is no organization-level ${type} schedule named "${name}".`);
  if (!(await tx.schedules.findByName(location.orgId, location.id, type, name))) throw badRequest(`${field}: the location has no ${type} schedule named "${name}".`);
}

function transfer(doc: Doc, enabled: boolean, field = 'transferPhoneNumber'): void {
  const number = checkTransferNumber(doc[field], field);
  if (number === undefined) delete doc[field];
  else doc[field] = number;
  if (enabled && number === undefined) throw badRequest(`${field} is required to transfer calls.`);
}

/** The part after the input, checked; the stored document keeps only what Webex writes. */
export async function checkPart(part: QueuePart, current: Doc, input: Doc, tx: Store, location: Location): Promise<Doc> {
  const doc: Doc = { ...current, ...input };
  switch (part) {
    case 'holidayService':
      transfer(doc, doc.holidayServiceEnabled === true && doc.action === 'TRANSFER');
      if (doc.holidayServiceEnabled === true && !doc.holidayScheduleName) throw badRequest('holidayScheduleName is required when holiday service is enabled.');
      await checkSchedule(tx, location, 'holidays', doc.holidayScheduleLevel, doc.holidayScheduleName, 'holidayScheduleName');
      break;
    case 'nightService':
      transfer(doc, doc.nightServiceEnabled === true && doc.action === 'TRANSFER');
      await checkSchedule(tx, location, 'businessHours', doc.businessHoursLevel, doc.businessHoursName, 'businessHoursName');
      break;
    case 'strandedCalls':
      transfer(doc, doc.action === 'TRANSFER');
      break;
    case 'forcedForward':
      transfer(doc, doc.forcedForwardEnabled === true);
      break;
    case 'wrapUp':
      if (doc.wrapupTimer !== undefined && !(Number.isInteger(doc.wrapupTimer) && (doc.wrapupTimer as number) >= 1 && (doc.wrapupTimer as number) <= 600)) {
        throw badRequest('wrapupTimer must be a whole number of seconds from 1 to 600.');
      }
      break;
    case 'screenPop':
      if (doc.enabled === true && !doc.screenPopUrl) throw badRequest('screenPopUrl is required when screen pop is enabled.');
      if (typeof doc.screenPopUrl === 'string' && !/^https?:\/\/\S+$/.test(doc.screenPopUrl)) throw badRequest('screenPopUrl must be an http(s) URL.');
      break;
    case 'dnisSettings':
      break;
  }
  for (const [k, v] of Object.entries(doc)) if (v === undefined) delete doc[k];
  return doc;
}
