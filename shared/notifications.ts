// Notification settings and the notification as it crosses from the core to the renderer and the
// OS. The core decides what notifies (main/core/notifications/); the text comes from templates the
// renderer supplies in the agent's language, so a native notification shown by the main process
// is translated like the rest of the UI.
import { z } from 'zod';

/** Events that can notify, each with its own on/off preference. */
export const NOTIFY_KINDS = ['assigned', 'queued', 'message', 'mention', 'transfer'] as const;
export type NotifyKind = (typeof NOTIFY_KINDS)[number];

/** Sounds shipped with the app (renderer/public/sounds/<name>.wav). */
export const NOTIFICATION_SOUNDS = ['chime', 'ding', 'knock'] as const;
export const notificationSoundSchema = z.enum([...NOTIFICATION_SOUNDS, 'none']);
export type NotificationSound = z.infer<typeof notificationSoundSchema>;

/** "HH:MM", 24-hour clock, local time. */
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use HH:MM (24-hour clock).');

export const DND_MODES = ['off', 'on', 'scheduled'] as const;

export const REMINDER_MIN_SECONDS = 15;
export const REMINDER_MAX_SECONDS = 3_600;

export const notificationSettingsSchema = z.object({
  kinds: z.object({
    assigned: z.boolean(),
    queued: z.boolean(),
    message: z.boolean(),
    mention: z.boolean(),
    transfer: z.boolean(),
  }),
  sound: notificationSoundSchema,
  /** Do not disturb: always, never, or daily between `start` and `end` (may wrap past midnight). */
  dnd: z.object({ mode: z.enum(DND_MODES), start: clockTime, end: clockTime }),
  /** Repeats a reminder while a queued conversation has not been accepted for `afterSeconds`. */
  reminder: z.object({
    enabled: z.boolean(),
    afterSeconds: z.number().int().min(REMINDER_MIN_SECONDS).max(REMINDER_MAX_SECONDS),
  }),
});
export type NotificationSettings = z.infer<typeof notificationSettingsSchema>;

export const DEFAULT_NOTIFICATION_SETTINGS: NotificationSettings = {
  kinds: { assigned: true, queued: true, message: true, mention: true, transfer: true },
  sound: 'chime',
  dnd: { mode: 'off', start: '22:00', end: '07:00' },
  reminder: { enabled: true, afterSeconds: 60 },
};

/**
 * What a notification is about; `catchUp` groups what arrived while the app was offline, `burst`
 * what arrived live beyond the few told one by one in a short time.
 */
export type NotificationKind = NotifyKind | 'catchUp' | 'burst' | 'reminder' | 'test';

export interface DeskNotification {
  /** Stable per event: the same event never notifies twice. */
  id: string;
  kind: NotificationKind;
  /** The conversation a click opens; null for grouped notifications. */
  conversationId: string | null;
  title: string;
  body: string;
  /** The sound to play, null when silent. */
  sound: NotificationSound | null;
}

/**
 * Templates the renderer supplies (translated); `{{name}}` placeholders are filled by the core.
 * Placeholders: contact, agent, preview, note, count.
 */
export const NOTIFICATION_TEXT_KEYS = [
  'assignedTitle',
  'assignedBody',
  'queuedTitle',
  'queuedBody',
  'messageTitle',
  'mentionTitle',
  'transferTitle',
  'transferBody',
  'transferBodyWithNote',
  'catchUpTitle',
  'catchUpBody',
  'burstTitle',
  'burstBody',
  'reminderTitle',
  'reminderBody',
  'reminderMore',
  'testTitle',
  'testBody',
  'unknownContact',
  'unknownAgent',
] as const;
export type NotificationTextKey = (typeof NOTIFICATION_TEXT_KEYS)[number];
/**
 * The templates, and the language they are in (a BCP 47 tag; English when absent), in which the
 * core writes the counts and lists it fills in, as the app does through Intl.
 */
export type NotificationTexts = Record<NotificationTextKey, string> & { locale?: string };

/**
 * The English templates: the English catalog's `notifications.text` (the renderer's locales/en.ts
 * takes them from here) and what the core uses until a window has sent the agent's language, so
 * a notification raised before any window exists still reads well. One source, no twin to drift.
 */
export const ENGLISH_NOTIFICATION_TEXTS = {
  assignedTitle: 'Assigned to you: {{contact}}',
  assignedBody: 'A conversation is now yours.',
  queuedTitle: 'New conversation in the queue',
  queuedBody: '{{contact}} is waiting.',
  messageTitle: '{{contact}}',
  mentionTitle: '{{agent}} mentioned you',
  transferTitle: '{{agent}} transferred {{contact}} to you',
  transferBody: 'The conversation is now yours.',
  transferBodyWithNote: 'Note: {{note}}',
  catchUpTitle: 'While you were offline',
  catchUpBody: 'New notifications: {{count}}. Open Agent Desk to see them.',
  burstTitle: 'More new notifications',
  burstBody: 'Not shown one by one: {{count}}. Open Agent Desk to see them.',
  reminderTitle: 'Still waiting in the queue',
  // One customer or several (a list of names): worded so that either reads well.
  reminderBody: 'Not accepted yet: {{contact}}.',
  // The last item of a long list of names: "Ann Lee, Bo Chen, Cy Diaz, and 97 more".
  reminderMore: '{{count}} more',
  testTitle: 'Notifications work',
  testBody: 'This is how Agent Desk will tell you about new conversations.',
  unknownContact: 'A customer',
  unknownAgent: 'A colleague',
} as const satisfies NotificationTexts;

export const notificationTextsSchema = z.object({
  ...(Object.fromEntries(NOTIFICATION_TEXT_KEYS.map((key) => [key, z.string().min(1).max(300)])) as Record<
    NotificationTextKey,
    z.ZodString
  >),
  locale: z
    .string()
    .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'A language tag such as "de" or "pt-BR".')
    .optional(),
});

/** Fills `{{name}}` placeholders; unknown placeholders become empty. */
export function fillTemplate(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_match, name: string) => String(values[name] ?? ''));
}

/**
 * Names joined as the templates' language joins a list, the ones not named counted as the last
 * item ("Ann Lee, Bo Chen, and 97 more").
 */
export function listOfNames(names: readonly string[], notNamed: number, texts: NotificationTexts): string {
  const locale = texts.locale ?? 'en';
  const items = notNamed > 0 ? [...names, fillTemplate(texts.reminderMore, { count: new Intl.NumberFormat(locale).format(notNamed) })] : names;
  return new Intl.ListFormat(locale, { type: 'conjunction' }).format(items);
}

/** Where the agent is looking, as the renderer reports it. */
export interface AttentionFocus {
  /** The window has focus and is visible. */
  focused: boolean;
  /** The conversation open in the thread pane, if any. */
  conversationId: string | null;
}
