import { describe, expect, it } from 'vitest';
import { checkCatalogs } from '../../../shared/i18n/catalog';
import { connectionLabel } from '../status/connectionLabel';
import { applyDocumentLanguage, createI18n } from './i18n';
import { resources } from './locales';

describe('desktop catalogs', () => {
  it('are complete in every language, with each language’s plural forms', () => {
    expect(checkCatalogs(resources)).toEqual([]);
  });
});

describe('language setup', () => {
  it('formats with the agent’s regional locale', async () => {
    expect((await createI18n('en', ['en-GB'])).locale).toBe('en-GB');
    expect((await createI18n('de', ['en-GB'])).locale).toBe('de');
  });

  it('marks the document’s language and direction', () => {
    applyDocumentLanguage(document, 'ar');
    expect([document.documentElement.lang, document.documentElement.dir]).toEqual(['ar', 'rtl']);
    applyDocumentLanguage(document, 'pt-BR');
    expect([document.documentElement.lang, document.documentElement.dir]).toEqual(['pt-BR', 'ltr']);
  });
});

describe('plural forms', () => {
  const waiting = async (language: Parameters<typeof createI18n>[0], counts: number[]) => {
    const { i18n } = await createI18n(language, [language]);
    return counts.map((unsent) => connectionLabel({ status: 'offline', unsent, failed: 0 }, i18n.t));
  };

  it('follow each language’s rules', async () => {
    expect(await waiting('en', [0, 1, 3])).toEqual(['Offline', 'Offline — 1 message waiting', 'Offline — 3 messages waiting']);
    expect(await waiting('de', [1, 3])).toEqual(['Offline — 1 Nachricht wartet', 'Offline — 3 Nachrichten warten']);
    expect(await waiting('fr', [1, 2, 1_000_000])).toEqual([
      'Hors ligne — 1 message en attente',
      'Hors ligne — 2 messages en attente',
      'Hors ligne — 1\u202f000\u202f000 de messages en attente',
    ]);
    expect(await waiting('ar', [1, 2, 3, 11, 100])).toEqual([
      'غير متصل — رسالة واحدة بانتظار الإرسال',
      'غير متصل — رسالتان بانتظار الإرسال',
      'غير متصل — 3 رسائل بانتظار الإرسال',
      'غير متصل — 11 رسالة بانتظار الإرسال',
      'غير متصل — 100 رسالة بانتظار الإرسال',
    ]);
  });

  it('fall back to English for a missing key rather than showing the key', async () => {
    const { i18n } = await createI18n('pt-BR', ['pt-BR']);
    expect(i18n.t('connection.online')).toBe('On-line');
    expect(i18n.language).toBe('pt-BR');
  });
});
