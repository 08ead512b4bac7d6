import { describe, expect, it } from 'vitest';
import { baseKeys } from '../../../shared/i18n/catalog';
import { LANGUAGES, type Language } from '../../../shared/i18n/languages';
import { DeskError, toIpcError } from '../../../shared/ipc/result';
import { reason, REASON_CODES } from '../../../shared/reasons';
import { DeskCallError } from '../api/call';
import { createI18n } from './i18n';
import { resources } from './locales';
import { errorText, noticeText, reasonText } from './reasonText';

const words = async (language: Language) => {
  const { i18n, locale } = await createI18n(language, [language]);
  return { t: i18n.t, locale };
};
const callError = (e: DeskError) => new DeskCallError(toIpcError(e));

describe('reason texts', () => {
  it('has a text for every reason code in every language', () => {
    for (const language of LANGUAGES) {
      const keys = baseKeys(resources[language]);
      expect(REASON_CODES.filter((code) => !keys.has(`reasons.${code}`)), language).toEqual([]);
    }
  });

  it('words a refusal in the agent’s language with its parameters', async () => {
    const { t, locale } = await words('de');
    expect(reasonText(t, locale, reason('alreadyAccepted', { agent: 'Bea Schmidt' }))).toBe('Bea Schmidt hat diese Unterhaltung bereits angenommen.');
    // Statuses and channels are translated, sizes formatted in the agent's locale.
    expect(reasonText(t, locale, reason('closedForWriting', { status: 'resolved' }))).toContain('„Gelöst“');
    expect(reasonText(t, locale, reason('contactNoPhone', { contact: 'Rosa', channel: 'whatsapp' }))).toBe('Rosa hat keine Telefonnummer für WhatsApp.');
    expect(reasonText(t, locale, reason('fileTooLarge', { name: 'a.pdf', size: 12.5 * 1024 * 1024, limit: 10 * 1024 * 1024 }))).toBe(
      'a.pdf ist 12,5 MB groß; die Grenze für diesen Typ ist 10 MB.',
    );
  });

  it('picks each language’s plural form for counts', async () => {
    const ar = await words('ar');
    const counts = [1, 2, 3, 11].map((count) => reasonText(ar.t, ar.locale, reason('unsentMessages', { count })));
    expect(counts).toEqual(['لم تُرسَل رسالة واحدة بعد.', 'لم تُرسَل رسالتان بعد.', 'لم تُرسَل 3 رسائل بعد.', 'لم تُرسَل 11 رسالة بعد.']);
    const es = await words('es');
    expect(reasonText(es.t, es.locale, reason('tooManyTags', { count: 1 }))).toBe('Una conversación tiene como máximo 1 etiqueta.');
  });

  it('never shows the English message: an unknown code or bad parameters fall back to the error code’s text', async () => {
    const { t, locale } = await words('fr');
    expect(reasonText(t, locale, { code: 'fromANewerServer', params: {} })).toBeNull();
    expect(reasonText(t, locale, { code: 'alreadyAccepted', params: { agent: 3 } })).toBeNull();
    const unknown = callError(new DeskError('rejected', 'Something in English.', { code: 'fromANewerServer', params: {} }));
    expect(errorText(t, locale, unknown)).toBe(t('errors.rejected'));
    expect(errorText(t, locale, callError(new DeskError('unreachable', 'Offline, in English.')))).toBe(t('errors.unreachable'));
    expect(errorText(t, locale, new Error('boom'))).toBe(t('errors.internal'));
    const known = callError(new DeskError('rejected', 'Only the author can edit this message.', reason('onlyAuthorEdit')));
    expect(errorText(t, locale, known)).toBe('Seul l’auteur peut modifier ce message.');
  });

  it('words core notices, with the server’s reason inside the retry text', async () => {
    const { t, locale } = await words('de');
    const sendFailed = noticeText(t, locale, { kind: 'sendFailed', subject: 'message', message: 'English', reason: reason('whatsappWindowClosed') });
    expect(sendFailed.title).toBe('Eine Nachricht konnte nicht gesendet werden');
    expect(sendFailed.detail).toMatch(/^Das 24-Stunden-Fenster von WhatsApp ist geschlossen .* Du kannst es erneut versuchen oder verwerfen\.$/);
    expect(noticeText(t, locale, { kind: 'sendFailed', subject: 'change', message: 'English' })).toEqual({
      title: 'Eine Änderung konnte nicht gespeichert werden',
      detail: 'Der Server hat es abgelehnt. Du kannst es erneut versuchen oder verwerfen.',
    });
    expect(noticeText(t, locale, { kind: 'mustRefetch', message: 'English', reason: reason('mustRefetch') }).detail).toMatch(/^Die App war länger offline/);
  });
});
