// The templates the renderer sends the core, as the core fills them in: the summary of a live
// burst reads as such in every language, with its count written the way that language writes it.
import { describe, expect, it } from 'vitest';
import { fillTemplate } from '../../../shared/notifications';
import { LANGUAGES } from '../../../shared/i18n/languages';
import { createI18n } from '../i18n/i18n';
import { notificationTexts } from './texts';

const EXPECTED = {
  en: ['More new notifications', 'Not shown one by one: 1,097. Open Agent Desk to see them.'],
  de: ['Weitere neue Benachrichtigungen', 'Nicht einzeln angezeigt: 1.097. Öffne Agent Desk, um sie zu sehen.'],
  es: ['Más notificaciones nuevas', 'No mostradas una por una: 1097. Abre Agent Desk para verlas.'],
  fr: ['Autres nouvelles notifications', 'Non affichées une par une : 1\u202f097. Ouvrez Agent Desk pour les voir.'],
  'pt-BR': ['Mais notificações novas', 'Não mostradas uma a uma: 1.097. Abra o Agent Desk para vê-las.'],
  ar: ['مزيد من الإشعارات الجديدة', 'لم تُعرض واحدًا تلو الآخر: 1,097. افتح Agent Desk للاطلاع عليها.'],
} as const;

describe('notification templates', () => {
  it.each(LANGUAGES)('word a burst summary apart from a catch-up in %s', async (language) => {
    const { i18n } = await createI18n(language, [language]);
    const texts = notificationTexts(i18n.t, language);
    const count = new Intl.NumberFormat(texts.locale).format(1097);
    expect([texts.burstTitle, fillTemplate(texts.burstBody, { count })]).toEqual(EXPECTED[language]);
    expect(texts.burstTitle).not.toBe(texts.catchUpTitle);
  });
});
