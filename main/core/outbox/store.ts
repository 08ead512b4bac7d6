// The outbox table (in its own file, attached as `outbox`): the agent's mutations that the server
// has not acknowledged, in send order. Only 'waiting' and 'failed' are stored; 'sending' is the
// sender's in-memory view of the one entry in flight, so a crash leaves nothing half-sent.
import type Database from 'better-sqlite3';
import { reasonFromJson, type Reason } from '../../../shared/reasons';

export interface OutboxEntry {
  id: string;
  kind: string;
  conversationId: string | null;
  payload: unknown;
  state: 'waiting' | 'failed';
  attempts: number;
  createdAt: number;
  error: string | null;
  /** The server's translatable reason for a refusal. */
  errorReason: Reason | null;
}

interface EntryRow {
  id: string;
  kind: string;
  conversation_id: string | null;
  payload: string;
  state: 'waiting' | 'failed';
  attempts: number;
  created_at: number;
  error: string | null;
  error_reason: string | null;
}

/** The entry kinds that are a message the agent wrote (what "unsent messages" counts). */
const MESSAGE_KINDS = "('message.send', 'conversation.start')";

const toEntry = (r: EntryRow): OutboxEntry => ({
  id: r.id,
  kind: r.kind,
  conversationId: r.conversation_id,
  payload: JSON.parse(r.payload) as unknown,
  state: r.state,
  attempts: r.attempts,
  createdAt: r.created_at,
  error: r.error,
  errorReason: reasonFromJson(r.error_reason),
});

export class OutboxStore {
  private readonly s;

  constructor(db: Database.Database) {
    this.s = {
      insert: db.prepare(
        `INSERT INTO outbox.entries (id, kind, conversation_id, payload, state, attempts, created_at, error)
         VALUES (@id, @kind, @conversationId, @payload, 'waiting', 0, @createdAt, NULL)`,
      ),
      all: db.prepare<[], EntryRow>('SELECT * FROM outbox.entries ORDER BY position'),
      get: db.prepare<[string], EntryRow>('SELECT * FROM outbox.entries WHERE id = ?'),
      next: db.prepare<[], EntryRow>("SELECT * FROM outbox.entries WHERE state = 'waiting' ORDER BY position LIMIT 1"),
      remove: db.prepare<[string]>('DELETE FROM outbox.entries WHERE id = ?'),
      fail: db.prepare<[string, string | null, string]>("UPDATE outbox.entries SET state = 'failed', error = ?, error_reason = ? WHERE id = ?"),
      requeue: db.prepare<[string]>(
        "UPDATE outbox.entries SET state = 'waiting', error = NULL, error_reason = NULL, attempts = 0 WHERE id = ?",
      ),
      attempt: db.prepare<[string | null, string]>(
        'UPDATE outbox.entries SET attempts = attempts + 1, error = ?, error_reason = NULL WHERE id = ?',
      ),
      // Messages are what the agent wrote and would lose; read markers are bookkeeping.
      stats: db.prepare<[], { depth: number; messages: number; failed: number; oldest: number | null }>(
        `SELECT count(*) AS depth, coalesce(sum(kind IN ${MESSAGE_KINDS}), 0) AS messages,
           coalesce(sum(kind IN ${MESSAGE_KINDS} AND state = 'failed'), 0) AS failed, min(created_at) AS oldest
         FROM outbox.entries`,
      ),
      clear: db.prepare('DELETE FROM outbox.entries'),
    };
  }

  add(entry: { id: string; kind: string; conversationId: string | null; payload: unknown; createdAt: number }): void {
    this.s.insert.run({ ...entry, payload: JSON.stringify(entry.payload) });
  }

  list(): OutboxEntry[] {
    return this.s.all.all().map(toEntry);
  }

  get(id: string): OutboxEntry | null {
    const row = this.s.get.get(id);
    return row ? toEntry(row) : null;
  }

  /** The first entry waiting to be sent; failed entries wait for the agent and do not block. */
  next(): OutboxEntry | null {
    const row = this.s.next.get();
    return row ? toEntry(row) : null;
  }

  remove(id: string): void {
    this.s.remove.run(id);
  }

  markFailed(id: string, error: string, reason: Reason | null = null): void {
    this.s.fail.run(error, reason === null ? null : JSON.stringify(reason), id);
  }

  requeue(id: string): void {
    this.s.requeue.run(id);
  }

  /** Counts a transient failure; `error` is what the agent sees while it waits. */
  recordAttempt(id: string, error: string | null): void {
    this.s.attempt.run(error, id);
  }

  /** `messages` counts every unsent message; `failedMessages` those of them that wait for the agent. */
  stats(): { depth: number; messages: number; failedMessages: number; oldestCreatedAt: number | null } {
    const r = this.s.stats.get() as { depth: number; messages: number; failed: number; oldest: number | null };
    return { depth: r.depth, messages: r.messages, failedMessages: r.failed, oldestCreatedAt: r.oldest };
  }

  clear(): number {
    return this.s.clear.run().changes;
  }
}
