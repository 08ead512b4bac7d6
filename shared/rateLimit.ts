// Runs a job at most once per interval. The first request after a quiet spell runs at once; the
// requests of a burst run once, together, when the interval since the last run has passed, so the
// last request is always followed by a run. Used for work that each change notice asks for but
// whose answer nobody reads faster than that (the core's unread count behind the badge and the
// title), and for work each new message asks for (the renderer marking the open thread read).

export interface RateLimitTiming {
  now(): number;
  /** Runs `fn` after `ms`; the returned function cancels it. */
  schedule(fn: () => void, ms: number): () => void;
}

export interface RateLimited {
  request(): void;
  /** Drops a run that is waiting for its turn. */
  cancel(): void;
  /** Runs a run that is waiting for its turn now (nothing if none is waiting). */
  flush(): void;
}

export function rateLimited(run: () => void, intervalMs: number, timing: RateLimitTiming): RateLimited {
  let lastRun = -Infinity;
  let waiting: (() => void) | null = null;
  const runNow = () => {
    lastRun = timing.now();
    run();
  };
  return {
    request() {
      if (waiting) return;
      const wait = lastRun + intervalMs - timing.now();
      if (wait <= 0) return runNow();
      waiting = timing.schedule(() => {
        waiting = null;
        runNow();
      }, wait);
    },
    cancel() {
      waiting?.();
      waiting = null;
    },
    flush() {
      if (!waiting) return;
      this.cancel();
      runNow();
    },
  };
}
