// Retry timing as pure functions: exponential growth with jitter, so that many clients coming back
// after an outage do not retry in lockstep.

export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1_000, maxMs: 60_000 };

/**
 * Delay before retry number `attempt` (1 = first retry): base·2^(attempt-1) capped at max, then
 * scaled into [50%, 100%] by `random` (a value in [0, 1)).
 */
export function backoffDelay(attempt: number, policy: BackoffPolicy, random: number): number {
  const exp = policy.baseMs * 2 ** Math.max(0, Math.min(attempt - 1, 30));
  const capped = Math.min(policy.maxMs, exp);
  return Math.round(capped * (0.5 + 0.5 * random));
}
