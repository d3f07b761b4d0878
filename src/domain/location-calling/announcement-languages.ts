// The languages Callplane offers for announcements and voice prompts (Read the List of
// Announcement Languages), in Webex's lower-case language_region codes. Settings that take an
// announcement language still accept any such code; this list is what a client offers its users.
// `tts`: whether text-to-speech prompts can be written in the language.

export type AnnouncementLanguage = { name: string; code: string; tts: boolean };

export const ANNOUNCEMENT_LANGUAGES: readonly AnnouncementLanguage[] = [
  { name: 'Chinese (China)', code: 'zh_cn', tts: true },
  { name: 'Chinese (Taiwan)', code: 'zh_tw', tts: false },
  { name: 'Danish', code: 'da_dk', tts: false },
  { name: 'Dutch', code: 'nl_nl', tts: true },
  { name: 'English', code: 'en_us', tts: true },
  { name: 'English (United Kingdom)', code: 'en_gb', tts: true },
  { name: 'French', code: 'fr_fr', tts: true },
  { name: 'French (Canada)', code: 'fr_ca', tts: true },
  { name: 'German', code: 'de_de', tts: true },
  { name: 'Italian', code: 'it_it', tts: true },
  { name: 'Japanese', code: 'ja_jp', tts: true },
  { name: 'Korean', code: 'ko_kr', tts: false },
  { name: 'Norwegian', code: 'nb_no', tts: false },
  { name: 'Polish', code: 'pl_pl', tts: false },
  { name: 'Portuguese', code: 'pt_pt', tts: false },
  { name: 'Portuguese (Brazil)', code: 'pt_br', tts: true },
  { name: 'Russian', code: 'ru_ru', tts: false },
  { name: 'Spanish', code: 'es_es', tts: true },
  { name: 'Spanish (Latin America)', code: 'es_co', tts: true },
  { name: 'Swedish', code: 'sv_se', tts: false },
  { name: 'Turkish', code: 'tr_tr', tts: false },
];

/** The languages, all of them or (ttsLanguage given) only those with or without text-to-speech. */
export function announcementLanguages(ttsLanguage: boolean | undefined): AnnouncementLanguage[] {
  return ANNOUNCEMENT_LANGUAGES.filter((l) => ttsLanguage === undefined || l.tts === ttsLanguage);
}
