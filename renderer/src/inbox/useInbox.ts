import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { InboxFilter, InboxRow, InboxSort, InboxView } from '../../../shared/ipc/contract';
import { useDeskApi } from '../api/ApiContext';
import { callDesk } from '../api/call';
import { deskKey } from '../api/queryKeys';
import { useStableItems } from '../api/stableItems';
import { appendPage, firstPage, markStale, mergedRows, replacePage, type InboxPages, type PageAnswer } from './inboxPages';

export const INBOX_PAGE_SIZE = 50;
/** The most rows a loaded page may have grown to when it is fetched again (the contract's limit). */
const REFETCH_LIMIT = 500;

/**
 * One inbox view with its filter and sort, paged by key as the agent scrolls: each page starts
 * after the previous page's last row, so a page deep in the view costs what the first one does.
 *
 * After a change notice, an agent at the top gets a fresh first page, and the pages below are
 * dropped. Scrolled further, only the first page and the pages in view are fetched again, each as
 * the same stretch of the order it held (from its start cursor until its end cursor); the others are
 * marked stale and fetched again when they come into view. Fetching every loaded page again,
 * from the first, would cost an agent scrolled deep one call per page on every incoming message.
 * Because stretches are bounded by keys, a conversation that moved is listed in the stretch it
 * moved to, and where a stale page still holds an older copy the newer copy wins (mergedRows):
 * what the agent sees is neither duplicated nor skipped. A stale page out of view may lack a
 * conversation that moved into it, until it is scrolled to.
 */
const rowId = (row: InboxRow) => row.conversationId;

export function useInbox(view: InboxView, filter: InboxFilter = {}, sort: InboxSort = 'latest') {
  const api = useDeskApi();
  const queryClient = useQueryClient();
  const queryKey = useMemo(() => deskKey('inbox.list', { view, filter, sort, limit: INBOX_PAGE_SIZE }), [view, filter, sort]);
  const keyText = JSON.stringify(queryKey);
  /** The pages the list shows, reported by it: [first, last], of this key. */
  const inView = useRef<{ key: string; first: number; last: number } | null>(null);

  const fetchPage = useCallback(
    (after: string | null, until: string | null, limit: number): Promise<PageAnswer> =>
      callDesk(api, 'inbox.list', { view, filter, sort, limit, ...(after === null ? {} : { after }), ...(until === null ? {} : { until }) }),
    [api, view, filter, sort],
  );
  const current = useCallback(() => queryClient.getQueryData<InboxPages>(queryKey), [queryClient, queryKey]);

  const query = useQuery({
    queryKey,
    queryFn: async (): Promise<InboxPages> => {
      const before = current();
      const shown = inView.current?.key === keyText ? inView.current : { first: 0, last: 0 };
      // At the top, the list starts over from a fresh first page. Fetched again as its stretch,
      // the first page would take in every conversation that arrived above its end, so during a
      // flood of new conversations each refetch would carry hundreds of rows; the pages below are
      // out of view and load again on scroll.
      if (!before || shown.last === 0) return firstPage(await fetchPage(null, null, INBOX_PAGE_SIZE));
      const wanted = [...new Set([0, ...range(shown.first, Math.min(shown.last, before.pages.length - 1))])];
      const answers = await Promise.all(
        wanted.map(async (index) => {
          const page = before.pages[index]!;
          return { index, page, answer: await fetchPage(page.after, page.end, REFETCH_LIMIT) };
        }),
      );
      // Pages loaded while these were fetched are kept: merge into the list as it is now.
      return answers.reduce((list, { index, page, answer }) => replacePage(list, index, page, answer), markStale(current() ?? before));
    },
  });

  const list = query.data;
  const merged = useMemo(() => (list ? mergedRows(list) : { rows: [], pageOf: [] }), [list]);
  const rows = useStableItems(merged.rows, rowId);
  const last = list?.pages.at(-1);

  const [loadingMore, setLoadingMore] = useState(false);
  const [loadFailed, setLoadFailed] = useState(false);
  useEffect(() => setLoadFailed(false), [list]);
  const hasNextPage = !loadFailed && last !== undefined && last.end !== null;
  const fetchNextPage = useCallback(() => {
    const after = current()?.pages.at(-1)?.end;
    if (loadingMore || after === undefined || after === null) return;
    setLoadingMore(true);
    fetchPage(after, null, INBOX_PAGE_SIZE)
      .then((answer) => queryClient.setQueryData<InboxPages>(queryKey, (old) => (old ? appendPage(old, after, answer) : old)))
      .catch(() => setLoadFailed(true))
      .finally(() => setLoadingMore(false));
  }, [current, fetchPage, loadingMore, queryClient, queryKey]);

  // Stale pages that come into view are fetched again, one request per page at a time.
  const refreshing = useRef(new Set<string>());
  const [shownPages, setShownPages] = useState<{ key: string; first: number; last: number } | null>(null);
  const showRows = useCallback(
    (firstRow: number, lastRow: number) => {
      const first = merged.pageOf[Math.max(0, firstRow)];
      const lastPage = merged.pageOf[Math.min(lastRow, merged.pageOf.length - 1)];
      if (first === undefined || lastPage === undefined) return;
      inView.current = { key: keyText, first, last: lastPage };
      setShownPages((old) => (old?.key === keyText && old.first === first && old.last === lastPage ? old : inView.current));
    },
    [merged, keyText],
  );
  useEffect(() => {
    if (!list || shownPages?.key !== keyText) return;
    for (const index of range(shownPages.first, Math.min(shownPages.last, list.pages.length - 1))) {
      const page = list.pages[index]!;
      const id = `${page.after}…${page.end}`;
      if (!page.stale || refreshing.current.has(id)) continue;
      refreshing.current.add(id);
      fetchPage(page.after, page.end, REFETCH_LIMIT)
        .then((answer) => queryClient.setQueryData<InboxPages>(queryKey, (old) => (old ? replacePage(old, index, page, answer) : old)))
        .catch(() => undefined)
        .finally(() => refreshing.current.delete(id));
    }
  }, [list, shownPages, keyText, fetchPage, queryClient, queryKey]);

  return {
    isPending: query.isPending,
    // Only a list never loaded is an error: a failed refresh keeps the rows already shown (as the
    // thread keeps its messages), and the next change notice tries again.
    isError: query.isError && !list,
    rows,
    total: list?.total ?? null,
    needAttention: list?.needAttention ?? null,
    hasNextPage,
    isFetchingNextPage: loadingMore,
    fetchNextPage,
    /** The list reports the rows it shows (indexes into `rows`), so stale pages among them are fetched again. */
    showRows,
  };
}

function range(first: number, last: number): number[] {
  return Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => first + i);
}
