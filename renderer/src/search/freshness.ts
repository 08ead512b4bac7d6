// Whether the global search's results answer what is in the box. The previous query's results stay
// on screen while the next query runs, so the list does not flash empty at every keystroke; until
// the answer to what is typed arrives they are stale: shown dimmed, and Enter waits for that answer
// instead of opening one of them. Pure.

/** A search as asked: the trimmed text and the filters (as their JSON). */
export interface Asked {
  text: string;
  filters: string;
}

export const sameAsked = (a: Asked, b: Asked | null): boolean => b !== null && a.text === b.text && a.filters === b.filters;

/**
 * The results shown are current when the debounced search has caught up with what is typed and
 * the results answer it: the server's hits, asked for the debounced search, then answer it too.
 */
export function isCurrent(typed: Asked, settled: Asked, answered: Asked | null): boolean {
  return sameAsked(typed, settled) && sameAsked(typed, answered);
}

/** What Enter in the box does now: open the active result, or wait for the results of what is typed. */
export function enterAction(panelOpen: boolean, current: boolean): 'expand' | 'open' | 'wait' {
  if (!panelOpen) return 'expand';
  return current ? 'open' : 'wait';
}

/**
 * An Enter that waits, as the results change: it opens the active result once the results answer
 * what it was pressed for, and is dropped once something else is typed.
 */
export function pendingEnter(pressedFor: Asked, typed: Asked, current: boolean): 'open' | 'wait' | 'drop' {
  if (!sameAsked(pressedFor, typed)) return 'drop';
  return current ? 'open' : 'wait';
}
