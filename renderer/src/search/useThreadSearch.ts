// In-thread search (Ctrl+F in a conversation): every cached message of the conversation that
// matches, newest first; Enter goes to the next (older) match, Shift+Enter back. A match outside
// the loaded window loads older pages until it is there, then scrolls to it. A result chosen in
// the global search opens here with its query, on its message.
import { keepPreviousData } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useT } from '../i18n/LocaleContext';
import type { ThreadMessage } from '../../../shared/ipc/contract';
import { createMatcher } from '../../../shared/search/highlight';
import { parseQuery } from '../../../shared/search/query';
import { useDeskQuery } from '../api/hooks';
import { useCommand } from '../workspace/commands';
import { clearMatches, paintMatches } from './highlightDom';
import { useDebounced } from './useDebounced';
import { useSearchReveal } from './SearchReveal';
import { threadMatches } from './systemLineMatches';

/** What the thread offers: its loaded messages and a way to load older ones. */
export interface LoadableThread {
  messages: ThreadMessage[];
  hasNextPage: boolean;
  /** Any load of the thread, a refetch after a change notice included. */
  isFetching: boolean;
  isFetchingNextPage: boolean;
  isFetchNextPageError: boolean;
  loadOlder: () => void;
}

export interface ThreadSearch {
  open: boolean;
  query: string;
  setQuery: (query: string) => void;
  /** Matches found; 0 while nothing is searched. */
  total: number;
  /** 0-based position of the current match, newest first; -1 without one. */
  position: number;
  searching: boolean;
  /** The current match is being loaded into the thread. */
  loadingMatch: boolean;
  next: () => void;
  previous: () => void;
  close: () => void;
  inputRef: React.RefObject<HTMLInputElement | null>;
}

const threadElement = (conversationId: string) =>
  document.querySelector(`[data-testid="thread"][data-conversation-id="${CSS.escape(conversationId)}"]`);

export function useThreadSearch(conversationId: string, thread: LoadableThread): ThreadSearch {
  const [open, setOpen] = useState(false);
  const [query, setQueryState] = useState('');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  // A message chosen in the global search stays current while it is found and loaded.
  const [pinned, setPinned] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const { target, clear } = useSearchReveal();

  useEffect(() => {
    if (!target || target.conversationId !== conversationId) return;
    setOpen(true);
    setQueryState(target.query);
    setSelectedId(target.messageId);
    setPinned(true);
    clear();
  }, [target, conversationId, clear]);

  const t = useT();
  const text = useDebounced(query.trim(), 80);
  const searching = open && text !== '';
  const result = useDeskQuery('search.thread', { conversationId, query: text }, { enabled: searching, placeholderData: keepPreviousData });
  const matcher = useMemo(() => createMatcher(parseQuery(text)), [text]);
  // System lines are matched as shown, in the agent's language (see systemLineMatches.ts).
  const newestFirst = useMemo(
    () => (searching && result.data ? threadMatches(result.data, t, matcher).reverse() : []),
    [searching, result.data, t, matcher],
  );
  const index = newestFirst.findIndex((m) => m.messageId === selectedId);
  const currentId = index >= 0 || pinned ? selectedId : (newestFirst[0]?.messageId ?? null);
  const position = index >= 0 ? index : newestFirst.length > 0 && !pinned ? 0 : -1;
  const loaded = currentId !== null && thread.messages.some((m) => m.id === currentId);

  const setQuery = useCallback((next: string) => {
    setQueryState(next);
    setPinned(false);
    setSelectedId(null);
  }, []);
  const step = (by: 1 | -1) => {
    const n = newestFirst.length;
    if (n === 0) return;
    const from = position < 0 ? (by === 1 ? -1 : 0) : position;
    setPinned(false);
    setSelectedId(newestFirst[(from + by + n) % n]!.messageId);
  };
  // Whether the thread's DOM holds marks of this search. Clearing queries the thread's DOM, and
  // the marks are brought up to date after every change of the thread (a new message is one):
  // with nothing marked there is nothing to clear.
  const marked = useRef(false);
  const unmark = useCallback(() => {
    clearMatches(threadElement(conversationId));
    marked.current = false;
  }, [conversationId]);
  const close = useCallback(() => {
    setOpen(false);
    setPinned(false);
    unmark();
  }, [unmark]);

  useCommand('findInThread', () => {
    setOpen(true);
    // Already open: take the focus back to the box and select what is there.
    inputRef.current?.focus();
    inputRef.current?.select();
  });
  useEffect(() => {
    if (open) inputRef.current?.focus();
  }, [open]);

  // A match older than the loaded window: page back until it is loaded (or history ends). Only
  // while nothing else loads the thread: a refetch after a change notice (loading older history
  // sends one) cancels a page load in flight and then holds only the pages it started with, and
  // with no state of this check changed meanwhile the match would stay out of view. Waiting for
  // every load to settle asks again after such a refetch, and never cancels one.
  const { hasNextPage, isFetchingNextPage, isFetchNextPageError, loadOlder } = thread;
  // Read only while searching: reading it subscribes the thread view to the start and end of every
  // refetch, which nothing else in it needs.
  const isFetching = open && thread.isFetching;
  useEffect(() => {
    if (open && currentId !== null && !loaded && hasNextPage && !isFetching && !isFetchNextPageError) loadOlder();
  }, [open, currentId, loaded, hasNextPage, isFetching, isFetchNextPageError, loadOlder]);

  // Centre the current match; again once a page load settles, since the timeline keeps its
  // distance from the bottom when older messages arrive above. Instant: a smooth scroll would be
  // cut short by that adjustment.
  useEffect(() => {
    if (!open || currentId === null || !loaded || isFetchingNextPage) return;
    threadElement(conversationId)?.querySelector(`[data-message-id="${CSS.escape(currentId)}"]`)?.scrollIntoView({ block: 'center' });
  }, [open, currentId, loaded, isFetchingNextPage, conversationId]);

  const ids = useMemo(() => new Set(newestFirst.map((m) => m.messageId)), [newestFirst]);
  useEffect(() => {
    if (!(open && searching)) {
      if (marked.current) unmark();
      return;
    }
    const root = threadElement(conversationId);
    if (!root) return;
    paintMatches(root, matcher, ids, currentId);
    marked.current = true;
  }, [open, searching, matcher, ids, currentId, conversationId, thread.messages, unmark]);
  useEffect(() => unmark, [unmark]);

  return {
    open,
    query,
    setQuery,
    total: newestFirst.length,
    position,
    searching,
    loadingMatch: currentId !== null && !loaded && isFetchingNextPage,
    next: () => step(1),
    previous: () => step(-1),
    close,
    inputRef,
  };
}
