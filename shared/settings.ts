// The agent's preferences on this device, stored by the core (so they survive a rebuilt cache and a
// restart) and edited in the Settings dialog. Each setting is one field with its own schema and
// default: add a field here, and it is validated, stored and defaulted everywhere.
import { z } from 'zod';
import { DEFAULT_NOTIFICATION_SETTINGS, notificationSettingsSchema } from './notifications';
import { LANGUAGE_CHOICES } from './i18n/languages';

export const SEND_KEYS = ['enter', 'modEnter'] as const;
export type SendKey = (typeof SEND_KEYS)[number];

export const settingsFields = {
  /** Enter sends (Shift+Enter: new line), or Ctrl/Cmd+Enter sends (Enter: new line). */
  sendKey: z.enum(SEND_KEYS),
  /** Sections of the customer panel the agent keeps open. */
  customerSections: z.array(z.string().min(1).max(40)).max(20),
  /** The customer panel is folded away (it also folds itself on narrow windows). */
  customerPanelCollapsed: z.boolean(),
  /** Which events notify, the sound, do not disturb and queue reminders (shared/notifications.ts). */
  notifications: notificationSettingsSchema,
  /** The UI language, or 'system' to follow the OS. */
  language: z.enum(LANGUAGE_CHOICES),
} as const;

export const settingsSchema = z.object(settingsFields);
export type Settings = z.infer<typeof settingsSchema>;
export type SettingName = keyof Settings;

export const SETTINGS_DEFAULTS: Settings = {
  sendKey: 'enter',
  customerSections: ['linked', 'conversations'],
  customerPanelCollapsed: false,
  notifications: DEFAULT_NOTIFICATION_SETTINGS,
  language: 'system',
};

/** A change to some settings; unknown names are refused. */
export const settingsPatchSchema = settingsSchema.partial().strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

/**
 * Settings from stored values: a value that no longer fits its schema (written by another
 * version) falls back to its default instead of failing the whole read.
 */
export function readSettings(stored: Readonly<Record<string, unknown>>): Settings {
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(settingsFields) as SettingName[]) {
    const parsed = settingsFields[name].safeParse(stored[name]);
    out[name] = parsed.success ? parsed.data : SETTINGS_DEFAULTS[name];
  }
  return out as Settings;
}
