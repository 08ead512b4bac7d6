// One open cache + outbox connection with its prepared statements and the transactions the core
// runs on it. Replaced as a whole when the cache file is rebuilt after corruption.
import type Database from 'better-sqlite3';
import type { ChangeEvent, SnapshotPage } from '../../shared/protocol';
import { Applier, emptySummary, type ChangeSummary } from './cache/apply';
import { eventBatch, type EventBatch } from './cache/eventBatch';
import { Meta, type SnapshotState } from './cache/meta';
import { closeDatabase } from './db/open';
import { DraftStore } from './drafts/draftStore';
import { Queries } from './cache/queries';
import { kindOf, type EffectContext } from './outbox/kinds';
import { OutboxStore, type OutboxEntry } from './outbox/store';
import type { Logger } from './ports';
import { SearchIndexer } from './search/indexer';
import { LocalSearch } from './search/localSearch';
import type { Reason } from '../../shared/reasons';

export class Store {
  readonly meta: Meta;
  readonly outboxMeta: Meta;
  readonly applier: Applier;
  readonly queries: Queries;
  readonly outbox: OutboxStore;
  readonly search: LocalSearch;
  private readonly indexer: SearchIndexer;
  readonly drafts: DraftStore;

  constructor(
    readonly db: Database.Database,
    readonly cacheFile: string,
    private readonly log: Logger,
  ) {
    this.meta = new Meta(db);
    this.outboxMeta = new Meta(db, 'outbox.meta');
    this.applier = new Applier(db);
    this.queries = new Queries(db);
    this.outbox = new OutboxStore(db);
    this.search = new LocalSearch(db);
    this.indexer = new SearchIndexer(db);
    this.drafts = new DraftStore(db);
  }

  /**
   * One write transaction; the search indexes catch up with its writes before it commits. It takes
   * the write lock at BEGIN: the cache has a second writer (the batch writer's connection), and a
   * transaction that read first could not wait for the lock when it comes to write (SQLITE_BUSY).
   */
  tx<T>(fn: () => T): T {
    return this.db
      .transaction(() => {
        const result = fn();
        this.indexer.flush();
        return result;
      })
      .immediate();
  }

  /** Applies a contiguous batch of events and moves the cursor to its end, atomically. */
  applyEvents(events: readonly ChangeEvent[], selfId: string): ChangeSummary {
    const batch = eventBatch(events);
    return batch ? this.applyEventBatch(batch, selfId) : emptySummary();
  }

  /** The same, for events already made a batch (on another thread). */
  applyEventBatch(batch: EventBatch, selfId: string): ChangeSummary {
    const summary = emptySummary();
    this.tx(() => {
      this.applier.applyBatch(batch, selfId, summary);
      this.meta.lastSeq = batch.lastSeq;
    });
    return summary;
  }

  /**
   * Writes one snapshot page and the bootstrap state after it in one transaction; the last page
   * sets the cursor to the snapshot's seq. Unsent work is re-applied over the fresh rows.
   */
  applySnapshotPage(
    page: SnapshotPage,
    wipeFirst: boolean,
    next: SnapshotState,
    messagesPerConversation: number,
    selfId: string,
  ): ChangeSummary {
    const summary = emptySummary();
    this.tx(() => {
      if (wipeFirst) this.applier.wipe();
      this.applier.applySnapshotPage(page, messagesPerConversation, summary);
      this.meta.workflow = page.workflow;
      this.reapplyOutbox(selfId, summary);
      if (next.cursor === null) {
        this.meta.snapshot = null;
        this.meta.lastSeq = next.atSeq;
      } else {
        this.meta.snapshot = next;
      }
    });
    return summary;
  }

  /** The server no longer has our cursor: start over with a snapshot that replaces the cache. */
  startRefetch(): void {
    this.tx(() => {
      this.meta.lastSeq = null;
      this.meta.snapshot = { cursor: null, atSeq: null, done: 0, total: 0, wipe: true };
    });
  }

  /** Drops all cached server data and sync state (another account, logout). */
  resetCache(owner: string | null): void {
    this.tx(() => {
      this.applier.wipe();
      // Drafts and usage counts belong to the account too.
      this.db.exec('DELETE FROM messages; DELETE FROM meta; DELETE FROM drafts; DELETE FROM canned_usage;');
      this.meta.owner = owner;
    });
  }

  effectContext(selfId: string, summary: ChangeSummary): EffectContext {
    return { db: this.db, applier: this.applier, selfId, summary };
  }

  /**
   * Re-applies the optimistic effect of every outbox entry (idempotent by client id): the outbox is
   * the source of truth for unsent work, whatever happened to the cache file.
   */
  reapplyOutbox(selfId: string, summary: ChangeSummary): void {
    const ctx = this.effectContext(selfId, summary);
    for (const entry of this.outbox.list()) {
      try {
        const { kind, payload } = kindOf(entry);
        kind.apply(ctx, entry, payload);
      } catch (e) {
        this.log.error('Outbox entry cannot be applied', { entryId: entry.id, error: String(e) });
      }
    }
  }

  enqueue(entry: OutboxEntry, selfId: string): ChangeSummary {
    const summary = emptySummary();
    this.tx(() => {
      this.outbox.add(entry);
      const { kind, payload } = kindOf(entry);
      kind.apply(this.effectContext(selfId, summary), entry, payload);
    });
    return summary;
  }

  acknowledge(entry: OutboxEntry, value: unknown, selfId: string): ChangeSummary {
    const summary = emptySummary();
    this.tx(() => {
      this.outbox.remove(entry.id);
      try {
        const { kind, payload } = kindOf(entry);
        kind.acknowledged(this.effectContext(selfId, summary), entry, payload, value);
      } catch (e) {
        // The server accepted the mutation; its change events will bring the result instead.
        this.log.warn('Malformed acknowledgement ignored', { entryId: entry.id, error: String(e) });
      }
    });
    return summary;
  }

  reject(entry: OutboxEntry, reason: string, selfId: string, why: Reason | null = null): ChangeSummary {
    const summary = emptySummary();
    this.tx(() => {
      this.outbox.markFailed(entry.id, reason, why);
      try {
        const { kind, payload } = kindOf(entry);
        kind.rejected(this.effectContext(selfId, summary), entry, payload, reason);
        if (kind.refusalIsFinal) this.outbox.remove(entry.id);
      } catch (e) {
        this.log.error('Outbox entry cannot be rolled back', { entryId: entry.id, error: String(e) });
      }
    });
    return summary;
  }

  /** Puts a failed entry back in the queue with its optimistic effect. */
  retry(entry: OutboxEntry, selfId: string): ChangeSummary {
    const summary = emptySummary();
    this.tx(() => {
      this.outbox.requeue(entry.id);
      const requeued = { ...entry, state: 'waiting' as const, error: null };
      const { kind, payload } = kindOf(requeued);
      kind.apply(this.effectContext(selfId, summary), requeued, payload);
    });
    return summary;
  }

  discard(entry: OutboxEntry, selfId: string): ChangeSummary {
    const summary = emptySummary();
    this.tx(() => {
      this.outbox.remove(entry.id);
      try {
        const { kind, payload } = kindOf(entry);
        kind.discarded(this.effectContext(selfId, summary), entry, payload);
      } catch (e) {
        this.log.warn('Discarded outbox entry had no undoable effect', { entryId: entry.id, error: String(e) });
      }
    });
    return summary;
  }

  close(): void {
    closeDatabase(this.db, this.cacheFile);
  }
}
