import { randomUUID } from 'node:crypto';
import type { Store } from '../../store/store.ts';
import type { TextToSpeech } from '../../store/announcements-store.ts';
import type { Clock } from '../clock.ts';
import { badRequest, notFound, WebexError } from '../errors.ts';
import { toneWav, type Tone } from '../media/wav-writer.ts';
import { decodeId, encodeId } from '../webex-ids.ts';
import { fileUriOf, KMS_KEY_URI, type AnnouncementMediaService } from './announcement-media-service.ts';

// Text-to-speech prompts. Callplane has no speech synthesiser: a prompt's audio is a WAV of tones,
// one per word, as long as the words would take to say (with silence around them, and at least
// the 5 seconds an announcement needs), so that it can be previewed and used as an announcement
// like Webex's. Generation is asynchronous as in Webex: IN_PROGRESS until the server clock
// passes its ready time, then SUCCESS.

/** The voices Cisco's document shows; every one speaks en_us. */
export const VOICES = [
  { id: 'ashley', label: 'Ashley-Female', languageCode: 'en_us' },
  { id: 'steve', label: 'Steve-Male', languageCode: 'en_us' },
] as const;
export const DEFAULT_LANGUAGE = 'en_us';
/** Requests an organization may make per UTC day (the figure of Cisco's example). */
export const MAX_DAILY_REQUESTS = 150;
const MAX_TEXT = 4000;
const MS_PER_CHARACTER = 65;
const WORD_GAP_MS = 120;
const MIN_AUDIO_MS = 5000;
/** How long a prompt takes to generate: a base time plus a little per character. */
const processingMs = (text: string) => 2000 + 5 * text.length;

export type TextToSpeechStatus = TextToSpeech & { status: 'IN_PROGRESS' | 'SUCCESS'; promptPath?: string; fileUri?: string; kmsKeyUri?: string };
export type TextToSpeechUsage = { noOfApiCalls: number; maxAllowedApiCalls: number; usageResetTimestamp?: string };

const ttsNotFound = () => notFound('Text-to-speech request not found.');
const tooManyRequests = (reset: string) =>
  new WebexError(429, `The organization has made the ${MAX_DAILY_REQUESTS} text-to-speech requests allowed per day; usage resets at ${reset}.`);

export class TextToSpeechService {
  private readonly store: Store;
  private readonly clock: Clock;
  private readonly media: AnnouncementMediaService;

  constructor(deps: { store: Store; clock: Clock; media: AnnouncementMediaService }) {
    this.store = deps.store;
    this.clock = deps.clock;
    this.media = deps.media;
  }

  voices(languageCode = DEFAULT_LANGUAGE) {
    return VOICES.filter((v) => v.languageCode === languageCode.toLowerCase());
  }

  /** Accepts a request (202) and answers its public ID; the audio is ready later on the clock. */
  async generate(orgId: string, body: { voice?: string; text?: string; languageCode?: string }): Promise<string> {
    const { voice, text, languageCode } = checkRequest(body);
    return this.store.transaction(async (tx) => {
      const usage = await this.usageIn(tx, orgId);
      if (usage.noOfApiCalls >= MAX_DAILY_REQUESTS) throw tooManyRequests(usage.usageResetTimestamp ?? nextDay(this.clock.now()));
      const now = this.clock.now();
      const id = randomUUID();
      const mediaId = randomUUID();
      await tx.announcements.insertMedia({ id: mediaId, orgId, source: 'textToSpeech', created: now.toISOString() }, synthesise(text));
      const readyAt = new Date(now.getTime() + processingMs(text)).toISOString();
      await tx.announcements.insertTextToSpeech({ id, orgId, voice, text, languageCode, mediaId, created: now.toISOString(), readyAt });
      return encodeId('TEXT_TO_SPEECH', id);
    });
  }

  async status(orgId: string, publicId: string): Promise<TextToSpeechStatus> {
    const id = decodeId(publicId, 'TEXT_TO_SPEECH');
    const request = id && (await this.store.announcements.getTextToSpeech(orgId, id));
    if (!request) throw ttsNotFound();
    if (Date.parse(request.readyAt) > this.clock.now().getTime()) return { ...request, status: 'IN_PROGRESS' };
    return {
      ...request,
      status: 'SUCCESS',
      promptPath: this.media.signedDownload(orgId, request.mediaId),
      fileUri: fileUriOf(orgId, request.mediaId),
      kmsKeyUri: KMS_KEY_URI,
    };
  }

  /** Requests made today (UTC); the reset time is given once the limit is reached, as Webex does. */
  usage(orgId: string): Promise<TextToSpeechUsage> {
    return this.usageIn(this.store, orgId);
  }

  private async usageIn(store: Store, orgId: string): Promise<TextToSpeechUsage> {
    const now = this.clock.now();
    const dayStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())).toISOString();
    const { count } = await store.announcements.textToSpeechSince(orgId, dayStart);
    return {
      noOfApiCalls: count,
      maxAllowedApiCalls: MAX_DAILY_REQUESTS,
      ...(count >= MAX_DAILY_REQUESTS ? { usageResetTimestamp: nextDay(now) } : {}),
    };
  }
}

const nextDay = (now: Date) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1)).toISOString();

function checkRequest(body: { voice?: string; text?: string; languageCode?: string }) {
  const text = body.text?.trim();
  if (!text) throw badRequest('text is required: the words to turn into a prompt.');
  if (text.length > MAX_TEXT) throw badRequest(`text is longer than the ${MAX_TEXT} characters allowed.`);
  if (!body.languageCode) throw badRequest('languageCode is required, for example en_us.');
  const languageCode = body.languageCode.toLowerCase();
  const voice = VOICES.find((v) => v.id === body.voice?.toLowerCase());
  if (!voice) throw badRequest(`voice "${body.voice ?? ''}" is not one of ${VOICES.map((v) => v.id).join(', ')} (see List Text-to-Speech Voices).`);
  if (voice.languageCode !== languageCode) throw badRequest(`voice "${voice.id}" does not speak languageCode "${body.languageCode}".`);
  return { voice: voice.id, text, languageCode };
}

/** One tone per word (its pitch from its letters), silence between words; at least MIN_AUDIO_MS. */
export function synthesise(text: string): Buffer {
  const tones: Tone[] = [{ hz: 0, ms: 300 }];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const pitch = 300 + ([...word].reduce((sum, c) => sum + c.charCodeAt(0), 0) % 500);
    tones.push({ hz: pitch, ms: word.length * MS_PER_CHARACTER }, { hz: 0, ms: WORD_GAP_MS });
  }
  const spoken = tones.reduce((sum, t) => sum + t.ms, 0);
  tones.push({ hz: 0, ms: Math.max(300, MIN_AUDIO_MS - spoken) });
  return toneWav(tones);
}
