// The loaded part of an inbox view, as consecutive stretches of its order ("pages") bounded by
// cursors: page i holds the rows after page i-1's end up to its own end. Because the bounds are
// keys, not positions, pages can be fetched again one at a time and together still cover the
// order once: a conversation that moved is found in the stretch it moved to. Pure: the hook does
// the fetching.
import type { InboxRow } from '../../../shared/ipc/contract';

export interface InboxPage {
  rows: InboxRow[];
  /** The cursor the page starts after; null: the start of the view. The previous page's end. */
  after: string | null;
  /** The cursor of its last row when more of the view follows; null: it runs to the end of the view. */
  end: string | null;
  /** When it was fetched, counted up per list: of two copies of a row, the newer one is where the row is. */
  fetched: number;
  /** Fetched before the latest change; fetched again when it comes into view. */
  stale: boolean;
}

export interface InboxPages {
  pages: InboxPage[];
  total: number;
  needAttention: number;
  /** The last `fetched` given out. */
  fetchCount: number;
}

/** An `inbox.list` answer. */
export interface PageAnswer {
  rows: InboxRow[];
  total: number;
  needAttention: number;
  next: string | null;
}

export function firstPage(answer: PageAnswer): InboxPages {
  return {
    pages: [{ rows: answer.rows, after: null, end: answer.next, fetched: 1, stale: false }],
    total: answer.total,
    needAttention: answer.needAttention,
    fetchCount: 1,
  };
}

/** The next page, fetched after `after`; ignored when the list no longer ends there. */
export function appendPage(list: InboxPages, after: string, answer: PageAnswer): InboxPages {
  if (list.pages.at(-1)?.end !== after) return list;
  const fetched = list.fetchCount + 1;
  return {
    pages: [...list.pages, { rows: answer.rows, after, end: answer.next, fetched, stale: false }],
    total: answer.total,
    needAttention: answer.needAttention,
    fetchCount: fetched,
  };
}

export function markStale(list: InboxPages): InboxPages {
  return { ...list, pages: list.pages.map((page) => (page.stale ? page : { ...page, stale: true })) };
}

/**
 * Page `index` fetched again as its stretch (after `page.after`, until `page.end`); ignored when
 * the list has changed there since `page` was read. A stretch that grew past what one answer
 * holds is cut where the answer ends, and the pages after it are dropped: they load again on
 * scroll, so no row in between is left out.
 */
export function replacePage(list: InboxPages, index: number, page: Pick<InboxPage, 'after' | 'end'>, answer: PageAnswer): InboxPages {
  const current = list.pages[index];
  if (!current || current.after !== page.after || current.end !== page.end) return list;
  const fetched = list.fetchCount + 1;
  const cut = answer.next !== null;
  const fresh: InboxPage = { rows: answer.rows, after: page.after, end: cut ? answer.next : page.end, fetched, stale: false };
  return {
    pages: [...list.pages.slice(0, index), fresh, ...(cut ? [] : list.pages.slice(index + 1))],
    total: answer.total,
    needAttention: answer.needAttention,
    fetchCount: fetched,
  };
}

/**
 * The rows in order, each conversation once: where two pages hold it (it moved between their
 * fetches), the newer copy. `pageOf[i]` is the page of `rows[i]`.
 */
export function mergedRows(list: InboxPages): { rows: InboxRow[]; pageOf: number[] } {
  const newest = new Map<string, number>();
  list.pages.forEach((page, index) => {
    for (const row of page.rows) {
      const seen = newest.get(row.conversationId);
      if (seen === undefined || list.pages[seen]!.fetched < page.fetched) newest.set(row.conversationId, index);
    }
  });
  const rows: InboxRow[] = [];
  const pageOf: number[] = [];
  list.pages.forEach((page, index) => {
    for (const row of page.rows) {
      if (newest.get(row.conversationId) !== index) continue;
      newest.delete(row.conversationId);
      rows.push(row);
      pageOf.push(index);
    }
  });
  return { rows, pageOf };
}
