import type { Bilingual } from '../api/monitoring-types';
import type { Language } from '../i18n/context';

/** The API's bilingual texts (assessment reasons, notes) in the language on screen. */
export const pick = (text: Bilingual, lang: Language): string => (lang === 'en' ? text.en : text.zh);
