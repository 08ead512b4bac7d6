/** Runs async sections one at a time, in call order. */
export function createMutex(): <T>(section: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return (section) => {
    const run = tail.then(section);
    tail = run.catch(() => undefined);
    return run;
  };
}
