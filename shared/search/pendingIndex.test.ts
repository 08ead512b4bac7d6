import { describe, expect, it } from 'vitest';
import { netPending } from './pendingIndex';

describe('netPending', () => {
  it('removes what was indexed first and adds what exists last', () => {
    const q = (id: number, row: number, old: string | null) => ({ id, row, old });
    expect(netPending([q(1, 5, null), q(2, 5, '["a"]')])).toEqual({ removals: [], additions: [] });
    expect(netPending([q(1, 5, '["a"]'), q(2, 5, null)])).toEqual({ removals: [{ row: 5, old: '["a"]' }], additions: [5] });
    expect(netPending([q(1, 5, '["a"]'), q(2, 5, null), q(3, 5, '["b"]')])).toEqual({ removals: [{ row: 5, old: '["a"]' }], additions: [] });
    expect(netPending([q(1, 6, null), q(2, 7, '["x"]')])).toEqual({ removals: [{ row: 7, old: '["x"]' }], additions: [6] });
  });
});
