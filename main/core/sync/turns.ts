// A catch-up's work on the core's thread (validating pulled pages, making them batch text) in
// slices, so that what waits for the thread (IPC calls, change notices) runs in between: a page of
// 5,000 events at once held it for 60–110 ms, and up to 180 ms with a collection in it.

/** Events validated, or made batch text, per turn of the event loop: ~10 ms of work each. */
export const EVENTS_PER_TURN = 1_000;

/** Resolves on a later turn of the event loop, once the I/O callbacks waiting now have run. */
export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Runs `work` over `items` EVENTS_PER_TURN at a time, each slice after the first on a later turn. */
export async function inSlices<T>(items: readonly T[], work: (slice: T[]) => void): Promise<void> {
  for (let i = 0; i < items.length; i += EVENTS_PER_TURN) {
    if (i > 0) await nextTurn();
    work(items.slice(i, i + EVENTS_PER_TURN));
  }
}
