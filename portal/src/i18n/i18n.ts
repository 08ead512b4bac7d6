// The portal speaks the customer's browser language when it has it, English otherwise: the same
// languages, matching, i18next setup and direction rules as the console (shared/i18n), with the
// portal's own catalogs.
import type { i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { createI18nInstance } from '../../../shared/i18n/instance';
import { directionOf, formatLocaleFor, pickLanguage, type Direction, type Language } from '../../../shared/i18n/languages';
import { resources } from './locales';

export interface PortalI18n {
  i18n: I18n;
  language: Language;
  direction: Direction;
  /** BCP 47 tag for Intl formatting (the browser's own tag when it is in the chosen language). */
  locale: string;
}

export async function createPortalI18n(preferred: readonly string[]): Promise<PortalI18n> {
  const language = pickLanguage(preferred);
  const i18n = await createI18nInstance(resources, language, [initReactI18next]);
  return { i18n, language, direction: directionOf(language), locale: formatLocaleFor(language, preferred) };
}
