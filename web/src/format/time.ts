import type { Language } from '../i18n/context';

/** A moment the API gives (ISO 8601) as local date and time on a 24-hour clock, in the language on screen. */
export const formatTime = (iso: string, lang: Language): string =>
  new Date(iso).toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN', { hour12: false });
