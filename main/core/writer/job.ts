// The heavy cache writes of sync, as plain data that can cross to another thread: one contiguous
// batch of change events, or one snapshot page as received. Each runs as one transaction of a Store.
import type Database from 'better-sqlite3';
import type { ChangeEvent, SnapshotPage } from '../../../shared/protocol';
import { MalformedPayloadError, parseSnapshotPage } from '../sync/parse';
import { emptySummary, type ChangeSummary } from '../cache/apply';
import { eventBatchText, parseEventBatch } from '../cache/eventBatch';
import type { SnapshotState } from '../cache/meta';
import { CACHE_KIB, CATCH_UP_CACHE_KIB, WAL_CHECKPOINT_LATER_PAGES, WAL_CHECKPOINT_PAGES } from '../db/open';
import type { Store } from '../store';

export type WriteJob =
  | {
      kind: 'events';
      events: readonly ChangeEvent[];
      selfId: string;
      /** The same events as `EventBatchText`, when the caller built it while they arrived. */
      text?: string;
      /** A batch of a catch-up: its commit leaves the WAL's checkpoint for `checkpoint` after it. */
      catchUp?: boolean;
    }
  | {
      /**
       * Copies the WAL into the file and checkpoints in commits again: after a catch-up, and
       * beside the live batches written on the core's connection (writer/smallBatches.ts).
       */
      kind: 'checkpoint';
    }
  | {
      kind: 'snapshotPage';
      /** The page as the server sent it: validated here, off the core's thread. */
      raw: unknown;
      /** The bootstrap state before this page. */
      state: SnapshotState;
      messagesPerConversation: number;
      selfId: string;
    };

export interface WriteResult {
  summary: ChangeSummary;
  /** After a snapshot page: the bootstrap state stored with it. */
  snapshot: SnapshotState | null;
}

/** The bootstrap state once `page` is written. */
export function snapshotStateAfter(state: SnapshotState, page: SnapshotPage): SnapshotState {
  return {
    cursor: page.nextCursor,
    // Catching up from the oldest snapshot seq seen is always safe (events re-apply idempotently).
    atSeq: state.atSeq === null ? page.atSeq : Math.min(state.atSeq, page.atSeq),
    done: state.done + page.conversations.length,
    total: page.totalConversations,
    wipe: false,
  };
}

/** How each connection was last set by writeAsCatchUp. */
const writesCatchUp = new WeakMap<Database.Database, boolean>();

/**
 * How the writer's connection writes a catch-up's batches (`catchUp`) and every other job.
 *
 * When its commits checkpoint: a catch-up rewrites the same conversation rows and index pages
 * batch after batch; checkpointing inside its commits copied each of those pages into the file
 * once per checkpoint, on the path the catch-up waits for. Its batches leave the WAL to grow (up
 * to WAL_CHECKPOINT_LATER_PAGES) and one checkpoint after the last batch copies each page once;
 * every other job checkpoints in its commit past WAL_CHECKPOINT_PAGES, as before.
 *
 * Its page cache: a batch of 20,000 events at design scale dirties up to 29 MB of pages (the
 * thread index's leaves above all: new messages land all over it), which 16 MB did not hold, so
 * the batch wrote pages to the WAL before its commit and wrote them again, and read evicted
 * pages back from the WAL and the file: 368 MB read per 100k events, 59 MB with 32 MB. Every
 * other job sets it back, which frees the pages beyond it.
 *
 * Only a change is set: each pragma is a statement compiled and run anew, and live batches on the
 * core's connection come one at a time, hundreds a second. A connection starts as configureCache
 * leaves it, which is how every job but a catch-up's writes.
 */
export function writeAsCatchUp(db: Database.Database, catchUp: boolean): void {
  if ((writesCatchUp.get(db) ?? false) === catchUp) return;
  db.pragma(`wal_autocheckpoint = ${catchUp ? WAL_CHECKPOINT_LATER_PAGES : WAL_CHECKPOINT_PAGES}`);
  db.pragma(`cache_size = -${catchUp ? CATCH_UP_CACHE_KIB : CACHE_KIB}`);
  writesCatchUp.set(db, catchUp);
}

function checkpoint(store: Store): WriteResult {
  writeAsCatchUp(store.db, false);
  store.db.pragma('wal_checkpoint(PASSIVE)');
  return { summary: emptySummary(), snapshot: null };
}

export function runWriteJob(store: Store, job: WriteJob): WriteResult {
  if (job.kind === 'checkpoint') return checkpoint(store);
  writeAsCatchUp(store.db, job.kind === 'events' && job.catchUp === true);
  if (job.kind === 'events') {
    const summary = job.text === undefined ? store.applyEvents(job.events, job.selfId) : applyBatchText(store, job.text, job.selfId);
    return { summary, snapshot: null };
  }
  const page = parseSnapshotPage(job.raw);
  const next = snapshotStateAfter(job.state, page);
  const wipeFirst = job.state.wipe && job.state.cursor === null;
  return { summary: store.applySnapshotPage(page, wipeFirst, next, job.messagesPerConversation, job.selfId), snapshot: next };
}

/**
 * A job as it crosses to the writer's thread. A batch of events goes as its `EventBatchText`
 * (statement parameters as arrays, see cache/eventBatch.ts): the writer's thread, the
 * one a catch-up waits for, parses that in well under half the time it takes to rebuild the events
 * from their own JSON or from a structured clone, and the core's thread, which waits for it, builds
 * the parameters meanwhile.
 */
export type WireJob = Exclude<WriteJob, { kind: 'events' }> | { kind: 'eventBatch'; json: string; selfId: string; catchUp: boolean };

export function jobToWire(job: WriteJob): WireJob {
  if (job.kind !== 'events') return job;
  return { kind: 'eventBatch', json: job.text ?? eventBatchText(job.events), selfId: job.selfId, catchUp: job.catchUp === true };
}

/** Runs a job as it arrived on the writer's thread. */
export function runWireJob(store: Store, job: WireJob): WriteResult {
  if (job.kind !== 'eventBatch') return runWriteJob(store, job);
  writeAsCatchUp(store.db, job.catchUp);
  return { summary: applyBatchText(store, job.json, job.selfId), snapshot: null };
}

/** The events were validated before they were made a batch, so the text is read back as one. */
function applyBatchText(store: Store, json: string, selfId: string): ChangeSummary {
  const batch = parseEventBatch(json);
  return batch ? store.applyEventBatch(batch, selfId) : emptySummary();
}

/** Main thread → writer thread. */
export type ToWriter = { type: 'job'; id: number; job: WireJob } | { type: 'close' };

/** An error as it crosses threads: structured cloning drops `code`, which tells corruption apart. */
export interface WireError {
  name: string;
  message: string;
  code?: string;
}

/** Writer thread → main thread. */
export type FromWriter =
  | { type: 'done'; id: number; result: WriteResult }
  | { type: 'failed'; id: number; error: WireError }
  | { type: 'log'; level: 'info' | 'warn' | 'error'; message: string; fields?: Record<string, unknown> };

export function toWire(e: unknown): WireError {
  if (!(e instanceof Error)) return { name: 'Error', message: String(e) };
  const code = (e as { code?: unknown }).code;
  return { name: e.name, message: e.message, ...(typeof code === 'string' ? { code } : {}) };
}

/** The error a write failed with, rebuilt on the main thread: a malformed page stays one. */
export function fromWire(wire: WireError): Error {
  if (wire.name === MalformedPayloadError.name) return MalformedPayloadError.withMessage(wire.message);
  return new WriteFailedError(wire);
}

/** A write that failed on the writer's thread, with the SQLite code it failed with. */
export class WriteFailedError extends Error {
  readonly code: string | undefined;

  constructor(wire: WireError) {
    super(wire.message);
    this.name = wire.name;
    this.code = wire.code;
  }
}
