import { describe, expect, it } from 'vitest';
import type { ChangeEvent } from '../../../shared/protocol';
import { LiveBuffer, planApply } from './liveBuffer';

const ev = (seq: number): ChangeEvent => ({
  seq,
  type: 'conversation.read',
  conversationId: 'c1',
  agentId: 'a1',
  readSeq: seq,
});
const seqs = (events: ChangeEvent[]) => events.map((e) => e.seq);

describe('planApply', () => {
  it('applies a contiguous run in seq order whatever the arrival order', () => {
    const plan = planApply([ev(13), ev(11), ev(12)], 10);
    expect(seqs(plan.ready)).toEqual([11, 12, 13]);
    expect(plan.rest).toEqual([]);
  });
  it('drops events at or below the cursor and duplicates', () => {
    const plan = planApply([ev(9), ev(10), ev(11), ev(11), ev(12)], 10);
    expect(seqs(plan.ready)).toEqual([11, 12]);
  });
  it('stops at a gap and keeps what lies beyond it', () => {
    const plan = planApply([ev(11), ev(13), ev(14), ev(14)], 10);
    expect(seqs(plan.ready)).toEqual([11]);
    expect(seqs(plan.rest)).toEqual([13, 14]);
  });
  it('reports a gap right after the cursor', () => {
    const plan = planApply([ev(15)], 10);
    expect(plan.ready).toEqual([]);
    expect(seqs(plan.rest)).toEqual([15]);
  });
});

describe('LiveBuffer', () => {
  it('holds events beyond a gap until the cursor reaches them', () => {
    const buffer = new LiveBuffer();
    buffer.add([ev(12), ev(13)]);
    expect(buffer.take(10)).toEqual({ ready: [], gap: true });
    // A pull filled 11 and 12: the cursor moved to 12; 13 can go now, 12 is dropped.
    const plan = buffer.take(12);
    expect(seqs(plan.ready)).toEqual([13]);
    expect(plan.gap).toBe(false);
    expect(buffer.size).toBe(0);
  });
  it('drops everything when it overflows so that a pull takes over', () => {
    const buffer = new LiveBuffer(3);
    expect(buffer.add([ev(1), ev(2), ev(3)])).toBe(true);
    expect(buffer.add([ev(4)])).toBe(false);
    expect(buffer.size).toBe(0);
  });
});
