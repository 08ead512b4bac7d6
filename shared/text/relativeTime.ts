// Inbox-style relative times ("now", "5m", "2h", "3d", then a date). The bucket is pure logic;
// wording goes through i18n and dates through Intl in the renderer.

export type RelativeTime =
  | { unit: 'now' }
  | { unit: 'minutes' | 'hours' | 'days'; value: number }
  | { unit: 'date'; sameYear: boolean };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export function relativeTime(at: number, now: number): RelativeTime {
  const age = Math.max(0, now - at);
  if (age < MINUTE) return { unit: 'now' };
  if (age < HOUR) return { unit: 'minutes', value: Math.floor(age / MINUTE) };
  if (age < DAY) return { unit: 'hours', value: Math.floor(age / HOUR) };
  if (age < 7 * DAY) return { unit: 'days', value: Math.floor(age / DAY) };
  return { unit: 'date', sameYear: new Date(at).getFullYear() === new Date(now).getFullYear() };
}
