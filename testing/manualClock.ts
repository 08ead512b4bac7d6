// A clock and a schedule that a test moves by hand, for code that takes `now` and `schedule` as
// dependencies: timers run when `advance` passes their time, never on their own.
export interface ManualClock {
  now(): number;
  schedule(fn: () => void, ms: number): () => void;
  /** When the timers not yet run or cancelled are due. */
  pending(): number[];
  /** Moves the clock on and runs the timers due by then, earliest first. */
  advance(ms: number): void;
}

export function manualClock(): ManualClock {
  let now = 0;
  let timers: { at: number; fn: () => void; cancelled: boolean }[] = [];
  return {
    now: () => now,
    schedule: (fn, ms) => {
      const timer = { at: now + ms, fn, cancelled: false };
      timers.push(timer);
      return () => {
        timer.cancelled = true;
      };
    },
    pending: () => timers.filter((t) => !t.cancelled).map((t) => t.at),
    advance(ms) {
      now += ms;
      const due = timers.filter((t) => !t.cancelled && t.at <= now).sort((a, b) => a.at - b.at);
      timers = timers.filter((t) => !due.includes(t));
      for (const timer of due) timer.fn();
    },
  };
}
