// Drives the core's own SyncEngine (bootstrap + pull loop) against a feed, the way DeskCore wires
// it, and reports how long it took to catch up. The store is a TimedStore, so the time spent in the
// cache write functions can be told apart from validation and the loop itself.
import { performance } from 'node:perf_hooks';
import type { ChangeEvent, SnapshotPage } from '../../shared/protocol';
import type { ChangeSummary } from '../../main/core/cache/apply';
import type { SnapshotState } from '../../main/core/cache/meta';
import { ChangeCollector } from '../../main/core/events';
import { Store } from '../../main/core/store';
import { DEFAULT_SYNC_TUNING, SyncEngine, type SyncTuning } from '../../main/core/sync/engine';
import type { Feed } from './feedTransport';
import { recordingLogger } from './core';

/** The core's Store, timing its two sync write functions. */
export class TimedStore extends Store {
  snapshotWriteMs = 0;
  eventWriteMs = 0;

  override applySnapshotPage(
    page: SnapshotPage,
    wipeFirst: boolean,
    next: SnapshotState,
    messagesPerConversation: number,
    selfId: string,
  ): ChangeSummary {
    const t0 = performance.now();
    try {
      return super.applySnapshotPage(page, wipeFirst, next, messagesPerConversation, selfId);
    } finally {
      this.snapshotWriteMs += performance.now() - t0;
    }
  }

  override applyEvents(events: readonly ChangeEvent[], selfId: string): ChangeSummary {
    const t0 = performance.now();
    try {
      return super.applyEvents(events, selfId);
    } finally {
      this.eventWriteMs += performance.now() - t0;
    }
  }
}

export interface EngineRun {
  /** From `connected` to `caughtUp`, minus the time the feed spent generating answers. */
  ms: number;
  wallMs: number;
  /** `changed` notices the core would have pushed to the renderer. */
  pushes: number;
}

export function runSyncEngine(store: Store, feed: Feed, selfId: string, tuning: Partial<SyncTuning>): Promise<EngineRun> {
  const log = recordingLogger();
  const collector = new ChangeCollector();
  let flushScheduled = false;
  let pushes = 0;
  return new Promise<EngineRun>((resolve, reject) => {
    let settled = false;
    let t0 = 0;
    const finish = (error: unknown) => {
      if (settled) return;
      settled = true;
      const wallMs = performance.now() - t0;
      void engine.stop().then(() => {
        if (error) reject(error instanceof Error ? error : new Error(String(error)));
        else resolve({ ms: wallMs - feed.busyMs, wallMs, pushes });
      });
    };
    const engine = new SyncEngine({
      store: () => store,
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
