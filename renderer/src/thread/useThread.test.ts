import type { InfiniteData } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { ThreadMessage, ThreadPage } from '../../../shared/ipc/contract';
import { fakeDesk } from '../test/fakeDesk';
import { threadMessage } from '../test/threadMessage';
import { loadThreadPage, olderPageParam, shareMessagesById } from './useThread';

const message = (seq: number) => ({ id: `m${seq}`, seq }) as ThreadMessage;

describe('thread pages', () => {
  it('reads the newest page from the cache only', async () => {
    const desk = fakeDesk({ 'thread.get': async () => ({ messages: [message(5)], hasOlder: true }) });
    const page = await loadThreadPage(desk.api, 'c1', undefined, false);
    expect(page.messages).toEqual([message(5)]);
    expect(desk.calls.map((call) => call.method)).toEqual(['thread.get']);
  });

  it('fetches older history from the server when the cache has run out', async () => {
    let fetched = false;
    const desk = fakeDesk({
      'thread.get': async () => (fetched ? { messages: [message(1), message(2)], hasOlder: false } : { messages: [], hasOlder: true }),
      'thread.loadOlder': async () => {
        fetched = true;
        return { loaded: 2, hasMore: false };
      },
    });
    const page = await loadThreadPage(desk.api, 'c1', 3, true);
    expect(page.messages.map((m) => m.seq)).toEqual([1, 2]);
    expect(desk.calls.map((call) => call.method)).toEqual(['thread.get', 'thread.loadOlder', 'thread.get']);
    expect(desk.calls[0]!.request).toEqual({ conversationId: 'c1', limit: 50, beforeSeq: 3 });
  });

  it('stops at the beginning when the server has nothing more', async () => {
    const desk = fakeDesk({
      'thread.get': async () => ({ messages: [], hasOlder: true }),
      'thread.loadOlder': async () => ({ loaded: 0, hasMore: true }),
    });
    expect(await loadThreadPage(desk.api, 'c1', 3, true)).toEqual({ messages: [], hasOlder: false });
  });

  it('shows a page another load cached meanwhile, though this load found nothing left to fetch', async () => {
    // The cache had nothing older; before this call reached the server, an overlapping load cached
    // the page, so the core reports nothing fetched (it already holds everything).
    let reads = 0;
    const desk = fakeDesk({
      'thread.get': async () => (++reads === 1 ? { messages: [], hasOlder: true } : { messages: [message(1), message(2)], hasOlder: false }),
      'thread.loadOlder': async () => ({ loaded: 0, hasMore: false }),
    });
    expect((await loadThreadPage(desk.api, 'c1', 3, true)).messages.map((m) => m.seq)).toEqual([1, 2]);
  });

  it('stays in the cache when refetching after a change', async () => {
    const desk = fakeDesk({ 'thread.get': async () => ({ messages: [], hasOlder: true }) });
    expect(await loadThreadPage(desk.api, 'c1', 3, false)).toEqual({ messages: [], hasOlder: true });
    expect(desk.calls.map((call) => call.method)).toEqual(['thread.get']);
  });

  it('pages back from the oldest message', () => {
    expect(olderPageParam({ messages: [message(7), message(9)], hasOlder: true }, [], undefined)).toBe(7);
    expect(olderPageParam({ messages: [message(7)], hasOlder: false }, [], undefined)).toBeUndefined();
    expect(olderPageParam({ messages: [], hasOlder: true }, [], 7)).toBe(7);
    expect(olderPageParam({ messages: [], hasOlder: true }, [], undefined)).toBe(Number.MAX_SAFE_INTEGER);
  });
});

describe('thread sharing by message id', () => {
  const text = (seq: number, body = `message ${seq}`) => threadMessage({ id: `m${seq}`, seq, body, createdAt: 1_700_000_000_000 + seq });
  const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => text(from + i));
  const thread = (...pages: ThreadMessage[][]) => ({
    pages: pages.map((messages, i) => ({ messages, hasOlder: i < pages.length - 1 || messages[0]!.seq > 1 })),
    pageParams: pages.map((page, i) => (i === 0 ? undefined : page.at(-1)!.seq + 1)),
  });
  type Data = InfiniteData<ThreadPage, number | undefined>;

  it('keeps the object of every message that did not change, though the newest page moved by one', () => {
    const before = thread(range(51, 100), range(1, 50));
    const after = shareMessagesById(before, thread([...range(52, 100), text(101)], range(2, 51))) as Data;
    const was = new Map(before.pages.flatMap((page) => page.messages).map((m) => [m.id, m]));
    for (const message of after.pages.flatMap((page) => page.messages)) {
      if (message.id === 'm101') expect(was.has(message.id)).toBe(false);
      else expect(message).toBe(was.get(message.id));
    }
  });

  it('takes the new object of a changed message, and keeps pages and the thread that did not change', () => {
    const before = thread(range(51, 100), range(1, 50));
    const same = thread(range(51, 100), range(1, 50));
    expect(shareMessagesById(before, same)).toBe(before);

    const edited = thread([...range(51, 99), text(100, 'edited')], range(1, 50));
    const after = shareMessagesById(before, edited) as Data;
    expect(after.pages[0]!.messages[49]!.body).toBe('edited');
    expect(after.pages[0]!.messages[48]).toBe(before.pages[0]!.messages[48]);
    expect(after.pages[1]).toBe(before.pages[1]);
    expect(shareMessagesById(undefined, edited)).toBe(edited);
  });

});
