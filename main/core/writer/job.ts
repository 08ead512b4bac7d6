// The heavy cache writes of sync, as plain data that can cross to another thread: one contiguous
// batch of change events, or one snapshot page as received. Each runs as one transaction of a Store.
import type { ChangeEvent, SnapshotPage } from '../../../shared/protocol';
import { MalformedPayloadError, parseSnapshotPage } from '../sync/parse';
import type { ChangeSummary } from '../cache/apply';
import type { SnapshotState } from '../cache/meta';
import type { Store } from '../store';

export type WriteJob =
  | { kind: 'events'; events: readonly ChangeEvent[]; selfId: string }
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

export function runWriteJob(store: Store, job: WriteJob): WriteResult {
  if (job.kind === 'events') return { summary: store.applyEvents(job.events, job.selfId), snapshot: null };
  const page = parseSnapshotPage(job.raw);
  const next = snapshotStateAfter(job.state, page);
  const wipeFirst = job.state.wipe && job.state.cursor === null;
  return { summary: store.applySnapshotPage(page, wipeFirst, next, job.messagesPerConversation, job.selfId), snapshot: next };
}

/**
 * A job as it crosses to the writer's thread. A batch of events goes as JSON text: the writer's
 * thread parses it in about half the time structured cloning takes to rebuild the objects there,
 * and that thread is the one a catch-up waits for.
 */
export type WireJob = Exclude<WriteJob, { kind: 'events' }> | { kind: 'eventsJson'; json: string; selfId: string };

export function jobToWire(job: WriteJob): WireJob {
  return job.kind === 'events' ? { kind: 'eventsJson', json: JSON.stringify(job.events), selfId: job.selfId } : job;
}

/** The events were validated before they were written as JSON, so they are read back as such. */
export function jobFromWire(job: WireJob): WriteJob {
  return job.kind === 'eventsJson' ? { kind: 'events', events: JSON.parse(job.json) as ChangeEvent[], selfId: job.selfId } : job;
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
