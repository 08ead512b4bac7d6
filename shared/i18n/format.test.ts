import { describe, expect, it } from 'vitest';
import { dayKey, formatterFor } from './format';

const now = new Date(2026, 5, 15, 12, 0, 0).getTime();
const MIN = 60_000;
const DAY = 24 * 60 * MIN;

describe('inbox times', () => {
  it('are relative for a week, then a date, in each locale', () => {
    const cases: [string, string[]][] = [
      ['en-GB', ['now', '5 min ago', '2 hr ago', '3 days ago', '15 Mar', '15 Mar 2025']],
      ['en-US', ['now', '5 min. ago', '2 hr. ago', '3 days ago', 'Mar 15', 'Mar 15, 2025']],
      ['de', ['jetzt', 'vor 5 Min.', 'vor 2 Std.', 'vor 3 Tagen', '15. März', '15. März 2025']],
      ['es', ['ahora', 'hace 5 min', 'hace 2 h', 'hace 3 d', '15 mar', '15 mar 2025']],
      ['fr', ['maintenant', 'il y a 5\u00a0min', 'il y a 2\u00a0h', 'il y a 3\u00a0j', '15 mars', '15 mars 2025']],
      ['pt-BR', ['agora', 'há 5 min.', 'há 2 h', 'há 3 dias', '15 de mar.', '15 de mar. de 2025']],
      ['ar', ['الآن', 'قبل 5 دقائق', 'قبل ساعتين', 'قبل 3 أيام', '15 مارس', '15 مارس 2025']],
    ];
    for (const [locale, expected] of cases) {
      const f = formatterFor(locale);
      const ages = [10_000, 5 * MIN, 2 * 60 * MIN, 3 * DAY].map((age) => f.relative(now - age, now));
      const dates = [new Date(2026, 2, 15), new Date(2025, 2, 15)].map((at) => f.relative(at.getTime(), now));
      expect([...ages, ...dates], locale).toEqual(expected);
    }
  });

  it('use each language’s plural forms', () => {
    // Arabic has a dual ("two hours") and singular without a digit.
    expect(formatterFor('ar').relative(now - 60 * MIN, now)).toBe('قبل ساعة واحدة');
    expect(formatterFor('de').relative(now - DAY, now)).toBe('vor 1 Tag');
  });
});

describe('day separators', () => {
  it('name today and yesterday, then the date', () => {
    const cases: [string, string[]][] = [
      ['en-GB', ['Today', 'Yesterday', 'Monday 1 June', '1 June 2025']],
      ['de', ['Heute', 'Gestern', 'Montag, 1. Juni', '1. Juni 2025']],
      ['fr', ['Aujourd’hui', 'Hier', 'lundi 1 juin', '1 juin 2025']],
      ['ar', ['اليوم', 'أمس', 'الاثنين، 1 يونيو', '1 يونيو 2025']],
    ];
    for (const [locale, expected] of cases) {
      const f = formatterFor(locale);
      const days = [now - MIN, now - DAY, new Date(2026, 5, 1).getTime(), new Date(2025, 5, 1).getTime()].map((at) => f.day(at, now));
      expect(days, locale).toEqual(expected);
    }
  });

  it('group by the local calendar day', () => {
    expect(dayKey(new Date(2026, 5, 15, 0, 1).getTime())).toBe(dayKey(new Date(2026, 5, 15, 23, 59).getTime()));
    expect(dayKey(new Date(2026, 5, 15).getTime())).not.toBe(dayKey(new Date(2026, 5, 16).getTime()));
  });
});

describe('clock and full dates', () => {
  it('follow the locale’s hour cycle and word order', () => {
    const at = new Date(2026, 5, 15, 14, 5).getTime();
    expect(formatterFor('en-US').clock(at)).toBe('2:05 PM');
    expect(formatterFor('de').clock(at)).toBe('14:05');
    expect(formatterFor('de').fullDate(at)).toBe('Montag, 15. Juni 2026 um 14:05');
    expect(formatterFor('pt-BR').fullDate(at)).toBe('segunda-feira, 15 de junho de 2026 às 14:05');
  });
});

describe('numbers and durations', () => {
  it('group digits by locale', () => {
    const values = ['en', 'de', 'fr', 'es', 'pt-BR'].map((locale) => formatterFor(locale).number(12400.5));
    expect(values).toEqual(['12,400.5', '12.400,5', '12\u202f400,5', '12.400,5', '12.400,5']);
  });

  it('write badge counts exactly below ten thousand, then compact in the locale’s words', () => {
    expect(['en', 'fr', 'pt-BR'].map((locale) => formatterFor(locale).count(9999))).toEqual(['9,999', '9\u202f999', '9.999']);
    expect(['en', 'fr', 'pt-BR'].map((locale) => formatterFor(locale).count(29_905))).toEqual(['29.9K', '29,9\u00a0k', '29,9\u00a0mil']);
    expect(formatterFor('en').count(1_234_567)).toBe('1.2M');
  });

  it('write call lengths as a clock', () => {
    const f = formatterFor('en');
    expect([5, 272, 3729].map((sec) => f.callDuration(sec))).toEqual(['0:05', '4:32', '1:02:09']);
    expect(f.callDuration(-3)).toBe('0:00');
  });

  it('write ages in the largest unit, in the locale’s words and plurals', () => {
    const en = formatterFor('en');
    expect([45_000, 125_000, 3 * 3_600_000, 2 * DAY].map((ms) => en.age(ms))).toEqual(['45 seconds', '2 minutes', '3 hours', '2 days']);
    expect(formatterFor('de').age(60_000)).toBe('1 Minute');
    expect(formatterFor('ar').age(120_000)).toBe('دقيقتان');
  });

  it('share one formatter per locale', () => {
    expect(formatterFor('de')).toBe(formatterFor('de'));
  });
});
