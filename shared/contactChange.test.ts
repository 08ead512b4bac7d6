import { describe, expect, it } from 'vitest';
import { applyProfileChange } from './contactChange';
import { EMPTY_PROFILE } from './domain';

const ctx = { now: 1_000, agentId: 'a1', noteId: 'n1' };

describe('applyProfileChange', () => {
  it('sets and removes attributes', () => {
    const one = applyProfileChange(EMPTY_PROFILE, { op: 'setAttributes', attributes: { membership: 'Gold', vip: 'yes' } }, ctx);
    expect(one.attributes).toEqual({ membership: 'Gold', vip: 'yes' });
    expect(applyProfileChange(one, { op: 'setAttributes', attributes: { vip: null, membership: ' ' } }, ctx).attributes).toEqual({});
  });

  it('adds points and records why', () => {
    const after = applyProfileChange({ ...EMPTY_PROFILE, loyalty: { points: 100, tier: 'Gold' } }, { op: 'givePoints', points: 50, reason: 'Late delivery' }, ctx);
    expect(after.loyalty).toEqual({ points: 150, tier: 'Gold' });
    expect(after.notes).toEqual([{ id: 'n1', body: '+50 points: Late delivery', authorAgentId: 'a1', createdAt: 1_000 }]);
    expect(applyProfileChange(EMPTY_PROFILE, { op: 'givePoints', points: 5, reason: 'x' }, ctx).loyalty).toEqual({ points: 5, tier: null });
  });

  it('refuses too many attributes', () => {
    const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`a${i}`, 'x']));
    expect(() => applyProfileChange(EMPTY_PROFILE, { op: 'setAttributes', attributes: many }, ctx)).toThrow(RangeError);
  });
});
