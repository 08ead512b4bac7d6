// The agent's preferences, kept in the outbox file's key/value table: like unsent work they belong
// to the agent on this device and must survive a rebuilt cache.
import { ENGLISH_NOTIFICATION_TEXTS, notificationTextsSchema, type NotificationTexts } from '../../../shared/notifications';
import { parseJsonAs } from '../../../shared/parseJson';
import { readSettings, type Settings, type SettingsPatch } from '../../../shared/settings';
import type { Meta } from '../cache/meta';

const KEY = 'settings';
const NOTIFICATION_TEXTS_KEY = 'notification_texts';

export function loadSettings(meta: Meta): Settings {
  const raw = meta.get(KEY);
  if (raw === null) return readSettings({});
  try {
    const stored: unknown = JSON.parse(raw);
    return readSettings(stored && typeof stored === 'object' ? (stored as Record<string, unknown>) : {});
  } catch {
    return readSettings({});
  }
}

/** Applies a validated patch and returns the settings as now stored. */
export function updateSettings(meta: Meta, patch: SettingsPatch): Settings {
  const next = { ...loadSettings(meta), ...patch };
  meta.set(KEY, JSON.stringify(next));
  return next;
}

/**
 * The notification templates in the agent's language as a window last sent them; null before any.
 * Templates an older version saved lack the keys added since: those are English until a window
 * sends them, the rest stay in the agent's language.
 */
export function loadNotificationTexts(meta: Meta): NotificationTexts | null {
  const raw = meta.get(NOTIFICATION_TEXTS_KEY);
  const stored = raw === null ? null : parseJsonAs(notificationTextsSchema.partial(), raw);
  return stored === null ? null : { ...ENGLISH_NOTIFICATION_TEXTS, ...stored };
}

export function saveNotificationTexts(meta: Meta, texts: NotificationTexts): void {
  meta.set(NOTIFICATION_TEXTS_KEY, JSON.stringify(texts));
}
