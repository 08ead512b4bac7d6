import { describe, expect, it } from 'vitest';
import { dayInputValue, dayStart } from './dates';

describe('date filters', () => {
  it('turns local days into an inclusive range with an exclusive end', () => {
    const from = dayStart('2026-03-05', 0)!;
    const to = dayStart('2026-03-07', 1)!;
    expect(new Date(from).getDate()).toBe(5);
    expect(new Date(to).getDate()).toBe(8);
    expect(dayInputValue(from)).toBe('2026-03-05');
    expect(dayInputValue(to, -1)).toBe('2026-03-07');
    expect(dayStart('', 0)).toBeUndefined();
    expect(dayInputValue(undefined)).toBe('');
  });
});
