import { describe, expect, it } from 'vitest';
import { DEFAULT_NOTIFICATION_SETTINGS, ENGLISH_NOTIFICATION_TEXTS, notificationTextsSchema, type NotificationTexts } from '../../../shared/notifications';
import { toNotification, type Names } from './text';

const names: Names = {
  contact: (id) => ({ c1: 'Ann Lee', c2: 'Bo Chen', c3: 'Cy Diaz', c4: 'Di Ng' })[id] ?? '?',
  agent: () => 'Alex',
};
const arabic: NotificationTexts = {
  ...ENGLISH_NOTIFICATION_TEXTS,
  reminderBody: '{{contact}} لم يُقبل بعد',
  locale: 'ar',
};
const notify = (texts: NotificationTexts, outgoing: Parameters<typeof toNotification>[0]) =>
  toNotification(outgoing, texts, names, DEFAULT_NOTIFICATION_SETTINGS);

describe('notification text', () => {
  it('writes counts and lists of names in the language of the templates, as the app does', () => {
    expect(notify(arabic, { type: 'reminder', id: 'r', conversationIds: ['c1', 'c2', 'c3'] }).body).toBe('Ann Lee وBo Chen وCy Diaz لم يُقبل بعد');
    const german = { ...ENGLISH_NOTIFICATION_TEXTS, catchUpBody: 'Neue Benachrichtigungen: {{count}}', locale: 'de' };
    expect(notify(german, { type: 'group', id: 'g', count: 1234, cause: 'catchUp' }).body).toBe('Neue Benachrichtigungen: 1.234');
  });

  it('uses English when the templates name no language (before a window has sent any)', () => {
    expect(notify(ENGLISH_NOTIFICATION_TEXTS, { type: 'group', id: 'g', count: 1234, cause: 'catchUp' }).body).toBe('New notifications: 1,234. Open Agent Desk to see them.');
    expect(notify(ENGLISH_NOTIFICATION_TEXTS, { type: 'reminder', id: 'r', conversationIds: ['c1', 'c2'] }).body).toBe('Not accepted yet: Ann Lee and Bo Chen.');
  });

  it('words the summary of a live burst as such, not as a catch-up after being offline', () => {
    const summary = notify({ ...ENGLISH_NOTIFICATION_TEXTS, locale: 'de' }, { type: 'group', id: 'burst:1', count: 1097, cause: 'burst' });
    expect(summary).toEqual({
      id: 'burst:1',
      kind: 'burst',
      conversationId: null,
      title: 'More new notifications',
      body: 'Not shown one by one: 1.097. Open Agent Desk to see them.',
      sound: 'chime',
    });
  });

  it('names a few customers in a reminder and counts the rest', () => {
    const many = { type: 'reminder' as const, id: 'r', conversationIds: ['c1', 'c2', 'c3', ...Array.from({ length: 1200 }, (_, i) => `x${i}`)] };
    expect(notify(ENGLISH_NOTIFICATION_TEXTS, many).body).toBe('Not accepted yet: Ann Lee, Bo Chen, Cy Diaz, and 1,200 more.');
    const german = { ...ENGLISH_NOTIFICATION_TEXTS, reminderBody: 'Noch nicht angenommen: {{contact}}.', reminderMore: '{{count}} weitere', locale: 'de' };
    expect(notify(german, many).body).toBe('Noch nicht angenommen: Ann Lee, Bo Chen, Cy Diaz und 1.200 weitere.');
    // One more than the names shown is named rather than counted as "1 more".
    expect(notify(ENGLISH_NOTIFICATION_TEXTS, { type: 'reminder', id: 'r', conversationIds: ['c1', 'c2', 'c3', 'c4'] }).body).toBe(
      'Not accepted yet: Ann Lee, Bo Chen, Cy Diaz, and Di Ng.',
    );
  });

  it('refuses a language tag that is not one', () => {
    expect(notificationTextsSchema.safeParse({ ...ENGLISH_NOTIFICATION_TEXTS, locale: 'pt-BR' }).success).toBe(true);
    expect(notificationTextsSchema.safeParse({ ...ENGLISH_NOTIFICATION_TEXTS, locale: 'x; DROP' }).success).toBe(false);
  });
});
