import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { InboxFilter, InboxRow, InboxSort, InboxView } from '../../../shared/ipc/contract';
import { useDeskApi } from '../api/ApiContext';
import { callDesk } from '../api/call';
import { deskKey } from '../api/queryKeys';

export const INBOX_PAGE_SIZE = 50;

/**
 * One inbox view with its filter and sort, paged by offset as the agent scrolls. A refetch reloads
 * the same number of pages from offset 0, so the list stays a consistent snapshot after each
 * change notice.
 */
export function useInbox(view: InboxView, filter: InboxFilter = {}, sort: InboxSort = 'latest') {
  const api = useDeskApi();
  const query = useInfiniteQuery({
    queryKey: deskKey('inbox.list', { view, filter, sort, limit: INBOX_PAGE_SIZE }),
    queryFn: ({ pageParam }) => callDesk(api, 'inbox.list', { view, filter, sort, offset: pageParam, limit: INBOX_PAGE_SIZE }),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => {
      const loaded = pages.reduce((sum, page) => sum + page.rows.length, 0);
      return last.rows.length > 0 && loaded < last.total ? loaded : undefined;
    },
  });

  const rows = useMemo(() => uniqueRows(query.data?.pages.flatMap((page) => page.rows) ?? []), [query.data]);
  const first = query.data?.pages[0];
  return { ...query, rows, total: first?.total ?? null, needAttention: first?.needAttention ?? null };
}

/**
 * Between loading two pages a conversation can move to the top and appear in both; the first
 * (most recent) position wins.
 */
export function uniqueRows(rows: InboxRow[]): InboxRow[] {
  const seen = new Set<string>();
  return rows.filter((row) => !seen.has(row.conversationId) && seen.add(row.conversationId));
}
