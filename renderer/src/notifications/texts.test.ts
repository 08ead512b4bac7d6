// The templates the renderer sends the core, as the core fills them in: the summary of a live
// burst reads as such in every language, and so does a reminder that counts the customers it does
// not name, with counts written the way that language writes them.
import { describe, expect, it } from 'vitest';
import { fillTemplate, listOfNames } from '../../../shared/notifications';
import { LANGUAGES } from '../../../shared/i18n/languages';
import { createI18n } from '../i18n/i18n';
import { notificationTexts } from './texts';

const REMINDERS = {
  en: 'Not accepted yet: Ann Lee, Bo Chen, Cy Diaz, and 1,097 more.',
  de: 'Noch nicht angenommen: Ann Lee, Bo Chen, Cy Diaz und 1.097 weitere.',
  es: 'Aún sin aceptar: Ann Lee, Bo Chen, Cy Diaz y 1097 más.',
  fr: 'En attente de prise en charge : Ann Lee, Bo Chen, Cy Diaz et 1\u202f097 autres.',
  'pt-BR': 'Ainda sem aceite: Ann Lee, Bo Chen, Cy Diaz e mais 1.097.',
  ar: 'لم يقبل أحد المحادثة مع Ann Lee وBo Chen وCy Diaz و1,097 آخرين بعد.',
} as const;

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

  it.each(LANGUAGES)('count the customers a reminder does not name in %s', async (language) => {
    const { i18n } = await createI18n(language, [language]);
    const texts = notificationTexts(i18n.t, language);
    const contact = listOfNames(['Ann Lee', 'Bo Chen', 'Cy Diaz'], 1097, texts);
    expect(fillTemplate(texts.reminderBody, { contact })).toBe(REMINDERS[language]);
  });
});
