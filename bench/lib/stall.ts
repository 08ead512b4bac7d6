// The longest time the core's thread could not run anything else (answer an IPC call, push a
// change notice) while a benchmark drove it. A 1 ms timer measures the gaps between its own turns;
// the time the in-process feed spent generating answers within a gap is taken out, because in
// the app that work happens in the backend's process, not in the core's.

export interface StallProbe {
  /** Stops the probe; the longest gap in ms, less the feed's share, and how many gaps were ≥ 50 ms. */
  stop(): { maxMs: number; over50: number };
}

export function startStallProbe(feedBusyMs: () => number, now: () => number): StallProbe {
  let last = now();
  let lastBusy = feedBusyMs();
  let maxMs = 0;
  let over50 = 0;
  const tick = () => {
    const t = now();
    const busy = feedBusyMs();
    const gap = t - last - (busy - lastBusy);
    if (gap > maxMs) maxMs = gap;
    if (gap >= 50) over50++;
    last = t;
    lastBusy = busy;
  };
  const timer = setInterval(tick, 1);
  return {
    stop() {
      clearInterval(timer);
      tick();
      return { maxMs, over50 };
    },
  };
}
