import type { HuntGroupForwarding } from '../hunt-groups/hunt-group-types.ts';
import type { FeatureModes } from '../operating-modes/operating-mode-types.ts';

// An auto attendant's settings as Webex reads and writes them (name, number and extension are
// kept apart: they must stay unique).

export const KEYS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '#'] as const;
export type MenuKey = (typeof KEYS)[number];

export const KEY_ACTIONS = [
  'PLAY_ANNOUNCEMENT',
  'TRANSFER_WITH_PROMPT',
  'TRANSFER_WITHOUT_PROMPT',
  'TRANSFER_TO_OPERATOR',
  'TRANSFER_TO_MAILBOX',
  'NAME_DIALING',
  'EXTENSION_DIALING',
  'REPEAT_MENU',
  'EXIT',
] as const;
export type KeyAction = (typeof KEY_ACTIONS)[number];

export const NO_INPUT_ACTIONS = ['PLAY_MESSAGE_AND_DISCONNECT', 'TRANSFER_WITHOUT_PROMPT', 'TRANSFER_WITH_PROMPT', 'TRANSFER_TO_OPERATOR', 'TRANSFER_TO_MAILBOX', 'DISCONNECT'] as const;
export const RETRIES = ['NO_REPEAT', 'ONE_TIME', 'TWO_TIMES', 'THREE_TIMES'] as const;

export type AudioFile = { id: string; fileName: string; mediaFileType: 'WAV'; level: 'ORGANIZATION' | 'LOCATION' };

export type KeyConfiguration = { key: MenuKey; action: KeyAction; description?: string; value?: string; audioAnnouncementFile?: AudioFile };

/** What the attendant does when the caller presses nothing (business-hours menu only, in Webex's document). */
export type CallTreatment = {
  retryAttemptForNoInput: (typeof RETRIES)[number];
  noInputTimer: string;
  actionToBePerformed: { action: (typeof NO_INPUT_ACTIONS)[number]; greeting: 'DEFAULT' | 'CUSTOM'; audioAnnouncementFile?: AudioFile; transferCallTo?: string };
};

export type Menu = {
  greeting: 'DEFAULT' | 'CUSTOM';
  /** The caller may dial an extension at any time, without a menu key. */
  extensionEnabled: boolean;
  audioAnnouncementFile?: AudioFile;
  keyConfigurations: KeyConfiguration[];
  callTreatment?: CallTreatment;
};

export type Dialing = 'ENTERPRISE' | 'GROUP';

export type AutoAttendantSettings = {
  firstName: string;
  lastName: string;
  alternateNumbers: { phoneNumber: string; ringPattern: string }[];
  languageCode: string;
  timeZone: string;
  /** The location's schedules, by name (as Webex names them). */
  businessSchedule: string;
  holidaySchedule?: string;
  /** Whose extensions and names the caller may dial: the location's (GROUP) or the organization's. */
  extensionDialing: Dialing;
  nameDialing: Dialing;
  businessHoursMenu: Menu;
  afterHoursMenu: Menu;
  /** Forwarding as a hunt group's, and by operating mode when the attendant uses modes. */
  callForwarding: HuntGroupForwarding & { operatingModes?: FeatureModes };
};
