import { partialMatchKey } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { deskKey, deskKeyPrefix, invalidationsFor, isListKey } from './queryKeys';

describe('query keys', () => {
  it('derive from method and request', () => {
    expect(deskKey('inbox.list', { view: 'mine', limit: 50 })).toEqual(['desk', 'inbox.list', { view: 'mine', limit: 50 }]);
  });

  it('match every page size of one thread by conversation id, and no other thread', () => {
    const thread = deskKey('thread.get', { conversationId: 'c1', limit: 50 });
    expect(partialMatchKey(thread, deskKeyPrefix('thread.get', { conversationId: 'c1' }))).toBe(true);
    expect(partialMatchKey(thread, deskKeyPrefix('thread.get', { conversationId: 'c2' }))).toBe(false);
  });

  it('map a change notice to the queries it makes stale', () => {
    expect(invalidationsFor({ inbox: true, conversationIds: ['c1'], outbox: false })).toEqual([
      ['desk', 'inbox.list'],
      ['desk', 'inbox.counts'],
      ['desk', 'team.get'],
      ['desk', 'search.local'],
      ['desk', 'thread.get', { conversationId: 'c1' }],
      ['desk', 'conversation.get', { conversationId: 'c1' }],
      ['desk', 'search.thread', { conversationId: 'c1' }],
    ]);
    expect(invalidationsFor({ inbox: false, conversationIds: [], outbox: true })).toEqual([
      ['desk', 'outbox.list'],
      ['desk', 'diagnostics.get'],
      ['desk', 'thread.get'],
    ]);
    expect(invalidationsFor({ inbox: false, conversationIds: [], outbox: false })).toEqual([]);
  });

  it('tell the lists a burst refreshes at a bounded rate from the per-conversation queries', () => {
    expect(invalidationsFor({ inbox: true, conversationIds: ['c1'], outbox: false }).filter(isListKey)).toEqual([
      ['desk', 'inbox.list'],
      ['desk', 'inbox.counts'],
      ['desk', 'team.get'],
      ['desk', 'search.local'],
    ]);
    expect(isListKey(deskKey('thread.get', { conversationId: 'c1', limit: 50 }))).toBe(false);
  });
});
