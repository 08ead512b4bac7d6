import { describe, expect, it } from 'vitest';
import { directionOf, formatLocaleFor, languageName, matchLanguage, pickLanguage } from './languages';

describe('language choice', () => {
  it('matches tags by exact language, then by base language', () => {
    expect(matchLanguage('pt-BR')).toBe('pt-BR');
    expect(matchLanguage('pt_PT')).toBe('pt-BR');
    expect(matchLanguage('es-419')).toBe('es');
    expect(matchLanguage('DE-at')).toBe('de');
    expect(matchLanguage('ja-JP')).toBeNull();
  });

  it('follows the first supported preferred language, else English', () => {
    expect(pickLanguage(['de-AT', 'en-US'])).toBe('de');
    expect(pickLanguage(['ja-JP', 'ar-EG'])).toBe('ar');
    expect(pickLanguage(['ja-JP'])).toBe('en');
    expect(pickLanguage([])).toBe('en');
  });

  it('formats with the regional tag when it is the same language', () => {
    expect(formatLocaleFor('en', ['en-GB', 'de-DE'])).toBe('en-GB');
    expect(formatLocaleFor('de', ['en-GB', 'de-CH'])).toBe('de-CH');
    expect(formatLocaleFor('en', ['fr-FR'])).toBe('en');
    expect(formatLocaleFor('pt-BR', ['pt-PT'])).toBe('pt-PT');
  });

  it('lays Arabic out right to left and the rest left to right', () => {
    expect(directionOf('ar')).toBe('rtl');
    expect(directionOf('de')).toBe('ltr');
  });

  it('names each language in itself', () => {
    expect(languageName('de')).toBe('Deutsch');
    expect(languageName('fr')).toBe('Français');
    expect(languageName('ar')).toBe('العربية');
  });
});
