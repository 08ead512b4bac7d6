// A thread is an infinite query whose first page is the newest messages and whose further pages
// go back in time. A refetch (after a change notice) reloads the newest page and then each older
// page anchored to the one before it, so the pages stay contiguous as new messages arrive.
import { type InfiniteData, useInfiniteQuery, type UseInfiniteQueryResult } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { DeskApi, ThreadMessage, ThreadPage } from '../../../shared/ipc/contract';
import { useDeskApi } from '../api/ApiContext';
import { callDesk } from '../api/call';
import { deskKey } from '../api/queryKeys';
import type { ThreadData } from '../api/openThread';
import { keepUnchanged } from '../api/stableItems';

export const THREAD_PAGE_SIZE = 50;

/**
 * One page of history. Older pages come from the cache first; when the cache has nothing older but
 * the server does and the agent asked for more (`fromServer`), the server page is fetched into the
 * cache and the cache is read again. Refetches after a change notice stay local, so a live
 * message never waits for (or fails with) a server round trip.
 */
export async function loadThreadPage(api: DeskApi, conversationId: string, beforeSeq: number | undefined, fromServer: boolean): Promise<ThreadPage> {
  const request = { conversationId, limit: THREAD_PAGE_SIZE, beforeSeq };
  const cached = await callDesk(api, 'thread.get', request);
  if (!fromServer || cached.messages.length > 0 || !cached.hasOlder) return cached;
  const fetched = await callDesk(api, 'thread.loadOlder', { conversationId });
  // Read the cache again even when this call fetched nothing: an overlapping load (a refetch after
  // a change notice, or a load whose promise was cancelled and whose request went on) may have
  // cached this page between the read above and this call, which then finds nothing left to fetch.
  const page = await callDesk(api, 'thread.get', request);
  // Nothing came back and nothing is cached: treat it as the beginning rather than asking again on
  // every scroll.
  if (fetched.loaded === 0 && page.messages.length === 0) return { messages: [], hasOlder: false };
  return page;
}

/**
 * Where the next older page starts. An empty page that still has older history (not cached yet)
 * asks again from the same point; an empty first page asks for everything before "the end".
 */
export function olderPageParam(page: ThreadPage, _pages: ThreadPage[], pageParam: number | undefined): number | undefined {
  if (!page.hasOlder) return undefined;
  return page.messages[0]?.seq ?? pageParam ?? Number.MAX_SAFE_INTEGER;
}

const messageId = (message: ThreadMessage) => message.id;

const sameItems = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((item, i) => item === b[i]);

/**
 * The thread query's structural sharing, by message id. The newest page moves by one message for
 * every new one, so the query's own sharing, by position, matched no message and compared each one
 * deeply for nothing. Here each message deep-equal to the message of its id before keeps that
 * object, so the memoized rows of unchanged messages do not render again; a page whose messages
 * all kept their objects keeps its own, and so does the whole thread when nothing changed.
 */
export function shareMessagesById(before: unknown, next: unknown): unknown {
  const old = before as ThreadData | undefined;
  const data = next as ThreadData;
  if (old === undefined) return data;
  const known = new Map<string, ThreadMessage>();
  for (const page of old.pages) for (const message of page.messages) known.set(message.id, message);
  const pages = data.pages.map((page, i): ThreadPage => {
    const messages = keepUnchanged(page.messages, known, messageId);
    const was = old.pages[i];
    return was !== undefined && was.hasOlder === page.hasOlder && sameItems(was.messages, messages) ? was : { messages, hasOlder: page.hasOlder };
  });
  return sameItems(old.pages, pages) && sameItems(old.pageParams, data.pageParams) ? old : { pages, pageParams: data.pageParams };
}

export function useThread(conversationId: string) {
  const api = useDeskApi();
  const olderRequested = useRef(false);
  const query = useInfiniteQuery({
    queryKey: deskKey('thread.get', { conversationId, limit: THREAD_PAGE_SIZE }),
    queryFn: ({ pageParam }) => loadThreadPage(api, conversationId, pageParam, olderRequested.current),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: olderPageParam,
    structuralSharing: shareMessagesById,
  });
  const messages = useMemo<ThreadMessage[]>(
    () => (query.data ? [...query.data.pages].reverse().flatMap((page) => page.messages) : []),
    [query.data],
  );
  // The newest page then comes with each change to this conversation (api/openThread.ts).
  useEffect(() => {
    void api['thread.watch']({ conversationId, limit: THREAD_PAGE_SIZE });
    return () => void api['thread.watch']({ conversationId: null });
  }, [api, conversationId]);
  const { fetchNextPage } = query;
  const loadOlder = useCallback(() => {
    olderRequested.current = true;
    void fetchNextPage().finally(() => {
      olderRequested.current = false;
    });
  }, [fetchNextPage]);
  return lazyThread(query, messages, loadOlder);
}

/** The query's fields the thread hands out. */
const THREAD_FIELDS = ['data', 'isSuccess', 'isError', 'isFetching', 'hasNextPage', 'isFetchingNextPage', 'isFetchNextPageError'] as const;

/**
 * The query's fields are read when a caller reads them, not copied. The query re-renders its
 * component only for the fields read during render; copying them all (a spread) read `isFetching`
 * too, so the start and the end of every refetch rendered the whole thread again, twice per new
 * message while the thread view itself needs only the data.
 */
export function lazyThread(query: UseInfiniteQueryResult<InfiniteData<ThreadPage>>, messages: ThreadMessage[], loadOlder: () => void) {
  const fields = {} as Pick<typeof query, (typeof THREAD_FIELDS)[number]>;
  for (const key of THREAD_FIELDS) Object.defineProperty(fields, key, { get: () => query[key], enumerable: true });
  // Assigning onto the object defines these two without reading the getters.
  return Object.assign(fields, { messages, loadOlder });
}
