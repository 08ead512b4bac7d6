// The portal speaks the customer's browser language when it has it, English otherwise, through
// i18next like the console; Arabic lays the page out right to left.
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { resources } from './locales';

export type PortalLanguage = keyof typeof resources;

export interface PortalI18n {
  i18n: I18n;
  language: PortalLanguage;
  /** BCP 47 tag for Intl formatting (the browser's own tag when it is in the chosen language). */
  locale: string;
}

export async function createPortalI18n(preferred: readonly string[]): Promise<PortalI18n> {
  const supported = Object.keys(resources) as PortalLanguage[];
  const match = (tag: string) => supported.find((language) => tag === language || tag.toLowerCase().startsWith(`${language.toLowerCase()}-`));
  const locale = preferred.find((tag) => match(tag) !== undefined) ?? 'en';
  const language = match(locale) ?? 'en';
  const i18n = i18next.createInstance();
  await i18n.use(initReactI18next).init({
    resources: Object.fromEntries(supported.map((l) => [l, { translation: resources[l] }])),
    lng: language,
    fallbackLng: 'en',
    // pt-BR stays whole; nothing tries to load "pt".
    load: 'currentOnly',
    // React escapes text itself.
    interpolation: { escapeValue: false },
  });
  return { i18n, language, locale };
}
