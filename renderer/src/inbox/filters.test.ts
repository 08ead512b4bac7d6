import { describe, expect, it } from 'vitest';
import { activeCount, NO_FILTERS, toFilter } from './filters';

const NOW = Date.UTC(2026, 0, 31, 12);

describe('toFilter', () => {
  it('sends nothing without filters', () => {
    expect(toFilter(NO_FILTERS, NOW)).toEqual({});
    expect(activeCount(NO_FILTERS)).toBe(0);
  });

  it('maps every control, and relative ranges count back from now', () => {
    const state = {
      ...NO_FILTERS,
      channels: ['sms' as const, 'email' as const],
      status: 'pending' as const,
      tag: 'vip',
      label: 'bug' as const,
      assigneeId: 'a1',
      queueId: 'q1',
      range: '7d' as const,
      unreadOnly: true,
    };
    expect(toFilter(state, NOW)).toEqual({
      channels: ['sms', 'email'],
      statuses: ['pending'],
      tag: 'vip',
      label: 'bug',
      assigneeId: 'a1',
      queueId: 'q1',
      from: NOW - 7 * 24 * 60 * 60 * 1000,
      unreadOnly: true,
    });
    expect(activeCount(state)).toBe(8);
  });

  it('takes whole local days for a custom range and ignores a half-typed date', () => {
    const filter = toFilter({ ...NO_FILTERS, range: 'custom', from: '2026-01-10', to: '2026-01-12' }, NOW);
    expect(filter.from).toBe(new Date(2026, 0, 10).getTime());
    expect(filter.to).toBe(new Date(2026, 0, 12, 23, 59, 59, 999).getTime());
    expect(toFilter({ ...NO_FILTERS, range: 'custom', from: '2026-01', to: '' }, NOW)).toEqual({});
  });
});
