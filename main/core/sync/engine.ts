// The sync engine: bootstrap from a paged snapshot, catch up with a cursor pull loop, then apply
// live events in seq order. One pump runs at a time; everything it does is driven by the cursor
// stored in the cache, never by socket.io's own delivery guarantees.
import type { SyncProgress } from '../../../shared/ipc/contract';
import { MAX_PULL_LIMIT, type ChangeEvent } from '../../../shared/protocol';
import type { ChangeSummary } from '../cache/apply';
import { isCorruptionError } from '../db/corruption';
import { backoffDelay, type BackoffPolicy } from '../outbox/backoff';
import type { Logger } from '../ports';
import type { Store } from '../store';
import type { BatchWriter } from '../writer/batchWriter';
import type { WriteJob, WriteResult } from '../writer/job';
import { CatchUpBatches } from './catchUpBatches';
import { LiveBuffer, planApply } from './liveBuffer';
import { MalformedPayloadError, parsePull, parsePush } from './parse';
import { TransportError, type Transport } from './transport';

export interface SyncTuning {
  pullLimit: number;
  /**
   * Pages pulled while a catch-up batch is being written are joined into the next batch; once this
   * many events wait for the writer, pulling waits too.
   */
  catchUpBatchLimit: number;
  snapshotPageSize: number;
  windowDays: number;
  messagesPerConversation: number;
  requestTimeoutMs: number;
  retry: BackoffPolicy;
  /** Consecutive failures after which the agent is told (lastError) while retries go on. */
  failuresBeforeReport: number;
}

export const DEFAULT_SYNC_TUNING: SyncTuning = {
  // The most the protocol allows: a catch-up commits once per page, and a bigger page writes each
  // busy conversation's row once for many of its messages.
  pullLimit: MAX_PULL_LIMIT,
  // A bigger batch writes each busy conversation's row once for more of its messages and commits
  // less often; a small write on the core's thread waits for the batch in progress (~0.5 s here).
  catchUpBatchLimit: 4 * MAX_PULL_LIMIT,
  snapshotPageSize: 500,
  windowDays: 90,
  messagesPerConversation: 50,
  requestTimeoutMs: 30_000,
  retry: { baseMs: 1_000, maxMs: 30_000 },
  failuresBeforeReport: 3,
};

export interface SyncDeps {
  store: () => Store;
  /** Runs the heavy writes (event batches, snapshot pages) off this thread; one at a time. */
  writer: () => BatchWriter;
  transport: () => Transport | null;
  selfId: () => string;
  log: Logger;
  random: () => number;
  schedule: (fn: () => void, ms: number) => () => void;
  tuning: SyncTuning;
  changed(summary: ChangeSummary): void;
  progress(progress: SyncProgress | null): void;
  /** A sync problem the agent should see, or null once sync works again. */
  problem(message: string | null): void;
  mustRefetch(): void;
  head(seq: number): void;
  caughtUp(): void;
  corrupted(error: unknown): void;
  /** Called before a batch is applied; the result is called once it committed (notifications). */
  observe?(events: readonly ChangeEvent[]): (phase: 'catchup' | 'live') => void;
}

class MustRefetch extends Error {}

export class SyncEngine {
  private readonly buffer = new LiveBuffer();
  private running = false;
  private again = false;
  private stopped = false;
  private needPull = true;
  private failures = 0;
  private cancelRetry: (() => void) | null = null;
  private done: Promise<void> = Promise.resolve();
  private writing: Promise<void> = Promise.resolve();
  /** Set while the cache's contents are being replaced: no catch-up batch is handed over. */
  private writesHeld = false;

  constructor(private readonly deps: SyncDeps) {}

  /** A (re)connection: catch up from the cursor before anything else. */
  connected(): void {
    this.writesHeld = false;
    // A catch-up follows: the writer's thread starts while the first page is pulled.
    if (!this.stopped) this.deps.writer().warm?.();
    // Whatever was buffered may stem from an earlier connection (even another account); the pull
    // that follows covers everything since the cursor anyway.
    this.buffer.clear();
    this.needPull = true;
    this.failures = 0;
    this.kick();
  }

  /** The cache was replaced (rebuilt after corruption): start over from its state. */
  reset(): void {
    this.buffer.clear();
    this.needPull = true;
    this.kick();
  }

  live(payload: unknown): void {
    const { events, problems } = parsePush(payload);
    for (const p of problems) this.deps.log.error('Malformed live event skipped', { problem: p });
    if (events.length === 0 && problems.length === 0) return;
    const last = events[events.length - 1];
    if (last) this.deps.head(last.seq);
    if (!this.buffer.add(events)) this.needPull = true;
    this.kick();
  }

  stop(): Promise<void> {
    this.stopped = true;
    this.cancelRetry?.();
    return this.done;
  }

  /**
   * Resolves once the write in progress (if any) has committed or failed, and hands no further
   * catch-up batch over until the next connection. Whoever replaces the cache's contents (logout,
   * another account) waits for it, so that no batch lands after the reset.
   */
  writesSettled(): Promise<void> {
    this.writesHeld = true;
    return this.writing;
  }

  /** Resolves when the pump is idle (tests, shutdown). */
  idle(): Promise<void> {
    return this.done;
  }

  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    this.done = (async () => {
      try {
        do {
          this.again = false;
          await this.pump();
        } while (this.again && !this.stopped);
      } finally {
        this.running = false;
      }
    })();
  }

  private connectedTransport(): Transport | null {
    const t = this.deps.transport();
    return !this.stopped && t?.connected ? t : null;
  }

  private async pump(): Promise<void> {
    try {
      while (this.connectedTransport()) {
        const store = this.deps.store();
        const cursor = store.meta.lastSeq;
        if (cursor === null) {
          await this.bootstrap();
          this.needPull = true;
        } else if (this.needPull) {
          this.needPull = false;
          await this.catchUp();
        } else {
          const plan = this.buffer.take(cursor);
          if (plan.ready.length > 0) await this.apply(plan.ready, 'live');
          if (plan.gap) this.needPull = true;
          else if (plan.ready.length === 0) break;
        }
        this.recovered();
      }
    } catch (e) {
      this.failed(e);
    }
  }

  private recovered(): void {
    if (this.failures > 0) {
      this.failures = 0;
      this.deps.problem(null);
    }
  }

  private failed(e: unknown): void {
    if (this.stopped) return;
    this.deps.progress(null);
    if (e instanceof MustRefetch) {
      this.deps.log.warn('Sync cursor is older than the server keeps: downloading the inbox again');
      this.deps.store().startRefetch();
      this.buffer.clear();
      this.deps.mustRefetch();
      this.again = true;
      return;
    }
    if (isCorruptionError(e)) {
      this.deps.corrupted(e);
      return;
    }
    // A dropped connection ends the pump quietly; the next connect starts it again.
    if (e instanceof TransportError && e.code === 'disconnected') {
      this.needPull = true;
      return;
    }
    this.failures++;
    this.needPull = true;
    const message =
      e instanceof MalformedPayloadError || e instanceof TransportError
        ? e.message
        : `Sync failed: ${e instanceof Error ? e.message : String(e)}`;
    this.deps.log.error('Sync step failed', { error: message, failures: this.failures });
    if (this.failures >= this.deps.tuning.failuresBeforeReport) this.deps.problem(message);
    const delay = backoffDelay(this.failures, this.deps.tuning.retry, this.deps.random());
    this.cancelRetry?.();
    this.cancelRetry = this.deps.schedule(() => {
      this.cancelRetry = null;
      this.kick();
    }, delay);
  }

  private async apply(events: ChangeEvent[], phase: 'catchup' | 'live'): Promise<void> {
    (await this.commit(events, phase))();
  }

  /** Writes a batch; resolves once it committed, with the change notice and notifications to raise. */
  private async commit(events: ChangeEvent[], phase: 'catchup' | 'live', text?: string): Promise<() => void> {
    // Notification facts are read on this thread's connection before the batch changes them.
    const applied = this.deps.observe?.(events);
    const job: WriteJob = { kind: 'events', events, selfId: this.deps.selfId(), catchUp: phase === 'catchup', ...(text === undefined ? {} : { text }) };
    const { summary } = await this.write(job);
    return () => {
      this.deps.changed(summary);
      applied?.(phase);
    };
  }

  private write(job: WriteJob): Promise<WriteResult> {
    const written = this.deps.writer().write(job);
    this.writing = written.then(
      () => undefined,
      () => undefined,
    );
    return written;
  }

  private request(name: Parameters<Transport['request']>[0], body: unknown): Promise<unknown> {
    const t = this.connectedTransport();
    if (!t) return Promise.reject(new TransportError('disconnected', 'Not connected.'));
    return t.request(name, body, this.deps.tuning.requestTimeoutMs);
  }

  /**
   * Pulls pages from the cursor until `hasMore` is false. The next page is pulled and validated
   * while the writer applies the previous ones; pages that arrive meanwhile are joined into one
   * batch. A batch is handed over only once the one before it has committed, so the writer never
   * gets events that do not follow its cursor, and a failed write stops the loop with nothing
   * after it applied.
   */
  private async catchUp(): Promise<void> {
    const { tuning } = this.deps;
    const start = this.deps.store().meta.lastSeq ?? 0;
    // Pages pulled before a dropped connection are still written (nothing is lost); once the cache
    // is about to be reset (writesSettled), nothing more is handed over.
    const batches = new CatchUpBatches(
      (events, text) => this.commit(events, 'catchup', text),
      tuning.catchUpBatchLimit,
      () => (this.writesHeld ? new TransportError('disconnected', 'Not connected.') : null),
    );
    let after = start;
    let showing = false;
    try {
      for (;;) {
        const page = await parsePull(await this.request('sync.pull', { after, limit: tuning.pullLimit }));
        this.deps.head(page.head);
        if (page.mustRefetch) throw new MustRefetch();
        const { ready, rest } = planApply(page.events, after);
        const last = ready[ready.length - 1];
        if (last) after = last.seq;
        await batches.add(ready);
        const problem = page.problems[0] ?? (rest.length > 0 ? `events after seq ${after} are not contiguous` : null);
        if (problem) {
          // What came before the problem is stored; nothing after it.
          await batches.finish();
          throw new MalformedPayloadError('a sync page', problem);
        }
        if (!page.hasMore) break;
        if (ready.length === 0) throw new MalformedPayloadError('a sync page', 'hasMore without events');
        showing = true;
        const done = (this.deps.store().meta.lastSeq ?? 0) - start;
        this.deps.progress({ phase: 'catchup', done, total: Math.max(done, page.head - start) });
      }
      await batches.finish();
    } catch (e) {
      // No write is still running when the caller goes on, and a failed write (a corrupt file)
      // is what it hears about, even when the loop ended for another reason meanwhile.
      throw await batches.failureAfter(e);
    }
    if (showing) this.deps.progress(null);
    if (after > start) this.checkpointAfterCatchUp();
    this.deps.caughtUp();
  }

  /**
   * The catch-up's batches left the WAL's checkpoint for later (writer/job.ts): it runs now, once,
   * not awaited by the catch-up; a live batch that arrives meanwhile waits for it as it would for a
   * batch in progress, and so does a logout (writesSettled).
   */
  private checkpointAfterCatchUp(): void {
    this.write({ kind: 'checkpoint' }).catch((e: unknown) => {
      // Nothing is lost: the WAL holds every commit, and the next write checkpoints it.
      this.deps.log.warn('Checkpoint after the catch-up failed', { error: String(e) });
    });
  }

  private async bootstrap(): Promise<void> {
    const { tuning } = this.deps;
    let state = this.deps.store().meta.snapshot ?? { cursor: null, atSeq: null, done: 0, total: 0, wipe: false };
    this.deps.log.info('Bootstrap', { resumeFrom: state.cursor, done: state.done });
    this.deps.progress({ phase: 'bootstrap', done: state.done, total: state.total });
    for (;;) {
      let raw: unknown;
      try {
        raw = await this.request('sync.snapshot', {
          cursor: state.cursor,
          limit: tuning.snapshotPageSize,
          windowDays: tuning.windowDays,
          messagesPerConversation: tuning.messagesPerConversation,
        });
      } catch (e) {
        // The server no longer knows the snapshot (e.g. it restarted): begin a new one. Pages
        // already written stay; rows are last-writer-wins, so the new snapshot converges.
        if (e instanceof TransportError && e.code === 'invalid' && state.cursor !== null) {
          this.deps.log.warn('Snapshot cursor rejected; starting a new snapshot', { error: e.message });
          state = { ...state, cursor: null, done: 0 };
          continue;
        }
        throw e;
      }
      // The writer validates the page too (zod over ~10k messages is itself a long task) and
      // returns the bootstrap state it stored with it.
      const { summary, snapshot } = await this.write({
        kind: 'snapshotPage',
        raw,
        state,
        messagesPerConversation: tuning.messagesPerConversation,
        selfId: this.deps.selfId(),
      });
      this.deps.changed(summary);
      if (!snapshot) throw new Error('The cache writer returned no bootstrap state for a snapshot page.');
      state = snapshot;
      this.deps.progress({ phase: 'bootstrap', done: state.done, total: Math.max(state.done, state.total) });
      if (state.cursor === null) break;
    }
    this.deps.progress(null);
    this.deps.log.info('Bootstrap done', { conversations: state.done, atSeq: state.atSeq });
  }
}
