// Drives the core's own SyncEngine (bootstrap + pull loop) against a feed, the way DeskCore wires
// it, and reports how long it took to catch up and the longest stall of the engine's thread.
import { performance } from 'node:perf_hooks';
import { ChangeCollector } from '../../main/core/events';
import type { Store } from '../../main/core/store';
import { workerWriter, writerEntry, type BatchWriter } from '../../main/core/writer/batchWriter';
import type { WriteJob, WriteResult } from '../../main/core/writer/job';
import { DEFAULT_SYNC_TUNING, SyncEngine, type SyncTuning } from '../../main/core/sync/engine';
import type { Feed } from './feedTransport';
import { recordingLogger } from './core';
import { mainThreadCpuMs } from './cpu';
import { startStallProbe, type Stalls } from './stall';

/**
 * The core's batch writer as the core makes it (a worker thread with its own connection), timing
 * each write from hand-over to result, so the cache write can be told apart from validation and
 * the loop itself.
 */
export class TimedWriter implements BatchWriter {
  snapshotWriteMs = 0;
  eventWriteMs = 0;
  private readonly inner: BatchWriter;

  constructor(
    readonly store: Store,
    outboxFile: string,
  ) {
    // Running from the sources, the worker's code is bundled on first use; the app ships it built.
    writerEntry();
    this.inner = workerWriter({ cacheFile: store.cacheFile, outboxFile }, store, recordingLogger());
  }

  async write(job: WriteJob): Promise<WriteResult> {
    const t0 = performance.now();
    try {
      return await this.inner.write(job);
    } finally {
      if (job.kind === 'events') this.eventWriteMs += performance.now() - t0;
      else this.snapshotWriteMs += performance.now() - t0;
    }
  }

  warm(): void {
    this.inner.warm?.();
  }

  close(): void {
    this.inner.close();
  }
}

export interface EngineRun {
  /** From `connected` to `caughtUp`, minus the time the feed spent generating answers. */
  ms: number;
  wallMs: number;
  /** `changed` notices the core would have pushed to the renderer. */
  pushes: number;
  /** The longest event-loop stall of the engine's thread (feed time excluded). */
  stall: Stalls;
}

export function runSyncEngine(writer: TimedWriter, feed: Feed, selfId: string, tuning: Partial<SyncTuning>): Promise<EngineRun> {
  const log = recordingLogger();
  const collector = new ChangeCollector();
  let flushScheduled = false;
  let pushes = 0;
  return new Promise<EngineRun>((resolve, reject) => {
    let settled = false;
    let t0 = 0;
    const probe = startStallProbe(() => feed.busyMs, () => performance.now(), mainThreadCpuMs);
    const finish = (error: unknown) => {
      if (settled) return;
      settled = true;
      const wallMs = performance.now() - t0;
      const stall = probe.stop();
      void engine.stop().then(() => {
        if (error) reject(error instanceof Error ? error : new Error(String(error)));
        else resolve({ ms: wallMs - feed.busyMs, wallMs, pushes, stall });
      });
    };
    const engine = new SyncEngine({
      store: () => writer.store,
      writer: () => writer,
      transport: () => feed.transport,
      selfId: () => selfId,
      log: { ...log, error: (message, fields) => finish(new Error(`${message} ${JSON.stringify(fields ?? {})}`)) },
      random: Math.random,
      schedule: (fn, ms) => {
        const t = setTimeout(fn, ms);
        return () => clearTimeout(t);
      },
      tuning: { ...DEFAULT_SYNC_TUNING, ...tuning },
      // As DeskCore.changed: coalesce summaries into one notice per turn of the event loop.
      changed: (summary) => {
        if (!collector.add(summary) || flushScheduled) return;
        flushScheduled = true;
        setImmediate(() => {
          flushScheduled = false;
          if (collector.take()) pushes++;
        });
      },
      progress: () => undefined,
      problem: (message) => {
        if (message) finish(new Error(message));
      },
      mustRefetch: () => finish(new Error('unexpected mustRefetch')),
      head: () => undefined,
      caughtUp: () => finish(null),
      corrupted: (e) => finish(e),
    });
    t0 = performance.now();
    engine.connected();
  });
}
