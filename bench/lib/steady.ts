// Whether background load has reached a steady rate where it is observed: a running count
// (messages that arrived so far) sampled over time, and its rise over the last window.

export class ArrivalWindow {
  private readonly samples: Array<{ t: number; n: number }> = [];

  /** Steady: the count rose at `minPerSecond` or more over the last `windowMs`. */
  constructor(
    private readonly windowMs: number,
    private readonly minPerSecond: number,
  ) {}

  /** Adds a sample (time in ms, count) and answers whether the load is steady now. */
  add(t: number, n: number): boolean {
    this.samples.push({ t, n });
    // Keep the newest sample at least a window old as the window's start.
    while (this.samples.length > 1 && (this.samples[1]?.t ?? t) <= t - this.windowMs) this.samples.shift();
    const first = this.samples[0];
    if (!first || t - first.t < this.windowMs) return false;
    return (n - first.n) / ((t - first.t) / 1000) >= this.minPerSecond;
  }
}
