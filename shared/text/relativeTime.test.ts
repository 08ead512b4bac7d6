import { describe, expect, it } from 'vitest';
import { relativeTime } from './relativeTime';

const now = Date.UTC(2026, 5, 15, 12, 0, 0);
const ago = (ms: number) => relativeTime(now - ms, now);

describe('relativeTime', () => {
  it('buckets by age', () => {
    expect(ago(10_000)).toEqual({ unit: 'now' });
    expect(ago(5 * 60_000)).toEqual({ unit: 'minutes', value: 5 });
    expect(ago(59 * 60_000 + 59_000)).toEqual({ unit: 'minutes', value: 59 });
    expect(ago(2 * 3_600_000)).toEqual({ unit: 'hours', value: 2 });
    expect(ago(3 * 86_400_000)).toEqual({ unit: 'days', value: 3 });
    expect(ago(8 * 86_400_000)).toEqual({ unit: 'date', sameYear: true });
    expect(relativeTime(Date.UTC(2025, 2, 15), now)).toEqual({ unit: 'date', sameYear: false });
  });
  it('treats timestamps from the future (clock skew) as now', () => {
    expect(relativeTime(now + 30_000, now)).toEqual({ unit: 'now' });
  });
});
