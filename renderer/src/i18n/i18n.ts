// The desktop app's language setup: the shared i18next configuration with the app's catalogs and
// the React binding. The language comes from the agent's choice in Settings, else from the OS.
import type { i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { createI18nInstance } from '../../../shared/i18n/instance';
import { directionOf, formatLocaleFor, type Language } from '../../../shared/i18n/languages';
import { resources } from './locales';

export interface LocaleSetup {
  i18n: I18n;
  language: Language;
  /** BCP 47 tag for Intl formatting. */
  locale: string;
}

export async function createI18n(language: Language, preferred: readonly string[]): Promise<LocaleSetup> {
  const i18n = await createI18nInstance(resources, language, [initReactI18next]);
  return { i18n, language, locale: formatLocaleFor(language, preferred) };
}

/** Sets `lang` and `dir` on <html> so the browser lays Arabic out right to left. */
export function applyDocumentLanguage(doc: Document, language: Language): void {
  doc.documentElement.lang = language;
  doc.documentElement.dir = directionOf(language);
}
