/**
 * A scheduler that runs every callback scheduled before its turn comes in one task. TanStack Query
 * notifies each query's observers in a task of its own, and the store hooks re-render
 * synchronously after each, so two answers that arrive together (a thread and its conversation,
 * refetched for the same change) would otherwise commit, lay out and paint twice.
 */
export function coalesce(post: (run: () => void) => void, report: (error: unknown) => void): (callback: () => void) => void {
  let queue: Array<() => void> = [];
  return (callback) => {
    queue.push(callback);
    if (queue.length > 1) return;
    post(() => {
      const due = queue;
      queue = [];
      // One failing callback must not swallow the others; as tasks of their own they would all run.
      for (const run of due) {
        try {
          run();
        } catch (error) {
          report(error);
        }
      }
    });
  };
}
