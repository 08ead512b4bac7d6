import { describe, expect, it } from 'vitest';
import { connectionLabel } from '../status/connectionLabel';
import { createI18n, formatLocaleFor, pickLanguage } from './i18n';
import { ar } from './locales/ar';
import { de } from './locales/de';
import { en } from './locales/en';
import { baseKeys } from './messages';

describe('language choice', () => {
  it('follows the first supported OS language, else English', () => {
    expect(pickLanguage(['de-AT', 'en-US'])).toBe('de');
    expect(pickLanguage(['fr-FR', 'ar-EG'])).toBe('ar');
    expect(pickLanguage(['fr-FR'])).toBe('en');
    expect(pickLanguage([])).toBe('en');
  });

  it('formats with the full locale when it matches the language', () => {
    expect(formatLocaleFor('en', ['en-GB', 'de-DE'])).toBe('en-GB');
    expect(formatLocaleFor('en', ['fr-FR'])).toBe('en');
  });

  it('lays Arabic out right to left', async () => {
    const setup = await createI18n(['ar-EG']);
    expect(setup.i18n.dir(setup.language)).toBe('rtl');
  });
});

describe('translations', () => {
  it('cover every English key in every locale', () => {
    const english = baseKeys(en);
    for (const locale of [de, ar]) expect([...english].filter((key) => !baseKeys(locale).has(key))).toEqual([]);
  });

  it('pluralise the offline count', async () => {
    const { i18n } = await createI18n(['en']);
    expect(connectionLabel({ status: 'offline', unsent: 3 }, i18n.t)).toBe('Offline — 3 messages waiting');
    expect(connectionLabel({ status: 'offline', unsent: 1 }, i18n.t)).toBe('Offline — 1 message waiting');
    expect(connectionLabel({ status: 'offline', unsent: 0 }, i18n.t)).toBe('Offline');
    expect(connectionLabel({ status: 'reconnecting', unsent: 2 }, i18n.t)).toBe('Reconnecting…');
    const german = await createI18n(['de']);
    expect(connectionLabel({ status: 'offline', unsent: 3 }, german.i18n.t)).toBe('Offline — 3 Nachrichten warten');
  });
});
