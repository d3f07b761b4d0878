import { badRequest, conflict, notFound } from '../errors.ts';
import { KEY_ACTIONS, KEYS, NO_INPUT_ACTIONS, RETRIES, type AudioFile, type CallTreatment, type KeyConfiguration, type Menu } from './auto-attendant-types.ts';

// Webex's rules for an auto attendant's own fields, without storage.

export const autoAttendantNotFound = () => notFound('Auto attendant not found.');
export const autoAttendantNameInUse = (name: string) => conflict(`An auto attendant named "${name}" already exists in this location.`);
export const numberOrExtensionRequired = () => badRequest('An auto attendant needs a phoneNumber or an extension.');

export function checkAutoAttendantName(value: string): string {
  const name = value.trim();
  if (name.length < 1 || name.length > 30) throw badRequest('name must hold 1 to 30 characters.');
  return name;
}

const DESTINATION = /^\+?[\d*#]{2,30}$/;

/** Actions that send the caller somewhere need where (value): a number or extension. */
const NEEDS_VALUE: readonly KeyConfiguration['action'][] = ['TRANSFER_WITH_PROMPT', 'TRANSFER_WITHOUT_PROMPT', 'TRANSFER_TO_OPERATOR'];

export type MenuInput = {
  greeting?: string;
  extensionEnabled?: boolean;
  audioAnnouncementFile?: Partial<AudioFile>;
  keyConfigurations?: { key: string; action: string; description?: string; value?: string; audioAnnouncementFile?: Partial<AudioFile> }[];
  callTreatment?: { retryAttemptForNoInput?: string; noInputTimer?: string; actionToBePerformed?: { action: string; greeting: string; audioAnnouncementFile?: Partial<AudioFile>; transferCallTo?: string } };
};

function checkAudioFile(input: Partial<AudioFile> | undefined, field: string): AudioFile | undefined {
  if (input === undefined) return undefined;
  if (!input.id || !input.fileName) throw badRequest(`${field}: an announcement file needs its id and fileName.`);
  return { id: input.id, fileName: input.fileName, mediaFileType: 'WAV', level: input.level === 'LOCATION' ? 'LOCATION' : 'ORGANIZATION' };
}

export const DEFAULT_CALL_TREATMENT: CallTreatment = { retryAttemptForNoInput: 'NO_REPEAT', noInputTimer: '10', actionToBePerformed: { action: 'DISCONNECT', greeting: 'DEFAULT' } };

function checkCallTreatment(input: MenuInput['callTreatment'], current: CallTreatment | undefined, field: string): CallTreatment {
  const base = current ?? DEFAULT_CALL_TREATMENT;
  if (input === undefined) return base;
  const retry = (input.retryAttemptForNoInput ?? base.retryAttemptForNoInput) as CallTreatment['retryAttemptForNoInput'];
  if (!RETRIES.includes(retry)) throw badRequest(`${field}.retryAttemptForNoInput "${retry}" is not one of ${RETRIES.join(', ')}.`);
  const timer = input.noInputTimer ?? base.noInputTimer;
  const seconds = Number(timer);
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > 60) throw badRequest(`${field}.noInputTimer must be a whole number of seconds from 1 to 60.`);
  const a = input.actionToBePerformed ?? base.actionToBePerformed;
  if (!(NO_INPUT_ACTIONS as readonly string[]).includes(a.action)) throw badRequest(`${field}.actionToBePerformed.action "${a.action}" is not one of ${NO_INPUT_ACTIONS.join(', ')}.`);
  if (a.greeting !== 'DEFAULT' && a.greeting !== 'CUSTOM') throw badRequest(`${field}.actionToBePerformed.greeting must be DEFAULT or CUSTOM.`);
  const action = a.action as CallTreatment['actionToBePerformed']['action'];
  const transfers = action.startsWith('TRANSFER_');
  if (transfers && !DESTINATION.test(a.transferCallTo ?? '')) throw badRequest(`${field}.actionToBePerformed.transferCallTo (a number or extension) is required with ${action}.`);
  const audio = checkAudioFile(a.audioAnnouncementFile, `${field}.actionToBePerformed.audioAnnouncementFile`);
  return {
    retryAttemptForNoInput: retry,
    noInputTimer: String(seconds),
    actionToBePerformed: { action, greeting: a.greeting, ...(audio ? { audioAnnouncementFile: audio } : {}), ...(transfers ? { transferCallTo: a.transferCallTo } : {}) },
  };
}

/**
 * A menu as given (required on create: greeting, extensionEnabled, keyConfigurations), each key
 * at most once; transfers name a number or extension; a CUSTOM greeting names its file.
 */
export function checkMenu(input: MenuInput | undefined, current: Menu | undefined, field: string): Menu {
  if (input === undefined) {
    if (current === undefined) throw badRequest(`${field} is required.`);
    return current;
  }
  const greeting = input.greeting ?? current?.greeting;
  if (greeting !== 'DEFAULT' && greeting !== 'CUSTOM') throw badRequest(`${field}.greeting must be DEFAULT or CUSTOM.`);
  const extensionEnabled = input.extensionEnabled ?? current?.extensionEnabled;
  if (typeof extensionEnabled !== 'boolean') throw badRequest(`${field}.extensionEnabled is required.`);
  const audio = input.audioAnnouncementFile !== undefined ? checkAudioFile(input.audioAnnouncementFile, `${field}.audioAnnouncementFile`) : current?.audioAnnouncementFile;
  if (greeting === 'CUSTOM' && audio === undefined) throw badRequest(`${field}.audioAnnouncementFile is required with a CUSTOM greeting.`);
  const keys = input.keyConfigurations ?? current?.keyConfigurations;
  if (keys === undefined) throw badRequest(`${field}.keyConfigurations is required.`);
  const seen = new Set<string>();
  const keyConfigurations: KeyConfiguration[] = keys.map((k) => {
    if (!(KEYS as readonly string[]).includes(k.key)) throw badRequest(`${field}.keyConfigurations: key "${k.key}" is not one of ${KEYS.join(' ')}.`);
    if (seen.has(k.key)) throw badRequest(`${field}.keyConfigurations: key ${k.key} is configured twice.`);
    seen.add(k.key);
    if (!(KEY_ACTIONS as readonly string[]).includes(k.action)) throw badRequest(`${field}.keyConfigurations: action "${k.action}" is not one of ${KEY_ACTIONS.join(', ')}.`);
    const action = k.action as KeyConfiguration['action'];
    if (NEEDS_VALUE.includes(action) && !DESTINATION.test(k.value?.trim() ?? '')) throw badRequest(`${field}.keyConfigurations: key ${k.key} (${action}) needs a value, the number or extension to transfer to.`);
    if (k.value !== undefined && k.value !== '' && !DESTINATION.test(k.value.trim())) throw badRequest(`${field}.keyConfigurations: key ${k.key}: value "${k.value}" is not a number or extension.`);
    if (k.description !== undefined && k.description.length > 80) throw badRequest(`${field}.keyConfigurations: key ${k.key}: description holds at most 80 characters.`);
    const file = checkAudioFile(k.audioAnnouncementFile, `${field}.keyConfigurations.audioAnnouncementFile`);
    return {
      key: k.key as KeyConfiguration['key'],
      action,
      ...(k.description !== undefined ? { description: k.description } : {}),
      ...(k.value !== undefined && k.value !== '' ? { value: k.value.trim() } : {}),
      ...(file ? { audioAnnouncementFile: file } : {}),
    };
  });
  const menu: Menu = { greeting, extensionEnabled, keyConfigurations };
  if (audio) menu.audioAnnouncementFile = audio;
  if (field === 'businessHoursMenu') menu.callTreatment = checkCallTreatment(input.callTreatment, current?.callTreatment, `${field}.callTreatment`);
  return menu;
}
