import { describe, expect, it } from 'vitest';
import { eligible, pickAgent, planAssignments, type RoutingCandidate } from './routing';

const agent = (id: string, over: Partial<RoutingCandidate> = {}): RoutingCandidate => ({
  id,
  status: 'available',
  capacity: 3,
  load: 0,
  queueIds: ['q1'],
  ...over,
});

describe('eligible', () => {
  it('keeps only available agents of the queue with room', () => {
    const pool = [
      agent('a'),
      agent('b', { status: 'busy' }),
      agent('c', { status: 'away' }),
      agent('d', { load: 3 }),
      agent('e', { queueIds: ['q2'] }),
      agent('f', { capacity: 0 }),
    ];
    expect(eligible('q1', pool).map((c) => c.id)).toEqual(['a']);
  });
});

describe('pickAgent', () => {
  const pool = [agent('c', { load: 1 }), agent('a', { load: 2 }), agent('b', { load: 1, capacity: 5 })];

  it('never assigns in a manual queue', () => {
    expect(pickAgent('manual', 'q1', pool, null)).toBeNull();
  });

  it('round robin takes the next agent after the last one, wrapping around', () => {
    expect(pickAgent('roundRobin', 'q1', pool, null)).toBe('a');
    expect(pickAgent('roundRobin', 'q1', pool, 'a')).toBe('b');
    expect(pickAgent('roundRobin', 'q1', pool, 'b')).toBe('c');
    expect(pickAgent('roundRobin', 'q1', pool, 'c')).toBe('a');
    // The last agent may have left the pool since: continue after their place.
    expect(pickAgent('roundRobin', 'q1', pool, 'bb')).toBe('c');
  });

  it('round robin skips agents at capacity or not available', () => {
    const busy = [agent('a', { load: 3 }), agent('b', { status: 'away' }), agent('c')];
    expect(pickAgent('roundRobin', 'q1', busy, null)).toBe('c');
    expect(pickAgent('roundRobin', 'q1', busy, 'c')).toBe('c');
  });

  it('least loaded takes the fewest open conversations, then the lowest share of capacity', () => {
    expect(pickAgent('leastLoaded', 'q1', pool, null)).toBe('b');
    expect(pickAgent('leastLoaded', 'q1', [agent('x', { load: 2, capacity: 2 }), agent('y', { load: 2, capacity: 4 })], null)).toBe('y');
  });

  it('returns null when nobody has room', () => {
    expect(pickAgent('leastLoaded', 'q1', [agent('a', { load: 3 })], null)).toBeNull();
    expect(pickAgent('roundRobin', 'q1', [], null)).toBeNull();
  });
});

describe('planAssignments', () => {
  it('counts each assignment into the load and stops at capacity', () => {
    const queues = new Map([
      ['q1', { mode: 'leastLoaded' as const, lastAssignedId: null }],
      ['q2', { mode: 'manual' as const, lastAssignedId: null }],
    ]);
    const waiting = ['w1', 'w2', 'w3', 'w4'].map((conversationId) => ({ conversationId, queueId: 'q1' }));
    const plan = planAssignments(
      [...waiting, { conversationId: 'm1', queueId: 'q2' }],
      queues,
      [agent('a', { capacity: 1 }), agent('b', { capacity: 2, queueIds: ['q1', 'q2'] })],
    );
    expect([...plan]).toEqual([
      ['w1', 'a'],
      ['w2', 'b'],
      ['w3', 'b'],
    ]);
  });

  it('round robin rotates across a batch', () => {
    const queues = new Map([['q1', { mode: 'roundRobin' as const, lastAssignedId: 'a' }]]);
    const waiting = ['w1', 'w2', 'w3'].map((conversationId) => ({ conversationId, queueId: 'q1' }));
    expect([...planAssignments(waiting, queues, [agent('a'), agent('b'), agent('c')]).values()]).toEqual(['b', 'c', 'a']);
  });
});
