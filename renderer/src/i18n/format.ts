// Locale-aware formatting for times, dates, numbers and durations. Wording goes through i18n;
// everything numeric or calendar-shaped goes through Intl with the agent's locale.
import type { TFunction } from 'i18next';
import { relativeTime } from '../../../shared/text/relativeTime';

const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

// Building an Intl formatter is far slower than using one; inbox rows and messages reuse them.
function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${locale}|${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (!format) formatters.set(key, (format = new Intl.DateTimeFormat(locale, options)));
  return format as Intl.DateTimeFormat;
}

function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `n|${locale}|${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (!format) formatters.set(key, (format = new Intl.NumberFormat(locale, options)));
  return format as Intl.NumberFormat;
}

/** Inbox time: "now", "5m ago", "2h ago", "3d ago", then "15 Mar" (with the year if not this year). */
export function formatRelative(at: number, now: number, locale: string, t: TFunction): string {
  const bucket = relativeTime(at, now);
  switch (bucket.unit) {
    case 'now':
      return t('time.now');
    case 'minutes':
    case 'hours':
    case 'days':
      return t(`time.${bucket.unit}`, { count: bucket.value });
    case 'date':
      return dateFormat(locale, bucket.sameYear ? { day: 'numeric', month: 'short' } : { day: 'numeric', month: 'short', year: 'numeric' }).format(at);
  }
}

export function formatClock(at: number, locale: string): string {
  return dateFormat(locale, { hour: 'numeric', minute: '2-digit' }).format(at);
}

export function formatFullDate(at: number, locale: string): string {
  return dateFormat(locale, { dateStyle: 'full', timeStyle: 'short' }).format(at);
}

/** Local calendar day of a timestamp, for grouping messages under day separators. */
export function dayKey(at: number): string {
  const date = new Date(at);
  return `${date.getFullYear()}-${date.getMonth() + 1}-${date.getDate()}`;
}

export function formatDay(at: number, now: number, locale: string, t: TFunction): string {
  if (dayKey(at) === dayKey(now)) return t('time.today');
  const yesterday = new Date(now);
  yesterday.setDate(yesterday.getDate() - 1);
  if (dayKey(at) === dayKey(yesterday.getTime())) return t('time.yesterday');
  const sameYear = new Date(at).getFullYear() === new Date(now).getFullYear();
  return dateFormat(locale, sameYear ? { weekday: 'long', day: 'numeric', month: 'long' } : { day: 'numeric', month: 'long', year: 'numeric' }).format(at);
}

export function formatNumber(value: number, locale: string): string {
  return numberFormat(locale).format(value);
}

/** Call length as a clock: 4:05, or 1:02:09 past an hour. */
export function formatCallDuration(totalSec: number): string {
  const sec = Math.max(0, Math.floor(totalSec));
  const hours = Math.floor(sec / 3600);
  const minutes = Math.floor((sec % 3600) / 60);
  const seconds = String(sec % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** An age in the largest sensible unit: "45 seconds", "12 minutes", "3 hours", "2 days". */
export function formatAge(ms: number, locale: string): string {
  const sec = Math.max(0, Math.floor(ms / 1000));
  const [value, unit] =
    sec < 60 ? [sec, 'second'] : sec < 3600 ? [Math.floor(sec / 60), 'minute'] : sec < 86_400 ? [Math.floor(sec / 3600), 'hour'] : [Math.floor(sec / 86_400), 'day'];
  return numberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}
