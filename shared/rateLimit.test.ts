import { describe, expect, it } from 'vitest';
import { rateLimited } from './rateLimit';

/** A clock and timer queue the test moves by hand. */
function manualTiming() {
  let now = 0;
  let timers: Array<{ at: number; fn: () => void }> = [];
  return {
    now: () => now,
    schedule(fn: () => void, ms: number) {
      const timer = { at: now + ms, fn };
      timers.push(timer);
      return () => void (timers = timers.filter((t) => t !== timer));
    },
    advance(ms: number) {
      const until = now + ms;
      for (;;) {
        const due = timers.filter((t) => t.at <= until).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        timers = timers.filter((t) => t !== due);
        now = due.at;
        due.fn();
      }
      now = until;
    },
    pending: () => timers.length,
  };
}

describe('rateLimited', () => {
  it('runs the first request at once and a burst once per interval, always after its last request', () => {
    const timing = manualTiming();
    const runs: number[] = [];
    const limited = rateLimited(() => runs.push(timing.now()), 250, timing);
    limited.request();
    expect(runs).toEqual([0]);
    // A request every 20 ms for a second: one run per 250 ms, none in between.
    for (let t = 20; t <= 1_000; t += 20) {
      timing.advance(20);
      limited.request();
    }
    expect(runs).toEqual([0, 250, 500, 750, 1_000]);
    // The request at 1,000 ms came just after the run then: it runs at 1,250 ms, with the one at 1,010 ms.
    timing.advance(10);
    limited.request();
    expect(runs).toHaveLength(5);
    timing.advance(240);
    expect(runs).toEqual([0, 250, 500, 750, 1_000, 1_250]);
    timing.advance(5_000);
    limited.request();
    expect(runs.at(-1)).toBe(6_250);
    expect(timing.pending()).toBe(0);
  });

  it('drops the waiting run when cancelled', () => {
    const timing = manualTiming();
    let runs = 0;
    const limited = rateLimited(() => runs++, 250, timing);
    limited.request();
    limited.request();
    limited.cancel();
    timing.advance(1_000);
    expect(runs).toBe(1);
    limited.request();
    expect(runs).toBe(2);
  });

  it('runs the waiting run at once when flushed, and nothing when none waits', () => {
    const timing = manualTiming();
    const runs: number[] = [];
    const limited = rateLimited(() => runs.push(timing.now()), 1_000, timing);
    limited.flush();
    expect(runs).toEqual([]);
    limited.request();
    timing.advance(100);
    limited.request();
    limited.flush();
    expect(runs).toEqual([0, 100]);
    expect(timing.pending()).toBe(0);
    // The flushed run counts as a run: the next request waits its interval from it.
    timing.advance(100);
    limited.request();
    expect(runs).toEqual([0, 100]);
    timing.advance(900);
    expect(runs).toEqual([0, 100, 1_100]);
  });
});
