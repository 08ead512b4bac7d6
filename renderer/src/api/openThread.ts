// The watched thread's newest page and details come with the change notice (`ChangeNotice.open`,
// see `thread.watch`). They are written into the queries that show them when that is safe, and
// the refetches they make needless are dropped, so a new message costs no request and no wait for
// an answer behind the host's live traffic.
import type { InfiniteData, QueryClient, QueryKey } from '@tanstack/react-query';
import type { ConversationDetail, OpenThread, ThreadPage } from '../../../shared/ipc/contract';
import { deskKey } from './queryKeys';

/** What the thread's infinite query holds: pages of messages, the newest first. */
export type ThreadData = InfiniteData<ThreadPage, number | undefined>;

/**
 * Writes the pushed answers into the queries that hold the same request; answers the hashes of
 * the queries written. A query that is loading is left alone: its answer may have been read before
 * this change and would overwrite it, and its refetch follows the notice anyway. So is a thread
 * scrolled back beyond its newest page: a newer newest page would leave a gap before the next one.
 */
export function applyOpenThread(client: QueryClient, open: OpenThread): Set<string> {
  const written = new Set<string>();
  const write = <T>(queryKey: QueryKey, next: (data: T) => T | null) => {
    const query = client.getQueryCache().find<T>({ queryKey, exact: true });
    if (!query || query.state.data === undefined || query.state.fetchStatus !== 'idle') return;
    const data = next(query.state.data);
    if (data === null) return;
    client.setQueryData(queryKey, data);
    written.add(query.queryHash);
  };
  const { conversationId, limit } = open;
  write<ThreadData>(deskKey('thread.get', { conversationId, limit }), (data) =>
    data.pages.length === 1 && data.pageParams[0] === undefined ? { pages: [open.page], pageParams: [undefined] } : null,
  );
  write<ConversationDetail>(deskKey('conversation.get', { conversationId }), () => open.detail);
  return written;
}

/** The keys still to refetch: those with a query the push did not just write. */
export function notWritten(client: QueryClient, queryKeys: QueryKey[], written: ReadonlySet<string>): QueryKey[] {
  if (written.size === 0) return queryKeys;
  return queryKeys.filter((queryKey) => {
    const queries = client.getQueryCache().findAll({ queryKey });
    return queries.length === 0 || queries.some((query) => !written.has(query.queryHash));
  });
}
