import type { Voice } from './ai-receptionist-types.ts';

// What Webex offers every organization alike: the receptionist templates and the voices of its two
// AI engines. Webex serves both from a fixed catalogue of its own (no operation creates or changes
// them), so a fixed list here is Webex's behaviour, not a stand-in. Template IDs are fixed UUIDs so
// that an ID stays valid across restarts.

export const DEFAULT_TRANSPARENCY_MESSAGE = "Hi, I'm an AI receptionist. This interaction may be recorded and transcribed for troubleshooting purposes.";

export type Template = { id: string; name: string; goal: string; welcomeMessage: string; guideline: string };

export const TEMPLATES: readonly Template[] = [
  {
    id: '6f1d0c52-3a0b-4c55-9d0e-5b8f0a4e1c01',
    name: 'Clinic',
    goal: 'Help callers to the clinic with opening hours, services and appointments, and connect them to the right team.',
    welcomeMessage: 'Hello, thank you for calling the clinic. How can I help you today?',
    guideline: '1. Role: a friendly front-desk assistant.\n2. Never give medical advice; offer to connect the caller to the care team.',
  },
  {
    id: '6f1d0c52-3a0b-4c55-9d0e-5b8f0a4e1c02',
    name: 'Retail store',
    goal: 'Answer questions about store hours, locations, orders and returns, and connect callers to sales or support.',
    welcomeMessage: 'Hi, thanks for calling. What can I do for you?',
    guideline: '1. Role: a helpful store assistant.\n2. Confirm order numbers back to the caller before transferring.',
  },
  {
    id: '6f1d0c52-3a0b-4c55-9d0e-5b8f0a4e1c03',
    name: 'Professional services',
    goal: 'Greet callers, learn what they need and route them to the right person or team.',
    welcomeMessage: 'Good day, you have reached our office. How may I direct your call?',
    guideline: '1. Role: a courteous receptionist.\n2. Ask for the caller\'s name before transferring.',
  },
];

type EngineVoice = Voice & { isDefault: boolean; gender: 'MALE' | 'FEMALE' };

const voice = (aiEngine: Voice['aiEngine'], languageCode: string, language: string, name: string, gender: EngineVoice['gender'], isDefault = false): EngineVoice => ({
  aiEngine,
  displayName: `${languageCode}-${name}`,
  language,
  languageCode,
  gender,
  isDefault,
});

/** PRO speaks in every supported country; PRO_US only in the United States. */
export const VOICES: readonly EngineVoice[] = [
  voice('PRO', 'en-US', 'English', 'Maria', 'FEMALE', true),
  voice('PRO', 'en-US', 'English', 'Daniel', 'MALE'),
  voice('PRO', 'en-GB', 'English', 'Olivia', 'FEMALE'),
  voice('PRO', 'en-AU', 'English', 'Jack', 'MALE'),
  voice('PRO', 'en-CA', 'English', 'Emma', 'FEMALE'),
  voice('PRO', 'fr-FR', 'French', 'Camille', 'FEMALE'),
  voice('PRO', 'fr-CA', 'French', 'Louis', 'MALE'),
  voice('PRO', 'de-DE', 'German', 'Lena', 'FEMALE'),
  voice('PRO', 'es-ES', 'Spanish', 'Lucia', 'FEMALE'),
  voice('PRO', 'es-MX', 'Spanish', 'Diego', 'MALE'),
  voice('PRO_US', 'en-US', 'English', 'Jess', 'FEMALE', true),
  voice('PRO_US', 'en-US', 'English', 'Ryan', 'MALE'),
  voice('PRO_US', 'es-US', 'Spanish', 'Sofia', 'FEMALE'),
];

/** The engines a location's country may use. */
export const enginesFor = (country: string): Voice['aiEngine'][] => (country === 'US' ? ['PRO', 'PRO_US'] : ['PRO']);

/**
 * Countries where AI receptionists are offered: those whose locale one of the voices speaks (the
 * document names none; a receptionist needs a voice of its callers' country).
 */
export const SUPPORTED_COUNTRIES: ReadonlySet<string> = new Set(VOICES.map((v) => v.languageCode.split('-')[1]!));

/** The voice a new receptionist speaks with in this country. */
export function defaultVoice(country: string): Voice {
  const local = VOICES.find((v) => v.aiEngine === 'PRO' && v.languageCode.endsWith(`-${country}`));
  const { aiEngine, displayName, language, languageCode } = local ?? VOICES[0]!;
  return { aiEngine, displayName, language, languageCode };
}
