// Keeps the objects of list items that did not change across refetches, matched by id. The query
// cache shares unchanged data by position, but a thread or inbox page shifts by one item for every
// new one, so after a refetch no item would keep its object and every memoized row would render
// again: 50 message rows per incoming message in an open thread. The thread's query shares by id
// itself (its structural sharing, `shareMessagesById` in thread/useThread.ts, calls `keepUnchanged`);
// the inbox's rows, merged from pages of which some may be stale, are matched after the merge
// (`useStableItems`).
import { replaceEqualDeep } from '@tanstack/react-query';
import { useMemo, useRef } from 'react';

/** `items`, with each one deep-equal to the previous item of its id replaced by that object. */
export function keepUnchanged<T>(items: readonly T[], previous: ReadonlyMap<string, T>, idOf: (item: T) => string): T[] {
  return items.map((item) => {
    const before = previous.get(idOf(item));
    return before === undefined ? item : (replaceEqualDeep(before, item) as T);
  });
}

/** `keepUnchanged` against what the last render returned; `idOf` should be a stable function. */
export function useStableItems<T>(items: readonly T[], idOf: (item: T) => string): T[] {
  const previous = useRef<ReadonlyMap<string, T>>(new Map());
  return useMemo(() => {
    const kept = keepUnchanged(items, previous.current, idOf);
    previous.current = new Map(kept.map((item) => [idOf(item), item]));
    return kept;
  }, [items, idOf]);
}
