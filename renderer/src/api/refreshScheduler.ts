// Turns the stream of change notices into refetches the window can keep up with. Two rules:
// - A refetch in flight is never cancelled by the next notice. Under a steady stream of notices
//   (a busy queue pushes several a second) cancelling would restart the same query forever and it
//   would never show anything new. Instead a key noticed while its refetch runs is refetched once
//   more when that one settles, so the last notice is always followed by a complete refetch.
// - Keys that list many conversations (inbox pages, tab counts, the team's loads, global search
//   results) are refetched at most once per `listIntervalMs`. The first notice after a quiet spell
//   goes through at once; a burst costs one refetch per interval instead of one per notice, and an
//   agent cannot read a list that reorders faster than that anyway. The open thread is not
//   throttled: a customer's message should appear as soon as it is cached.
import { hashKey, type QueryKey } from '@tanstack/react-query';

export interface RefreshTarget {
  /** Marks the matching queries stale and refetches the active ones; resolves when they settled. */
  invalidate(queryKey: QueryKey): Promise<void>;
  /**
   * The queries matching the key, in one look at the cache: none (a catch-up names thousands of
   * conversations the window never asked about; there is nothing to refresh), idle, or one of
   * them fetching right now.
   */
  status(queryKey: QueryKey): 'none' | 'idle' | 'fetching';
}

export interface RefreshTiming {
  now(): number;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(timer: unknown): void;
}

export interface RefreshOptions {
  /** Whether a key is throttled to one refetch per `listIntervalMs`. */
  isList(queryKey: QueryKey): boolean;
  listIntervalMs: number;
}

interface KeyState {
  queryKey: QueryKey;
  /** A notice arrived that no refetch started since has covered. */
  dirty: boolean;
  running: boolean;
  /** When the last refetch started, for the list throttle. */
  startedAt: number;
  timer: unknown;
}

export interface RefreshScheduler {
  refresh(queryKeys: readonly QueryKey[]): void;
  dispose(): void;
}

export function createRefreshScheduler(target: RefreshTarget, options: RefreshOptions, timing: RefreshTiming): RefreshScheduler {
  const states = new Map<string, KeyState>();
  let disposed = false;

  const pump = (hash: string, state: KeyState): void => {
    if (disposed || state.running || state.timer !== null) return;
    if (!state.dirty) {
      // List keys are few and keep their last start for the throttle; conversation keys come and go.
      if (!options.isList(state.queryKey)) states.delete(hash);
      return;
    }
    const wait = options.isList(state.queryKey) ? state.startedAt + options.listIntervalMs - timing.now() : 0;
    if (wait > 0) {
      state.timer = timing.setTimer(() => {
        state.timer = null;
        pump(hash, state);
      }, wait);
      return;
    }
    state.dirty = false;
    const status = target.status(state.queryKey);
    if (status === 'none') {
      pump(hash, state);
      return;
    }
    state.running = true;
    state.startedAt = timing.now();
    // A refetch already in flight (a page load, a mount) may have started before the change; it is
    // awaited rather than cancelled, and then this key is refetched once more.
    const overlapped = status === 'fetching';
    const settle = () => {
      state.running = false;
      if (overlapped) state.dirty = true;
      pump(hash, state);
    };
    target.invalidate(state.queryKey).then(settle, settle);
  };

  return {
    refresh(queryKeys) {
      if (disposed) return;
      for (const queryKey of queryKeys) {
        const hash = hashKey(queryKey);
        let state = states.get(hash);
        if (!state) {
          state = { queryKey, dirty: false, running: false, startedAt: Number.NEGATIVE_INFINITY, timer: null };
          states.set(hash, state);
        }
        state.dirty = true;
        pump(hash, state);
      }
    },
    dispose() {
      disposed = true;
      for (const state of states.values()) if (state.timer !== null) timing.clearTimer(state.timer);
      states.clear();
    },
  };
}
