import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Conversation, ConversationStatus } from '../../../shared/domain';
import { INBOX_SORTS, INBOX_VIEWS, type InboxSort, type InboxView } from '../../../shared/ipc/contract';
import { inboxCursorSchema } from '../../../shared/ipc/inboxCursor';
import type { Store } from '../store';
import { conversation, openStore, removeTempDirs, SELF, upserted } from '../testkit/fixtures';

const stores: Store[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
});
afterAll(() => removeTempDirs());

function storeWith(conversations: Conversation[], pinned: string[] = []): Store {
  const s = openStore();
  stores.push(s);
  s.applyEvents(conversations.map(upserted), SELF);
  pinned.forEach((id, i) => s.applier.setPinned(id, true, 1_000 + i));
  return s;
}

const cursor = (next: string) => inboxCursorSchema.parse(next);

/** Every page of a view walked by cursor, as the console scrolls it. */
function walk(s: Store, view: InboxView, sort: InboxSort, limit: number) {
  const pages: Array<{ ids: string[]; next: string | null; total: number; needAttention: number }> = [];
  for (let after: string | null | undefined; after !== null; ) {
    const page = s.queries.inboxPage(view, {}, sort, SELF, { after: after === undefined ? undefined : cursor(after), limit });
    pages.push({ ids: page.rows.map((r) => r.conversationId), next: page.next, total: page.total, needAttention: page.needAttention });
    after = page.next;
    if (pages.length > 1_000) throw new Error('paging does not end');
  }
  return pages;
}

const ids = (s: Store, view: InboxView, sort: InboxSort) => s.queries.inboxPage(view, {}, sort, SELF, { limit: 500 }).rows.map((r) => r.conversationId);

/**
 * 48 conversations over every status, three activity times and three waiting times only, so that
 * most rows tie on their time and only the id orders them; some pinned.
 */
function tiedConversations(): { conversations: Conversation[]; pinned: string[] } {
  const statuses: ConversationStatus[] = ['queued', 'active', 'pending', 'resolved', 'abandoned'];
  const conversations = Array.from({ length: 48 }, (_, i) =>
    conversation(`c${String(i).padStart(2, '0')}`, {
      seq: i + 1,
      status: statuses[i % statuses.length],
      assigneeId: i % 3 === 0 ? SELF : 'other',
      lastMessageAt: [10, 20, 30][i % 3],
      waitingSince: i % 4 === 0 ? null : [5, 7, 5][i % 3],
    }),
  );
  return { conversations, pinned: ['c03', 'c07', 'c20', 'c31'] };
}

/** The order each sort promises, computed apart from SQL (pinned first, ties by id). */
function expected(conversations: Conversation[], pinned: string[], view: InboxView, sort: InboxSort): string[] {
  const open = (c: Conversation) => ['queued', 'active', 'pending'].includes(c.status);
  const waiting = (c: Conversation) => c.waitingSince !== null && open(c);
  const inView: Record<InboxView, (c: Conversation) => boolean> = {
    all: open,
    mine: (c) => open(c) && c.assigneeId === SELF,
    queued: (c) => c.status === 'queued',
    attention: waiting,
    pending: (c) => c.status === 'pending',
    resolved: (c) => !open(c),
  };
  const byId = (a: Conversation, b: Conversation) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const compare =
    sort === 'latest'
      ? (a: Conversation, b: Conversation) => b.lastMessageAt - a.lastMessageAt || -byId(a, b)
      : (a: Conversation, b: Conversation) => {
          const key = (c: Conversation) => (waiting(c) ? [0, c.waitingSince ?? 0] : [1, c.lastMessageAt]);
          const [ga, ta] = key(a);
          const [gb, tb] = key(b);
          return ga! - gb! || ta! - tb! || byId(a, b);
        };
  const rows = conversations.filter(inView[view]);
  const isPinned = (c: Conversation) => pinned.includes(c.id);
  return [...rows.filter(isPinned).sort(compare), ...rows.filter((c) => !isPinned(c)).sort(compare)].map((c) => c.id);
}

describe('inbox paging by key', () => {
  it('lists every view in each sort across pages of any size, ties ordered by id, each row once, with the same totals on every page', () => {
    const { conversations, pinned } = tiedConversations();
    const s = storeWith(conversations, pinned);
    for (const view of INBOX_VIEWS) {
      for (const sort of INBOX_SORTS) {
        const all = expected(conversations, pinned, view, sort);
        expect(ids(s, view, sort), `${view} ${sort}`).toEqual(all);
        const first = s.queries.inboxPage(view, {}, sort, SELF, { limit: 500 });
        for (const limit of [1, 2, 3, 7]) {
          const pages = walk(s, view, sort, limit);
          const what = `${view} ${sort} by ${limit}`;
          expect(pages.flatMap((p) => p.ids), what).toEqual(all);
          // Every page is full but the last; the last says nothing follows.
          expect(pages.slice(0, -1).every((p) => p.ids.length === limit && p.next !== null), what).toBe(true);
          expect(pages.at(-1)?.next, what).toBeNull();
          for (const p of pages) expect({ total: p.total, needAttention: p.needAttention }, what).toEqual({ total: first.total, needAttention: first.needAttention });
        }
      }
    }
  });

  it('fetches a loaded page again as the same stretch of the order: from its start cursor until its end cursor', () => {
    const { conversations, pinned } = tiedConversations();
    const s = storeWith(conversations, pinned);
    for (const sort of INBOX_SORTS) {
      const pages = walk(s, 'all', sort, 4);
      let after: string | undefined;
      for (const page of pages) {
        const again = s.queries.inboxPage('all', {}, sort, SELF, {
          after: after === undefined ? undefined : cursor(after),
          until: page.next === null ? undefined : cursor(page.next),
          limit: 50,
        });
        expect(again.rows.map((r) => r.conversationId), sort).toEqual(page.ids);
        expect(again.next, 'nothing of the stretch is left over').toBeNull();
        after = page.next ?? undefined;
      }
      // A stretch larger than the limit is cut there, and says where it goes on.
      const [firstPage, secondPage] = pages;
      const cut = s.queries.inboxPage('all', {}, sort, SELF, { until: cursor(secondPage!.next!), limit: 4 });
      expect(cut.rows.map((r) => r.conversationId)).toEqual(firstPage!.ids);
      expect(cut.next).toBe(firstPage!.next);
    }
  });

  it('neither repeats nor skips a row when a conversation moves between pages while the agent scrolls', () => {
    const conversations = Array.from({ length: 12 }, (_, i) => conversation(`m${String(i).padStart(2, '0')}`, { seq: 1, lastMessageAt: 100 - i }));
    const s = storeWith(conversations);
    const all = conversations.map((c) => c.id);
    const first = s.queries.inboxPage('all', {}, 'latest', SELF, { limit: 4 });
    expect(first.rows.map((r) => r.conversationId)).toEqual(all.slice(0, 4));
    // A new message bumps m09 (not loaded yet) to the top, and m01 (loaded) goes quiet: it is
    // resolved and leaves the view.
    s.applyEvents([upserted(conversation('m09', { seq: 2, lastMessageAt: 200 })), upserted(conversation('m01', { seq: 2, lastMessageAt: 99, status: 'resolved' }))], SELF);
    // The next pages continue after the first page's last row: m09 is not met again below.
    const rest: string[] = [];
    for (let after = first.next; after !== null; ) {
      const page = s.queries.inboxPage('all', {}, 'latest', SELF, { after: cursor(after), limit: 4 });
      rest.push(...page.rows.map((r) => r.conversationId));
      after = page.next;
    }
    expect(rest).toEqual(all.slice(4).filter((id) => id !== 'm09'));
    // Fetching the first page again as its stretch brings m09 in at the top and m01 out.
    const again = s.queries.inboxPage('all', {}, 'latest', SELF, { until: cursor(first.next!), limit: 50 });
    expect(again.rows.map((r) => r.conversationId)).toEqual(['m09', 'm00', 'm02', 'm03']);
    expect([...again.rows.map((r) => r.conversationId), ...rest].sort()).toEqual(all.filter((id) => id !== 'm01').sort());
  });

  it('keeps a row moving down the order (answered: no longer waiting) exactly once when pages are fetched again by their cursors', () => {
    const waiting = (id: string, since: number) => conversation(id, { seq: 1, lastMessageAt: 500 + since, waitingSince: since });
    const quiet = (id: string, at: number) => conversation(id, { seq: 1, lastMessageAt: at });
    const s = storeWith([waiting('w1', 1), waiting('w2', 2), waiting('w3', 3), quiet('q1', 10), quiet('q2', 20), quiet('q3', 30)]);
    const before = walk(s, 'all', 'oldestWaiting', 2);
    expect(before.map((p) => p.ids)).toEqual([['w1', 'w2'], ['w3', 'q1'], ['q2', 'q3']]);
    // w1 is answered: it leaves the waiting stretch for the quiet one, after q3.
    s.applyEvents([upserted(conversation('w1', { seq: 2, lastMessageAt: 600, waitingSince: null }))], SELF);
    let after: string | null = null;
    const again: string[][] = [];
    for (const page of before) {
      const fresh = s.queries.inboxPage('all', {}, 'oldestWaiting', SELF, {
        after: after === null ? undefined : cursor(after),
        until: page.next === null ? undefined : cursor(page.next),
        limit: 50,
      });
      again.push(fresh.rows.map((r) => r.conversationId));
      after = page.next;
    }
    expect(again).toEqual([['w2'], ['w3', 'q1'], ['q2', 'q3', 'w1']]);
  });

  it('refuses a cursor of another sort with a clear error', () => {
    const s = storeWith([conversation('a', { seq: 1, waitingSince: 3 }), conversation('b', { seq: 1 })]);
    const latest = s.queries.inboxPage('all', {}, 'latest', SELF, { limit: 1 }).next!;
    // oldestWaiting's pinned stretch has a two-part key; latest's has one.
    const pinnedKey = { stretch: 0, key: [1], id: 'a' };
    expect(() => s.queries.inboxPage('all', {}, 'oldestWaiting', SELF, { after: pinnedKey, limit: 1 })).toThrow(
      expect.objectContaining({ code: 'invalid', message: expect.stringContaining('does not belong to the oldestWaiting order') }),
    );
    expect(() => s.queries.inboxPage('all', {}, 'latest', SELF, { until: { ...cursor(latest), stretch: 7 }, limit: 1 })).toThrow(
      expect.objectContaining({ code: 'invalid' }),
    );
  });
});
