// Live traffic arrives as batches of a few events (a customer's message is three), tens a second.
// Handing each to the writer's thread costs more than writing it: the batch is made text, posted,
// parsed there and the result posted back, and every commit on the other connection makes the
// core's connection drop its page cache, so the reads that follow each change notice (the open
// thread, the inbox, the unread sum) read their pages again. A batch this small is written on the
// core's own connection instead, in well under a millisecond; catch-up batches and snapshot pages
// still go to the writer's thread.
//
// Checkpoints stay off the core's thread. At 200 customer messages a second live batches write
// ~10 MB of WAL a second, so a commit on the core's connection passed 64 MB of WAL every six
// seconds and checkpointed it there: it synced the WAL to disk (~40 ms), copied its pages into the
// file and synced that, and IPC calls and change notices waited 40–90 ms. The writer's thread
// checkpoints instead, every CHECKPOINT_EVERY_EVENTS events written here.
import type { Logger } from '../ports';
import type { Store } from '../store';
import type { BatchWriter, BatchWriterFactory } from './batchWriter';
import { runWriteJob, type WriteJob, type WriteResult } from './job';

/** The most events a batch may hold to be written on the core's thread. */
export const SMALL_BATCH_EVENTS = 32;

/**
 * Events written on the core's connection after which the writer's thread checkpoints the WAL. In
 * the live-latency benchmark 1,000 events (~330 customer messages) wrote ~5,300 WAL frames, 21 MB:
 * a third of the 64 MB past which a commit here would checkpoint it on the core's thread.
 */
export const CHECKPOINT_EVERY_EVENTS = 1_000;

type EventsJob = Extract<WriteJob, { kind: 'events' }>;

export const isSmallBatch = (job: WriteJob, maxEvents: number): job is EventsJob => job.kind === 'events' && job.events.length <= maxEvents;

/**
 * Small event batches on `store`'s connection, everything else on the writer `large` makes; jobs
 * still run one at a time in the order given (a small one waits for a large one before it). Every
 * `checkpointEvery` events written on `store`'s connection, `large`'s checkpoints the WAL.
 */
export function smallBatchesInThread(large: BatchWriterFactory, maxEvents = SMALL_BATCH_EVENTS, checkpointEvery = CHECKPOINT_EVERY_EVENTS): BatchWriterFactory {
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
    /** Hands a job that had to wait to the writer `large` made, unless this one closed meanwhile. */
    const toInner = (job: WriteJob): Promise<WriteResult> => {
      refuseIfClosed();
      return inner.write(job);
    };
    let sinceCheckpoint = 0;
    // Two checkpoints. The first runs beside the small batches, which keep committing meanwhile;
    // the second runs in their order, copies the few frames they committed during the first, and
    // leaves none behind, so the next commit starts the WAL over from its beginning. (A WAL starts
    // over only at the first commit after every frame was copied, which batches committing beside
    // each checkpoint would put off until a commit here checkpointed it past 64 MB.)
    const checkpointBeside = async () => {
      try {
        await inner.write({ kind: 'checkpoint' });
        if (closed) return;
        const rest = last.then(() => toInner({ kind: 'checkpoint' }));
        last = rest.catch(() => undefined);
        await rest;
      } catch (e) {
        // Nothing is lost: the WAL holds every commit, and a commit past 64 MB checkpoints it.
        if (!closed) log.warn('Checkpoint beside live batches failed', { error: String(e) });
      }
    };
    const writeSmall = (job: EventsJob): WriteResult => {
      refuseIfClosed();
      const result = runWriteJob(store, job);
      sinceCheckpoint += job.events.length;
      if (sinceCheckpoint >= checkpointEvery) {
        sinceCheckpoint = 0;
        void checkpointBeside();
      }
      return result;
    };
    return {
      write(job) {
        if (closed) return Promise.reject(new Error('The cache writer is closed.'));
        let written: Promise<WriteResult>;
        if (isSmallBatch(job, maxEvents)) {
          smallPending++;
          written = last.then(() => writeSmall(job));
          lastSmall = written.then(
            () => void smallPending--,
            () => void smallPending--,
          );
        } else if (smallPending > 0) {
          written = lastSmall.then(() => toInner(job));
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
