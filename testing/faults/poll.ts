// Bounded polling: fault tests wait for a state (settled, converged), never for a fixed time, and
// say what they waited for when it does not come.

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Polls `check` until it returns something other than undefined/false. On timeout the error names
 * `what` and carries the last thrown error or the last `describe()` of the state.
 */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined | false> | T | undefined | false,
  options: { timeoutMs?: number; intervalMs?: number; describe?: () => Promise<string> | string } = {},
): Promise<T> {
  const { timeoutMs = 30_000, intervalMs = 50 } = options;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let lastError: unknown = null;
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() > deadline) {
      const state = lastError !== null ? String(lastError) : options.describe ? await options.describe() : '';
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${state ? `\n${state}` : ''}`);
    }
    await sleep(intervalMs);
  }
}
