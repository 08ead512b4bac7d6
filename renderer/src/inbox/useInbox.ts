import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { InboxFilter, InboxRow, InboxSort, InboxView } from '../../../shared/ipc/contract';
import { useDeskApi } from '../api/ApiContext';
import { callDesk } from '../api/call';
import { deskKey } from '../api/queryKeys';

export const INBOX_PAGE_SIZE = 50;

/**
 * One inbox view with its filter and sort, paged by key as the agent scrolls: each page starts
 * after the previous page's last row, so a page deep in the view costs what the first one does.
 * A refetch reloads the pages in a chain from the first, so the list stays a consistent snapshot
 * after each change notice.
 */
export function useInbox(view: InboxView, filter: InboxFilter = {}, sort: InboxSort = 'latest') {
  const api = useDeskApi();
  const query = useInfiniteQuery({
    queryKey: deskKey('inbox.list', { view, filter, sort, limit: INBOX_PAGE_SIZE }),
    queryFn: ({ pageParam }) => callDesk(api, 'inbox.list', { view, filter, sort, after: pageParam ?? undefined, limit: INBOX_PAGE_SIZE }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next,
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
