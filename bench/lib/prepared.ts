// Set-up that a later step needs (a backend, a host and the browser), begun early: beside an earlier
// step's own set-up, which waits for it before it measures anything, so that nothing but idle
// processes runs beside a measurement. Begun on first use when nothing began it; stopped once.

export class Prepared<T> {
  private started: Promise<T> | null = null;
  private stopped = false;

  constructor(
    private readonly what: string,
    private readonly start: () => Promise<T>,
    private readonly end: (value: T) => Promise<void>,
  ) {}

  /** The set-up, begun now if nothing began it. */
  get(): Promise<T> {
    if (this.stopped) return Promise.reject(new Error(`${this.what} was already stopped`));
    this.started ??= this.start();
    return this.started;
  }

  /** Begins the set-up; resolves when it is done, failed or not (its user gets the failure). */
  begin(): Promise<void> {
    return this.get().then(
      () => undefined,
      () => undefined,
    );
  }

  /** Stops what was set up, if anything was; later calls do nothing. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    if (!this.started) return;
    const value = await this.started.then(
      (v) => ({ v }),
      () => null,
    );
    if (value) await this.end(value.v);
  }
}
