import { act, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { InboxRow } from '../../../shared/ipc/contract';
import { deskKeyPrefix } from '../api/queryKeys';
import { fakeDesk, renderWithDesk } from '../test/fakeDesk';
import { INBOX_PAGE_SIZE, useInbox } from './useInbox';

/**
 * The core's inbox in miniature: conversations newest first, paged by key with `after` and
 * `until` as `inbox.list` does (its own cursor text: the hook only passes cursors back).
 */
function fakeInbox(count: number) {
  const at = new Map(Array.from({ length: count }, (_, i) => [`c${String(i).padStart(3, '0')}`, 10_000 - i]));
  const order = () => [...at.entries()].sort(([a, ta], [b, tb]) => tb - ta || (a < b ? 1 : -1));
  const cursor = ([id, t]: [string, number]) => JSON.stringify([t, id]);
  /** Whether a row comes after the cursor's row in the order. */
  const isAfter = ([id, t]: [string, number], text: string) => {
    const [ct, cid] = JSON.parse(text) as [number, string];
    return t < ct || (t === ct && id < cid);
  };
  const list = async ({ after, until, limit }: { after?: string; until?: string; limit: number }) => {
    const rows = order().filter((r) => (after === undefined || isAfter(r, after)) && (until === undefined || !isAfter(r, until)));
    const page = rows.slice(0, limit);
    return {
      rows: page.map(([id, t]) => ({ conversationId: id, lastMessageAt: t }) as InboxRow),
      total: at.size,
      needAttention: 0,
      next: rows.length > limit ? cursor(page.at(-1)!) : null,
    };
  };
  return { at, list, ids: () => order().map(([id]) => id) };
}

let inbox: ReturnType<typeof useInbox>;
function Harness() {
  inbox = useInbox('all');
  return null;
}

const ids = () => inbox.rows.map((r) => r.conversationId);

describe('useInbox', () => {
  it('pages by cursor; after a change it fetches again only the first page and the pages in view, each as its stretch, and a stale page once it comes into view', async () => {
    const core = fakeInbox(4 * INBOX_PAGE_SIZE + 10);
    const desk = fakeDesk({ 'inbox.list': core.list as never });
    const { queryClient } = await renderWithDesk(<Harness />, desk);
    await waitFor(() => expect(inbox.rows).toHaveLength(INBOX_PAGE_SIZE));
    for (let pages = 2; pages <= 4; pages++) {
      act(() => inbox.fetchNextPage());
      await waitFor(() => expect(inbox.rows).toHaveLength(pages * INBOX_PAGE_SIZE));
    }
    expect(inbox.hasNextPage).toBe(true);
    const listCalls = () => desk.calls.filter((c) => c.method === 'inbox.list').map((c) => c.request as { after?: string; until?: string; limit: number });
    // Each page after the first starts after the previous page's last row.
    expect(listCalls().map((r) => r.after === undefined)).toEqual([true, false, false, false]);

    // The agent looks at the third page (rows 110-120).
    act(() => inbox.showRows(110, 120));
    const shown = core.ids().slice(100, 150);
    // Then a message bumps a conversation of the fourth page (not in view) to the top, and one of
    // the third page moves into the second.
    const bumped = core.ids()[170]!;
    const moved = core.ids()[120]!;
    core.at.set(bumped, 20_000);
    core.at.set(moved, core.at.get(core.ids()[60]!)! + 0.5);
    const before = listCalls().length;
    await act(async () => queryClient.invalidateQueries({ queryKey: deskKeyPrefix('inbox.list') }));
    await waitFor(() => expect(inbox.rows[0]?.conversationId).toBe(bumped));
    const again = listCalls().slice(before);
    // Two calls, not four: the first page until its end, and the page in view as its stretch.
    expect(again).toHaveLength(2);
    expect(again.map((r) => [r.after === undefined, r.until !== undefined])).toEqual([
      [true, true],
      [false, true],
    ]);
    // Every conversation once; the bumped one at the top (its old copy on the stale fourth page is
    // older), the moved one not yet at its new place (the second page is stale) but not twice.
    expect(new Set(ids()).size).toBe(ids().length);
    expect(ids().filter((id) => id === bumped)).toHaveLength(1);
    expect(ids()).toEqual(expect.arrayContaining(shown.filter((id) => id !== moved)));

    // Scrolling over the second page fetches it again: the moved conversation is in its new place.
    act(() => inbox.showRows(40, 60));
    await waitFor(() => expect(ids()).toContain(moved));
    expect(ids().indexOf(moved)).toBe(core.ids().indexOf(moved));
    expect(listCalls().slice(before + 2)).toHaveLength(1);
    // Everything loaded is the core's order (the fourth page, stale, still lacks nothing it had).
    expect(ids().slice(0, 150)).toEqual(core.ids().slice(0, 150));
    expect(new Set(ids())).toEqual(new Set(core.ids().slice(0, 4 * INBOX_PAGE_SIZE)));
  });

  it('at the top, starts over from a fresh first page on each change, however many conversations arrived above it', async () => {
    const core = fakeInbox(3 * INBOX_PAGE_SIZE);
    const desk = fakeDesk({ 'inbox.list': core.list as never });
    const { queryClient } = await renderWithDesk(<Harness />, desk);
    await waitFor(() => expect(inbox.rows).toHaveLength(INBOX_PAGE_SIZE));
    act(() => inbox.fetchNextPage());
    await waitFor(() => expect(inbox.rows).toHaveLength(2 * INBOX_PAGE_SIZE));
    act(() => inbox.showRows(0, 12));
    const listCalls = () => desk.calls.filter((c) => c.method === 'inbox.list').map((c) => c.request as { after?: string; until?: string; limit: number });

    // A flood: 3 x 40 new conversations, each wave followed by a change notice.
    for (let wave = 0; wave < 3; wave++) {
      for (let i = 0; i < 40; i++) core.at.set(`n${wave}-${String(i).padStart(2, '0')}`, 20_000 + wave * 100 + i);
      const before = listCalls().length;
      await act(async () => queryClient.invalidateQueries({ queryKey: deskKeyPrefix('inbox.list') }));
      await waitFor(() => expect(inbox.rows[0]?.conversationId).toBe(core.ids()[0]));
      // One page of the usual size, from the top: it does not grow with what arrived.
      expect(listCalls().slice(before)).toEqual([{ view: 'all', filter: {}, sort: 'latest', limit: INBOX_PAGE_SIZE }]);
      expect(ids()).toEqual(core.ids().slice(0, INBOX_PAGE_SIZE));
    }
    // The pages below load again on scroll, where the fresh first page ends.
    act(() => inbox.fetchNextPage());
    await waitFor(() => expect(inbox.rows).toHaveLength(2 * INBOX_PAGE_SIZE));
    expect(ids()).toEqual(core.ids().slice(0, 2 * INBOX_PAGE_SIZE));
  });

  it('keeps the rows it shows when a refresh fails', async () => {
    const core = fakeInbox(3);
    let failing = false;
    const desk = fakeDesk({
      'inbox.list': (async (request: Parameters<typeof core.list>[0]) => {
        if (failing) throw new Error('the cache could not be read');
        return core.list(request);
      }) as never,
    });
    const { queryClient } = await renderWithDesk(<Harness />, desk);
    await waitFor(() => expect(inbox.rows).toHaveLength(3));
    failing = true;
    const calls = desk.calls.length;
    await act(() => queryClient.invalidateQueries({ queryKey: deskKeyPrefix('inbox.list') }));
    await waitFor(() => expect(queryClient.isFetching()).toBe(0));
    expect(desk.calls.length).toBeGreaterThan(calls);
    expect(queryClient.getQueryCache().findAll({ queryKey: deskKeyPrefix('inbox.list') })[0]?.state.status).toBe('error');
    expect(inbox.isError).toBe(false);
    expect(ids()).toEqual(['c000', 'c001', 'c002']);
  });

  it('reports an error for a list that could not be loaded at all', async () => {
    const desk = fakeDesk({
      'inbox.list': async () => {
        throw new Error('the cache could not be read');
      },
    });
    await renderWithDesk(<Harness />, desk);
    await waitFor(() => expect(inbox.isError).toBe(true));
    expect(inbox.rows).toEqual([]);
  });
});
