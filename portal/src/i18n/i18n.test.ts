import { describe, expect, it } from 'vitest';
import { createPortalI18n } from './i18n';

describe('portal languages', () => {
  it('follows the first browser language it has, else English', async () => {
    expect((await createPortalI18n(['es-MX', 'en'])).language).toBe('es');
    expect((await createPortalI18n(['pt-BR'])).language).toBe('pt-BR');
    expect((await createPortalI18n(['ja-JP'])).language).toBe('en');
    expect((await createPortalI18n(['de-AT'])).locale).toBe('de-AT');
    // The only Portuguese there is, as in the console.
    expect((await createPortalI18n(['pt-PT'])).language).toBe('pt-BR');
  });

  it('translates, pluralises and lays Arabic out right to left', async () => {
    const { i18n } = await createPortalI18n(['fr-FR']);
    expect(i18n.t('compose.title')).toBe('Besoin d’aide ?');
    const arabic = await createPortalI18n(['ar']);
    expect(arabic.direction).toBe('rtl');
    expect((await createPortalI18n(['fr-CA'])).direction).toBe('ltr');
    expect(arabic.i18n.t('messages.unread', { count: 2 })).toBe('رسالتان غير مقروءتين');
  });
});
