import { describe, expect, it } from 'vitest';
import { relativeTime } from './format';

describe('portal formatting', () => {
  const now = Date.UTC(2026, 2, 15, 12);
  it('says how long ago, then the date', () => {
    expect(relativeTime(now - 10_000, now, 'en')).toBe('now');
    expect(relativeTime(now - 5 * 60_000, now, 'en')).toBe('5 minutes ago');
    expect(relativeTime(now - 3 * 3_600_000, now, 'en')).toBe('3 hours ago');
    expect(relativeTime(now - 26 * 3_600_000, now, 'en')).toBe('yesterday');
    expect(relativeTime(now - 30 * 86_400_000, now, 'en')).toBe('Feb 13, 2026');
    expect(relativeTime(now - 5 * 60_000, now, 'de')).toBe('vor 5 Minuten');
  });
});
