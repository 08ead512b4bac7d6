// The catch-up's pipeline of writes: the sync engine pulls and validates the next page while the
// writer applies the previous ones, and hands over whatever arrived meanwhile as one batch.
import type { ChangeEvent } from '../../../shared/protocol';
import { EventBatchText } from '../cache/eventBatch';
import { inSlices } from './turns';

/**
 * Writes one batch: `text` is the events as `EventBatchText`. Resolves once it committed, with
 * what is to be done after (change notices, notifications), which runs once the next batch has
 * been handed over, so that the writer does not wait for it.
 */
export type WriteBatch = (events: ChangeEvent[], text: string) => Promise<() => void>;

/**
 * The catch-up's writes, one batch in flight at a time. Events added while a batch is being written
 * wait, and are handed over together as soon as it has committed; once `limit` of them wait, `add`
 * waits for that. Each page is made batch text as it is added, while the writer is busy. After a failed write nothing more is handed over, and the next call throws.
 * `stopped` is asked before every hand-over: once it names an error (a logout or another account
 * is about to reset the cache), nothing more is written and the waiting events are dropped; the
 * next catch-up pulls them again from the cursor.
 */
export class CatchUpBatches {
  private waiting: ChangeEvent[] = [];
  private waitingText = new EventBatchText();
  /** Settles when the batch in flight has committed or failed (and what waited was handed over). */
  private current: Promise<void> | null = null;
  private idle: Promise<void> = Promise.resolve();
  private becameIdle: (() => void) | null = null;
  private failure: { error: unknown } | null = null;

  constructor(
    private readonly write: WriteBatch,
    private readonly limit: number,
    private readonly stopped: () => Error | null,
  ) {}

  /**
   * Adds contiguous events after those added before; hands them over as soon as the writer is free.
   * Their text is made EVENTS_PER_TURN events per turn of the event loop; a write that commits
   * meanwhile hands over what waited before them.
   */
  async add(events: readonly ChangeEvent[]): Promise<void> {
    this.throwIfFailed();
    const text = new EventBatchText();
    await inSlices(events, (slice) => text.add(slice));
    // A write may have failed meanwhile: nothing is handed over after it.
    this.throwIfFailed();
    for (const e of events) this.waiting.push(e);
    this.waitingText.append(text);
    if (this.waiting.length === 0) return;
    if (this.current === null) this.handOver();
    else if (this.waiting.length >= this.limit) await this.current;
    this.throwIfFailed();
  }

  /** Resolves once everything added has committed; throws if a write failed. */
  async finish(): Promise<void> {
    await this.idle;
    this.throwIfFailed();
  }

  /** Once no write is in flight: the error a write failed with, if one did, else `error`. */
  async failureAfter(error: unknown): Promise<unknown> {
    await this.idle;
    return this.failure ? this.failure.error : error;
  }

  private handOver(): void {
    const batch = this.waiting;
    const text = this.waitingText.text();
    this.waiting = [];
    this.waitingText = new EventBatchText();
    const stop = this.stopped();
    if (stop) {
      this.failure = { error: stop };
      this.settle();
      return;
    }
    if (!this.becameIdle) this.idle = new Promise((resolve) => (this.becameIdle = resolve));
    this.current = this.write(batch, text).then(
      (after) => {
        this.current = null;
        if (this.waiting.length > 0) this.handOver();
        try {
          after();
        } catch (error) {
          this.failure ??= { error };
        }
        if (this.current === null) this.settle();
      },
      (error: unknown) => {
        this.current = null;
        this.failure = { error };
        // Not written, so not lost: the next catch-up pulls them again from the cursor.
        this.waiting = [];
        this.waitingText = new EventBatchText();
        this.settle();
      },
    );
  }

  private settle(): void {
    const resolve = this.becameIdle;
    this.becameIdle = null;
    resolve?.();
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure.error;
  }
}
