import { describe, expect, it } from 'vitest';
import { DEFAULT_NOTIFICATION_SETTINGS, ENGLISH_NOTIFICATION_TEXTS, notificationTextsSchema, type NotificationTexts } from '../../../shared/notifications';
import { toNotification, type Names } from './text';

const names: Names = {
  contact: (id) => ({ c1: 'Ann Lee', c2: 'Bo Chen', c3: 'Cy Diaz' })[id] ?? '?',
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
    expect(notify(german, { type: 'group', id: 'g', count: 1234 }).body).toBe('Neue Benachrichtigungen: 1.234');
  });

  it('uses English when the templates name no language (before a window has sent any)', () => {
    expect(notify(ENGLISH_NOTIFICATION_TEXTS, { type: 'group', id: 'g', count: 1234 }).body).toBe('New notifications: 1,234. Open Agent Desk to see them.');
    expect(notify(ENGLISH_NOTIFICATION_TEXTS, { type: 'reminder', id: 'r', conversationIds: ['c1', 'c2'] }).body).toBe('Not accepted yet: Ann Lee and Bo Chen.');
  });

  it('refuses a language tag that is not one', () => {
    expect(notificationTextsSchema.safeParse({ ...ENGLISH_NOTIFICATION_TEXTS, locale: 'pt-BR' }).success).toBe(true);
    expect(notificationTextsSchema.safeParse({ ...ENGLISH_NOTIFICATION_TEXTS, locale: 'x; DROP' }).success).toBe(false);
  });
});
