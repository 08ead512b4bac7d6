import { describe, expect, it } from 'vitest';
import { SETTINGS_DEFAULTS } from '../../../shared/settings';
import type { AppInfo } from '../../../shared/ipc/contract';
import { fakeDesk } from '../test/fakeDesk';
import { startLanguage } from './startLanguage';

const info = (systemLocales: string[]): AppInfo => ({ version: '1', mode: 'electron', defaultServerUrl: 'http://127.0.0.1:1', systemLocales });

describe('the language the app starts in', () => {
  it('is the one saved in Settings', async () => {
    const desk = fakeDesk({ 'app.info': async () => info(['en-US']), 'settings.get': async () => ({ ...SETTINGS_DEFAULTS, language: 'de' }) });
    expect(await startLanguage(desk.api, ['fr-FR'])).toEqual({ language: 'de', systemLocales: ['en-US'] });
  });

  it('follows the OS languages the core reports, else the browser’s', async () => {
    const electron = fakeDesk({ 'app.info': async () => info(['ar-EG', 'en-US']), 'settings.get': async () => SETTINGS_DEFAULTS });
    expect(await startLanguage(electron.api, ['fr-FR'])).toEqual({ language: 'ar', systemLocales: ['ar-EG', 'en-US'] });
    const host = fakeDesk({ 'app.info': async () => info([]), 'settings.get': async () => SETTINGS_DEFAULTS });
    expect(await startLanguage(host.api, ['pt-BR', 'en'])).toEqual({ language: 'pt-BR', systemLocales: ['pt-BR', 'en'] });
  });

  it('falls back to the browser’s languages when the core fails or does not answer', async () => {
    const failing = fakeDesk({});
    expect(await startLanguage(failing.api, ['es-MX'])).toEqual({ language: 'es', systemLocales: ['es-MX'] });
    const silent = fakeDesk({ 'app.info': () => new Promise(() => undefined), 'settings.get': () => new Promise(() => undefined) });
    expect(await startLanguage(silent.api, ['fr-CA'], 20)).toEqual({ language: 'fr', systemLocales: ['fr-CA'] });
    expect(await startLanguage(null, ['de-DE'])).toEqual({ language: 'de', systemLocales: ['de-DE'] });
  });
});
