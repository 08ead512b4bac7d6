// One i18next setup for every UI bundle (the desktop renderer, the customer portal): the same
// languages, fallback and interpolation rules. Each bundle brings its own catalogs and, for React,
// its binding plugin.
import i18next, { type FormatterModule, type i18n as I18n, type Module } from 'i18next';
import type { Messages } from './catalog';
import { formatterFor } from './format';
import type { Language } from './languages';

export type Catalogs = Record<Language, Messages>;

/**
 * Interpolated numbers ("{{count}} messages") in the language's digits and grouping, like every
 * other number on screen. Named i18next formats are not used: formatting lives in ./format.
 */
const localeNumbers: FormatterModule = {
  type: 'formatter',
  init: () => undefined,
  add: () => {
    throw new Error('Format values with shared/i18n/format before interpolating them.');
  },
  addCached: () => {
    throw new Error('Format values with shared/i18n/format before interpolating them.');
  },
  format: (value: unknown, _format, lng) => (typeof value === 'number' ? formatterFor(lng ?? 'en').number(value) : (value as string)),
};

export async function createI18nInstance(catalogs: Catalogs, language: Language, plugins: readonly Module[] = []): Promise<I18n> {
  const i18n = i18next.createInstance().use(localeNumbers);
  for (const plugin of plugins) i18n.use(plugin);
  await i18n.init({
    resources: Object.fromEntries(Object.entries(catalogs).map(([lng, translation]) => [lng, { translation }])),
    lng: language,
    fallbackLng: 'en',
    // Region-qualified codes like pt-BR stay whole; nothing tries to load "pt".
    load: 'currentOnly',
    // React (and the portal's renderer) escape text; escaping here too would show entities.
    interpolation: { escapeValue: false, alwaysFormat: true },
  });
  return i18n;
}
