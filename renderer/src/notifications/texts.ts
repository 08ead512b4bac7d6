// Text the core and the main process show on the renderer's behalf, in the agent's language:
// notification templates (the core fills in names and counts; it may notify while no window is
// open) and the desktop menu and tray labels. Placeholders pass through translation unchanged by
// giving each one itself as its value.
import type { TFunction } from 'i18next';
import { DESKTOP_LABEL_KEYS } from '../../../shared/desktop';
import { NOTIFICATION_TEXT_KEYS, type NotificationTexts } from '../../../shared/notifications';

const PLACEHOLDERS = Object.fromEntries(['contact', 'agent', 'preview', 'note', 'count'].map((name) => [name, `{{${name}}}`]));

/** The translation of `key` with its {{placeholders}} left in place. */
export function template(t: TFunction, key: string): string {
  return t(key, { ...PLACEHOLDERS, interpolation: { escapeValue: false } });
}

export function notificationTexts(t: TFunction, locale: string): NotificationTexts {
  const templates = Object.fromEntries(NOTIFICATION_TEXT_KEYS.map((key) => [key, template(t, `notifications.text.${key}`)]));
  return { ...(templates as NotificationTexts), locale };
}

export function desktopLabels(t: TFunction): Record<string, string> {
  return Object.fromEntries(DESKTOP_LABEL_KEYS.map((key) => [key, template(t, key)]));
}
