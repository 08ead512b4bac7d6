// Language setup: the UI language follows the OS/browser locale, falling back to English. Dates and
// numbers use the agent's full locale (en-GB writes "15 Mar", en-US "Mar 15") when it matches the
// UI language.
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { ar } from './locales/ar';
import { de } from './locales/de';
import { en } from './locales/en';

export const LANGUAGES = ['en', 'de', 'ar'] as const;
export type Language = (typeof LANGUAGES)[number];

const baseOf = (tag: string) => tag.toLowerCase().split('-')[0] ?? '';
const isLanguage = (value: string): value is Language => (LANGUAGES as readonly string[]).includes(value);

export function pickLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const base = baseOf(tag);
    if (isLanguage(base)) return base;
  }
  return 'en';
}

export function formatLocaleFor(language: Language, preferred: readonly string[]): string {
  return preferred.find((tag) => baseOf(tag) === language) ?? language;
}

export interface LocaleSetup {
  i18n: I18n;
  language: Language;
  /** BCP 47 tag for Intl formatting. */
  locale: string;
}

export async function createI18n(preferred: readonly string[]): Promise<LocaleSetup> {
  const language = pickLanguage(preferred);
  const i18n = i18next.createInstance();
  await i18n.use(initReactI18next).init({
    resources: { en: { translation: en }, de: { translation: de }, ar: { translation: ar } },
    lng: language,
    fallbackLng: 'en',
    // React escapes text; escaping here too would show entities to the agent.
    interpolation: { escapeValue: false },
  });
  return { i18n, language, locale: formatLocaleFor(language, preferred) };
}

/** Sets `lang` and `dir` on <html> so the browser lays Arabic out right to left. */
export function applyDocumentLanguage(doc: Document, setup: LocaleSetup): void {
  doc.documentElement.lang = setup.language;
  doc.documentElement.dir = setup.i18n.dir(setup.language);
}
