import { describe, expect, it } from 'vitest';
import { createI18n } from './i18n';
import { formatAge, formatCallDuration, formatDay, formatNumber, formatRelative } from './format';

const now = new Date(2026, 5, 15, 12, 0, 0).getTime();
const MIN = 60_000;

describe('formatRelative', async () => {
  const { i18n } = await createI18n(['en-GB']);
  const t = i18n.t;
  it('writes inbox times', () => {
    expect(formatRelative(now - 10_000, now, 'en-GB', t)).toBe('now');
    expect(formatRelative(now - 5 * MIN, now, 'en-GB', t)).toBe('5m ago');
    expect(formatRelative(now - 2 * 60 * MIN, now, 'en-GB', t)).toBe('2h ago');
    expect(formatRelative(now - 3 * 24 * 60 * MIN, now, 'en-GB', t)).toBe('3d ago');
    expect(formatRelative(new Date(2026, 2, 15).getTime(), now, 'en-GB', t)).toBe('15 Mar');
    expect(formatRelative(new Date(2025, 2, 15).getTime(), now, 'en-GB', t)).toBe('15 Mar 2025');
  });

  it('names today and yesterday in day separators', () => {
    expect(formatDay(now - MIN, now, 'en-GB', t)).toBe('Today');
    expect(formatDay(now - 24 * 60 * MIN, now, 'en-GB', t)).toBe('Yesterday');
    expect(formatDay(new Date(2026, 5, 1).getTime(), now, 'en-GB', t)).toBe('Monday 1 June');
  });
});

describe('numbers and durations', () => {
  it('group digits by locale', () => {
    expect(formatNumber(12400, 'en')).toBe('12,400');
    expect(formatNumber(12400, 'de')).toBe('12.400');
  });

  it('write call lengths as a clock', () => {
    expect(formatCallDuration(5)).toBe('0:05');
    expect(formatCallDuration(272)).toBe('4:32');
    expect(formatCallDuration(3729)).toBe('1:02:09');
  });

  it('write ages in the largest unit', () => {
    expect(formatAge(45_000, 'en')).toBe('45 seconds');
    expect(formatAge(125_000, 'en')).toBe('2 minutes');
    expect(formatAge(3 * 3_600_000, 'en')).toBe('3 hours');
  });
});
