// Locale-aware formatting: every date, time, relative time, number and duration the UI shows goes
// through Intl in the reader's locale, so wording, digits, plural forms and word order follow it.
// Pure (Intl only), shared by the desktop renderer and the customer portal.
import { relativeTime } from '../text/relativeTime';

export interface Formatter {
  /** The BCP 47 tag everything is formatted with. */
  locale: string;
  /** Inbox time: "now", "5 min. ago", "2 hr. ago", "3 days ago", then "15 Mar" (with the year if not this year). */
  relative(at: number, now: number): string;
  /** Time of day: "14:05" or "2:05 PM". */
  clock(at: number): string;
  /** Date and time in full, for tooltips. */
  fullDate(at: number): string;
  /** Day separator: "Today", "Yesterday", "Monday 1 June", "1 June 2025". */
  day(at: number, now: number): string;
  number(value: number): string;
  /** A count for a small badge: exact below 10,000, then compact ("29.9K", "1.2M"). */
  count(value: number): string;
  /** An age in the largest sensible unit: "45 seconds", "12 minutes", "3 hours", "2 days". */
  age(ms: number): string;
  /** A call's length as a clock: "4:05", or "1:02:09" past an hour. */
  callDuration(totalSec: number): string;
}

/** Local calendar day of a timestamp, for grouping messages under day separators. */
export function dayKey(at: number): string {
  const date = new Date(at);
  return `${date.getFullYear()}-${date.getMonth() + 1}-${date.getDate()}`;
}

const capitalise = (text: string, locale: string) => text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);

function build(locale: string): Formatter {
  // Building an Intl formatter is far slower than using one; inbox rows and messages reuse them.
  const cache = new Map<string, { format(value: never, unit?: never): string }>();
  const memo = <F extends { format(...args: never[]): string }>(key: string, make: () => F): F => {
    let formatter = cache.get(key) as F | undefined;
    if (!formatter) cache.set(key, (formatter = make()) as never);
    return formatter;
  };
  const date = (options: Intl.DateTimeFormatOptions) => memo(`d${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(locale, options));
  const number = (options: Intl.NumberFormatOptions = {}) => memo(`n${JSON.stringify(options)}`, () => new Intl.NumberFormat(locale, options));
  const relativeNumeric = memo('r', () => new Intl.RelativeTimeFormat(locale, { numeric: 'always', style: 'short' }));
  // "auto" words a zero or one offset ("now", "yesterday") instead of writing the number.
  const relativeWords = memo('w', () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'long' }));
  const twoDigits = () => number({ minimumIntegerDigits: 2, useGrouping: false });

  return {
    locale,
    relative(at, now) {
      const bucket = relativeTime(at, now);
      switch (bucket.unit) {
        case 'now':
          return relativeWords.format(0, 'second');
        case 'minutes':
          return relativeNumeric.format(-bucket.value, 'minute');
        case 'hours':
          return relativeNumeric.format(-bucket.value, 'hour');
        case 'days':
          return relativeNumeric.format(-bucket.value, 'day');
        case 'date':
          return date(bucket.sameYear ? { day: 'numeric', month: 'short' } : { day: 'numeric', month: 'short', year: 'numeric' }).format(at);
      }
    },
    clock: (at) => date({ hour: 'numeric', minute: '2-digit' }).format(at),
    fullDate: (at) => date({ dateStyle: 'full', timeStyle: 'short' }).format(at),
    day(at, now) {
      const yesterday = new Date(now);
      yesterday.setDate(yesterday.getDate() - 1);
      if (dayKey(at) === dayKey(now)) return capitalise(relativeWords.format(0, 'day'), locale);
      if (dayKey(at) === dayKey(yesterday.getTime())) return capitalise(relativeWords.format(-1, 'day'), locale);
      const sameYear = new Date(at).getFullYear() === new Date(now).getFullYear();
      return date(sameYear ? { weekday: 'long', day: 'numeric', month: 'long' } : { day: 'numeric', month: 'long', year: 'numeric' }).format(at);
    },
    number: (value) => number().format(value),
    count: (value) => (Math.abs(value) < 10_000 ? number() : number({ notation: 'compact', maximumFractionDigits: 1 })).format(value),
    age(ms) {
      const sec = Math.max(0, Math.floor(ms / 1000));
      const [value, unit] =
        sec < 60 ? [sec, 'second'] : sec < 3600 ? [Math.floor(sec / 60), 'minute'] : sec < 86_400 ? [Math.floor(sec / 3600), 'hour'] : [Math.floor(sec / 86_400), 'day'];
      return number({ style: 'unit', unit, unitDisplay: 'long' }).format(value);
    },
    callDuration(totalSec) {
      const sec = Math.max(0, Math.floor(totalSec));
      const hours = Math.floor(sec / 3600);
      const minutes = Math.floor((sec % 3600) / 60);
      const seconds = twoDigits().format(sec % 60);
      return hours > 0 ? `${number().format(hours)}:${twoDigits().format(minutes)}:${seconds}` : `${number().format(minutes)}:${seconds}`;
    },
  };
}

const formatters = new Map<string, Formatter>();

/** The formatter for a locale; one per locale, so every row and message shares its Intl objects. */
export function formatterFor(locale: string): Formatter {
  let formatter = formatters.get(locale);
  if (!formatter) formatters.set(locale, (formatter = build(locale)));
  return formatter;
}
