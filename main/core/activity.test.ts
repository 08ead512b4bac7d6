import { describe, expect, it } from 'vitest';
import { ActivityState, WATCH_MS } from './activity';

function state() {
  let now = 1_000;
  const s = new ActivityState(() => now);
  return { s, advance: (ms: number) => (now += ms) };
}

const presences = (...changes: Array<[contactId: string, online: boolean]>) => ({
  type: 'presences' as const,
  changes: changes.map(([contactId, online]) => ({ contactId, online, at: 1 })),
});

describe('activity state', () => {
  it('tells presence changes of the watched conversations only, and keeps every customer’s presence', () => {
    const { s } = state();
    s.watch('c1', 'k1');
    s.watch('c2', 'k2');
    s.watch('c3', 'k1'); // the same customer's other conversation
    expect(s.apply(presences(['k1', true], ['k9', true])).sort()).toEqual(['c1', 'c3']);
    expect(s.isOnline('k9')).toBe(true);
    expect(s.apply(presences(['k9', false], ['k2', true]))).toEqual(['c2']);
    expect(s.isOnline('k9')).toBe(false);
    // No change (already online), nothing to tell.
    expect(s.apply(presences(['k1', true]))).toEqual([]);
    // A backend that pushes one change at a time.
    expect(s.apply({ type: 'presence', contactId: 'k1', online: false, at: 2 })).toEqual(['c1', 'c3']);
    expect(s.isOnline('k1')).toBe(false);
  });

  it('tells typing in a watched conversation only', () => {
    const { s } = state();
    s.watch('c1', 'k1');
    expect(s.apply({ type: 'typing', conversationId: 'c1', agentId: null, typing: true, at: 1 })).toEqual(['c1']);
    expect(s.apply({ type: 'typing', conversationId: 'c2', agentId: 'a2', typing: true, at: 1 })).toEqual([]);
    expect(s.typingIn('c1', 'a1')).toEqual([null]);
    expect(s.typingIn('c2', 'a1')).toEqual(['a2']);
  });

  it('stops watching a conversation not asked about within WATCH_MS; asking again renews it', () => {
    const { s, advance } = state();
    s.watch('c1', 'k1');
    s.watch('c2', 'k2');
    advance(WATCH_MS - 1);
    s.watch('c2', 'k2');
    expect(s.apply(presences(['k1', true], ['k2', true])).sort()).toEqual(['c1', 'c2']);
    advance(1);
    expect(s.apply(presences(['k1', false], ['k2', false]))).toEqual(['c2']);
    expect(s.isOnline('k1')).toBe(false);
    advance(WATCH_MS);
    expect(s.apply(presences(['k2', true]))).toEqual([]);
    s.watch('c1', 'k1');
    expect(s.apply(presences(['k1', true]))).toEqual(['c1']);
  });
});
