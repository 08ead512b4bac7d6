import { describe, expect, it } from 'vitest';
import { ChangeCollector, PushEmitter } from './events';

describe('ChangeCollector', () => {
  it('merges summaries into one notice and resets after take', () => {
    const c = new ChangeCollector();
    expect(c.add({ inbox: false, conversationIds: new Set() })).toBe(false);
    c.add({ inbox: false, conversationIds: new Set(['a']) });
    c.add({ inbox: true, conversationIds: new Set(['a', 'b']) }, true);
    expect(c.take()).toEqual({ inbox: true, conversationIds: ['a', 'b'], outbox: true });
    expect(c.take()).toBeNull();
  });

  it('carries a change to the team on its own, so listeners that only need agents skip the rest', () => {
    const c = new ChangeCollector();
    expect(c.add({ inbox: false, conversationIds: new Set(), team: true })).toBe(true);
    expect(c.take()).toEqual({ inbox: false, conversationIds: [], outbox: false, team: true });
  });
});

describe('PushEmitter', () => {
  it('delivers to subscribers until they unsubscribe, despite a throwing one', () => {
    const e = new PushEmitter();
    const got: unknown[] = [];
    e.on('session', () => {
      throw new Error('boom');
    });
    const off = e.on('session', (s) => got.push(s));
    e.emit('session', null);
    off();
    e.emit('session', null);
    expect(got).toEqual([null]);
  });
});
