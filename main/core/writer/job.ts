// The heavy cache writes of sync, as plain data that can cross to another thread: one contiguous
// batch of change events, or one snapshot page. Each runs as one transaction of a Store.
import type { ChangeEvent, SnapshotPage } from '../../../shared/protocol';
import type { ChangeSummary } from '../cache/apply';
import type { SnapshotState } from '../cache/meta';
import type { Store } from '../store';

export type WriteJob =
  | { kind: 'events'; events: readonly ChangeEvent[]; selfId: string }
  | {
      kind: 'snapshotPage';
      page: SnapshotPage;
      wipeFirst: boolean;
      next: SnapshotState;
      messagesPerConversation: number;
      selfId: string;
    };

export function runWriteJob(store: Store, job: WriteJob): ChangeSummary {
  if (job.kind === 'events') return store.applyEvents(job.events, job.selfId);
  return store.applySnapshotPage(job.page, job.wipeFirst, job.next, job.messagesPerConversation, job.selfId);
}

/** Main thread → writer thread. */
export type ToWriter = { type: 'job'; id: number; job: WriteJob } | { type: 'close' };

/** An error as it crosses threads: structured cloning drops `code`, which tells corruption apart. */
export interface WireError {
  name: string;
  message: string;
  code?: string;
}

/** Writer thread → main thread. */
export type FromWriter =
  | { type: 'done'; id: number; summary: ChangeSummary }
  | { type: 'failed'; id: number; error: WireError }
  | { type: 'log'; level: 'info' | 'warn' | 'error'; message: string; fields?: Record<string, unknown> };

export function toWire(e: unknown): WireError {
  if (!(e instanceof Error)) return { name: 'Error', message: String(e) };
  const code = (e as { code?: unknown }).code;
  return { name: e.name, message: e.message, ...(typeof code === 'string' ? { code } : {}) };
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
