// The memory soak's sampling: at least SOAK_INTERVALS intervals of at most a second, whatever the
// soak's length, and the samples its slope is read from (the first ones are the heap settling
// after the query phase).

/** Intervals a soak is split into at least: a short soak samples more often, not fewer times. */
export const SOAK_INTERVALS = 10;

export interface SoakPlan {
  /** Seconds between two samples. */
  intervalS: number;
  /** Samples taken before this many seconds are left out of the slope. */
  skipS: number;
}

export function soakPlan(soakSeconds: number): SoakPlan {
  return { intervalS: Math.min(1, soakSeconds / SOAK_INTERVALS), skipS: Math.min(5, soakSeconds / 3) };
}
