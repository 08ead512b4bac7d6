import { describe, expect, it } from 'vitest';
import type { InboxRow } from '../../../shared/ipc/contract';
import { appendPage, firstPage, markStale, mergedRows, replacePage, type PageAnswer } from './inboxPages';

const row = (conversationId: string, preview = '') => ({ conversationId, preview }) as InboxRow;
const answer = (ids: string[], next: string | null, total = 9): PageAnswer => ({ rows: ids.map((id) => row(id)), total, needAttention: 0, next });
const ids = (rows: InboxRow[]) => rows.map((r) => r.conversationId);

describe('inbox pages', () => {
  const loaded = () => appendPage(appendPage(firstPage(answer(['a', 'b'], 'B')), 'B', answer(['c', 'd'], 'D')), 'D', answer(['e', 'f'], null));

  it('chains pages by their end cursors and ignores a page fetched after an end the list no longer has', () => {
    const list = loaded();
    expect(list.pages.map((p) => [p.after, p.end])).toEqual([[null, 'B'], ['B', 'D'], ['D', null]]);
    expect(appendPage(list, 'B', answer(['x'], null))).toBe(list);
    expect(ids(mergedRows(list).rows)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(mergedRows(list).pageOf).toEqual([0, 0, 1, 1, 2, 2]);
  });

  it('lists a conversation that moved once, where its newer copy is', () => {
    // e moved to the top (first page fetched again); b moved down into the last page's stretch.
    let list = markStale(loaded());
    list = replacePage(list, 0, { after: null, end: 'B' }, answer(['e', 'a'], null, 9));
    expect(ids(mergedRows(list).rows)).toEqual(['e', 'a', 'c', 'd', 'f']);
    list = replacePage(list, 2, { after: 'D', end: null }, answer(['f', 'b'], null));
    expect(ids(mergedRows(list).rows)).toEqual(['e', 'a', 'c', 'd', 'f', 'b']);
    expect(list.pages.map((p) => p.stale)).toEqual([false, true, false]);
  });

  it('cuts a page that grew past one answer where the answer ends, and drops the pages after it', () => {
    const list = replacePage(markStale(loaded()), 1, { after: 'B', end: 'D' }, answer(['c', 'n1', 'n2'], 'N2'));
    expect(list.pages.map((p) => [p.after, p.end])).toEqual([[null, 'B'], ['B', 'N2']]);
    expect(ids(mergedRows(list).rows)).toEqual(['a', 'b', 'c', 'n1', 'n2']);
    // Read before the cut: no longer the list's page 1.
    expect(replacePage(list, 1, { after: 'B', end: 'D' }, answer([], null))).toBe(list);
  });
});
