// Live traffic arrives as batches of a few events (a customer's message is three), tens a second.
// Handing each to the writer's thread costs more than writing it: the batch is made text, posted,
// parsed there and the result posted back, and every commit on the other connection makes the
// core's connection drop its page cache, so the reads that follow each change notice (the open
// thread, the inbox, the unread sum) read their pages again. A batch this small is written on the
// core's own connection instead, in well under a millisecond; catch-up batches and snapshot pages
// still go to the writer's thread.
import type { Logger } from '../ports';
import type { Store } from '../store';
import type { BatchWriter, BatchWriterFactory } from './batchWriter';
import { runWriteJob, type WriteJob, type WriteResult } from './job';

/** The most events a batch may hold to be written on the core's thread. */
export const SMALL_BATCH_EVENTS = 32;

export const isSmallBatch = (job: WriteJob, maxEvents: number): boolean => job.kind === 'events' && job.events.length <= maxEvents;

/**
 * Small event batches on `store`'s connection, everything else on the writer `large` makes; jobs
 * still run one at a time in the order given (a small one waits for a large one before it).
 */
export function smallBatchesInThread(large: BatchWriterFactory, maxEvents = SMALL_BATCH_EVENTS): BatchWriterFactory {
  return (files, store: Store, log: Logger): BatchWriter => {
    const inner = large(files, store, log);
    let closed = false;
    // Settles when the last job given has finished, whichever way: a small job waits for every
    // job before it. A large one waits only for small ones still to be written (the writer's
    // thread keeps its own jobs in order), and goes straight to that thread when there are none.
    let last: Promise<unknown> = Promise.resolve();
    let lastSmall: Promise<unknown> = Promise.resolve();
    let smallPending = 0;
    const refuseIfClosed = () => {
      if (closed) throw new Error('The cache writer is closed.');
    };
    return {
      write(job) {
        if (closed) return Promise.reject(new Error('The cache writer is closed.'));
        let written: Promise<WriteResult>;
        if (isSmallBatch(job, maxEvents)) {
          smallPending++;
          written = last.then(() => {
            refuseIfClosed();
            return runWriteJob(store, job);
          });
          lastSmall = written.then(
            () => void smallPending--,
            () => void smallPending--,
          );
        } else if (smallPending > 0) {
          written = lastSmall.then(() => {
            refuseIfClosed();
            return inner.write(job);
          });
        } else {
          written = inner.write(job);
        }
        last = written.catch(() => undefined);
        return written;
      },
      warm: () => inner.warm?.(),
      close() {
        closed = true;
        inner.close();
      },
    };
  };
}
