// Runs an async refresh at most once at a time: calls made while it runs fold into one more run
// after it, so a burst of change notices costs two reads, not one per notice.
export function singleFlight(run: () => Promise<void>, onError: (error: unknown) => void): () => void {
  let running = false;
  let again = false;
  const start = (): void => {
    running = true;
    again = false;
    run()
      .catch(onError)
      .finally(() => {
        running = false;
        if (again) start();
      });
  };
  return () => {
    if (running) again = true;
    else start();
  };
}
