import { describe, expect, it } from 'vitest';
import { type Language } from '../../../shared/i18n/languages';
import { systemEvent } from '../../../shared/systemEvents';
import { createI18n } from './i18n';
import { systemLineText } from './systemEventText';

const words = async (language: Language) => (await createI18n(language, [language])).i18n.t;
const line = (event: ReturnType<typeof systemEvent>) => ({ body: 'English body', event });

describe('system line texts', () => {
  it('word an event in the agent’s language with the names it carries', async () => {
    const de = await words('de');
    expect(systemLineText(de, line(systemEvent('accepted', { agent: 'Bea Schmidt' })))).toBe('Bea Schmidt hat die Unterhaltung angenommen');
  });

  it('word an agent the backend could not name in the agent’s language, never in English', async () => {
    const de = await words('de');
    expect(systemLineText(de, line(systemEvent('accepted', { agent: null })))).toBe('Jemand hat die Unterhaltung angenommen');
    expect(systemLineText(de, line(systemEvent('transferredToAgent', { agent: 'Bea', to: null })))).toBe('Bea hat die Unterhaltung an jemanden weitergeleitet');
    expect(systemLineText(de, line(systemEvent('routed', { to: null })))).toBe('Durch automatische Verteilung an jemanden zugewiesen');
    const fr = await words('fr');
    expect(systemLineText(fr, line(systemEvent('reopened', { agent: null })))).toBe('Un conseiller a rouvert la conversation');
    const ar = await words('ar');
    expect(systemLineText(ar, line(systemEvent('accepted', { agent: null })))).toBe('قبِل أحد الموظفين المحادثة');
  });

  it('show the stored body for an event this build cannot word', async () => {
    const de = await words('de');
    expect(systemLineText(de, { body: 'Merged into another conversation', event: { code: 'merged', params: {} } })).toBe('Merged into another conversation');
    expect(systemLineText(de, { body: 'Alex resolved the conversation', event: { code: 'resolved', params: { agent: 'Alex' } } })).toBe('Alex resolved the conversation');
    expect(systemLineText(de, { body: 'Plain', event: null })).toBe('Plain');
  });
});
