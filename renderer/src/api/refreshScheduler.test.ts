import type { QueryKey } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { createRefreshScheduler, type RefreshTarget } from './refreshScheduler';

const LIST: QueryKey = ['desk', 'inbox.list'];
const THREAD: QueryKey = ['desk', 'thread.get', { conversationId: 'c1' }];

/** A query cache whose refetches settle when the test says so, and a clock the test moves. */
function harness(listIntervalMs = 500) {
  let now = 0;
  const timers: Array<{ at: number; fn: () => void; cancelled: boolean }> = [];
  const calls: string[] = [];
  const pending: Array<{ key: string; settle: () => void }> = [];
  const fetching = new Set<string>();
  const absent = new Set<string>();
  const name = (key: QueryKey) => String(key[1]);
  const target: RefreshTarget = {
    invalidate(queryKey) {
      calls.push(name(queryKey));
      fetching.add(name(queryKey));
      return new Promise<void>((resolve) =>
        pending.push({
          key: name(queryKey),
          settle: () => {
            fetching.delete(name(queryKey));
            resolve();
          },
        }),
      );
    },
    status: (queryKey) => (absent.has(name(queryKey)) ? 'none' : fetching.has(name(queryKey)) ? 'fetching' : 'idle'),
  };
  const scheduler = createRefreshScheduler(
    target,
    { isList: (key) => key[1] === 'inbox.list', listIntervalMs },
    {
      now: () => now,
      setTimer: (fn, ms) => {
        const timer = { at: now + ms, fn, cancelled: false };
        timers.push(timer);
        return timer;
      },
      clearTimer: (timer) => void ((timer as { cancelled: boolean }).cancelled = true),
    },
  );
  return {
    scheduler,
    calls,
    fetching,
    absent,
    /** Settles every refetch in flight and lets their continuations run. */
    async settleAll() {
      for (const p of pending.splice(0)) p.settle();
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
    async advance(ms: number) {
      now += ms;
      for (const timer of timers.splice(0)) {
        if (timer.cancelled) continue;
        if (timer.at <= now) timer.fn();
        else timers.push(timer);
      }
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
    timersLeft: () => timers.filter((t) => !t.cancelled).length,
  };
}

describe('refresh scheduler', () => {
  it('never cancels a refetch: notices during one lead to exactly one more, after it settles', async () => {
    const h = harness();
    h.scheduler.refresh([THREAD]);
    expect(h.calls).toEqual(['thread.get']);
    // A steady stream of notices while the refetch runs: with cancelling, nothing would ever land.
    for (let i = 0; i < 20; i++) h.scheduler.refresh([THREAD]);
    expect(h.calls).toEqual(['thread.get']);
    await h.settleAll();
    expect(h.calls).toEqual(['thread.get', 'thread.get']);
    await h.settleAll();
    expect(h.calls).toHaveLength(2);
  });

  it('refetches the open thread at once on every notice after the last one settled', async () => {
    const h = harness();
    for (let i = 0; i < 3; i++) {
      h.scheduler.refresh([THREAD]);
      await h.settleAll();
    }
    expect(h.calls).toEqual(['thread.get', 'thread.get', 'thread.get']);
    expect(h.timersLeft()).toBe(0);
  });

  it('refetches once more after a fetch that was already running when the notice came', async () => {
    const h = harness();
    // A page load started by the view, before the change was cached.
    h.fetching.add('thread.get');
    h.scheduler.refresh([THREAD]);
    expect(h.calls).toEqual(['thread.get']);
    h.fetching.delete('thread.get');
    await h.settleAll();
    // The awaited fetch may predate the change, so a fresh one follows.
    expect(h.calls).toEqual(['thread.get', 'thread.get']);
    await h.settleAll();
    expect(h.calls).toHaveLength(2);
  });

  it('lets the first list notice through at once and a burst at one refetch per interval, ending with the last', async () => {
    const h = harness(500);
    h.scheduler.refresh([LIST]);
    expect(h.calls).toEqual(['inbox.list']);
    await h.settleAll();
    // 100 notices over one second.
    for (let i = 0; i < 100; i++) {
      await h.advance(10);
      h.scheduler.refresh([LIST]);
      await h.settleAll();
    }
    expect(h.calls.length).toBeLessThanOrEqual(4);
    await h.advance(500);
    await h.settleAll();
    const afterBurst = h.calls.length;
    expect(afterBurst).toBeGreaterThan(2);
    // Nothing pending: the last notice was covered by a refetch that started after it.
    await h.advance(5_000);
    await h.settleAll();
    expect(h.calls).toHaveLength(afterBurst);
    expect(h.timersLeft()).toBe(0);
  });

  it('does not hold the thread back behind a throttled list', async () => {
    const h = harness(500);
    h.scheduler.refresh([LIST, THREAD]);
    await h.settleAll();
    await h.advance(10);
    h.scheduler.refresh([LIST, THREAD]);
    expect(h.calls).toEqual(['inbox.list', 'thread.get', 'thread.get']);
    await h.advance(490);
    expect(h.calls).toEqual(['inbox.list', 'thread.get', 'thread.get', 'inbox.list']);
  });

  it('starts nothing once disposed', async () => {
    const h = harness(500);
    h.scheduler.refresh([LIST]);
    await h.settleAll();
    h.scheduler.refresh([LIST]);
    h.scheduler.dispose();
    await h.advance(1_000);
    h.scheduler.refresh([THREAD]);
    expect(h.calls).toEqual(['inbox.list']);
  });

  it('touches nothing for a key no query matches, and refreshes it once a query exists', async () => {
    const h = harness();
    h.absent.add('thread.get');
    for (let i = 0; i < 100; i++) h.scheduler.refresh([THREAD]);
    expect(h.calls).toEqual([]);
    expect(h.timersLeft()).toBe(0);
    h.absent.delete('thread.get');
    h.scheduler.refresh([THREAD]);
    expect(h.calls).toEqual(['thread.get']);
  });
});
