// The word index of messages (messages_fts) is kept through a queue: triggers record each insert,
// body change and delete in messages_fts_pending, and a write transaction applies the queue
// before it commits (sqlite.ts) once it holds INDEX_BATCH changes; a search applies whatever is
// queued first, so it never misses a committed message. Written by a trigger directly, FTS5
// flushed its pending terms as a new segment at every savepoint, and the writer runs each grouped
// write in a savepoint: a segment, and the merges that follow, per inbound message. Applied per
// transaction, a group's messages went in with one INSERT; but at a steady 200 msg/s each message
// commits alone, and the segment FTS5 writes at each commit cost as much as the rest of the
// message's SQL. Applied per INDEX_BATCH changes, that many messages share one segment. The CJK
// trigram index keeps its direct triggers: it holds only messages with CJK text.
import { CompiledQuery, type Kysely } from 'kysely';
import { netPending, type PendingRow } from '../../shared/search/pendingIndex';
import type { DB } from './schema';

/** Migration 011: the queue and its triggers in place of messages_fts's direct triggers. */
export const MESSAGE_INDEX_QUEUE: readonly string[] = [
  // old: the body the row was indexed with (a removal), or NULL for "index the current body".
  'CREATE TABLE messages_fts_pending (id INTEGER PRIMARY KEY, row INTEGER NOT NULL, old TEXT)',
  'DROP TRIGGER messages_fts_insert',
  'DROP TRIGGER messages_fts_delete',
  'DROP TRIGGER messages_fts_update',
  `CREATE TRIGGER messages_fts_queue_insert AFTER INSERT ON messages BEGIN
    INSERT INTO messages_fts_pending (row, old) VALUES (new.rowid, NULL);
  END`,
  `CREATE TRIGGER messages_fts_queue_delete AFTER DELETE ON messages BEGIN
    INSERT INTO messages_fts_pending (row, old) VALUES (old.rowid, old.body);
  END`,
  `CREATE TRIGGER messages_fts_queue_update AFTER UPDATE OF body ON messages BEGIN
    INSERT INTO messages_fts_pending (row, old) VALUES (old.rowid, old.body);
    INSERT INTO messages_fts_pending (row, old) VALUES (new.rowid, NULL);
  END`,
];

const PENDING = CompiledQuery.raw('SELECT id, row, old FROM messages_fts_pending ORDER BY id');
const REMOVE = "INSERT INTO messages_fts (messages_fts, rowid, body) VALUES ('delete', ?, ?)";
const ADD = 'INSERT INTO messages_fts (rowid, body) SELECT m.rowid, m.body FROM json_each(?) j JOIN messages m ON m.rowid = j.value';
const CLEAR = 'DELETE FROM messages_fts_pending WHERE id <= ?';
const QUEUED = CompiledQuery.raw('SELECT count(*) AS n FROM messages_fts_pending');

/** Changes the queue holds before a write transaction applies them. */
export const INDEX_BATCH = 64;

const QUEUE_EXISTS = CompiledQuery.raw("SELECT 1 AS one FROM sqlite_master WHERE type = 'table' AND name = 'messages_fts_pending'");

/**
 * Applies the queue to messages_fts, on the connection a transaction runs on, once it holds
 * `batch` changes. Until migration 011 has run there is no queue and nothing to apply.
 */
export function messageIndexQueue(batch = INDEX_BATCH): (trx: Kysely<DB>) => Promise<void> {
  let exists = false;
  return async (trx) => {
    if (!exists) exists = (await trx.executeQuery(QUEUE_EXISTS)).rows.length > 0;
    if (exists && ((await trx.executeQuery<{ n: number }>(QUEUED)).rows[0]?.n ?? 0) >= batch) await applyMessageIndexQueue(trx);
  };
}

/** Brings messages_fts up to date with every message written so far, in the transaction `trx`. */
export async function applyMessageIndexQueue(trx: Kysely<DB>): Promise<void> {
  const pending = (await trx.executeQuery<PendingRow>(PENDING)).rows;
  const last = pending.at(-1);
  if (!last) return;
  const { removals, additions } = netPending(pending);
  for (const { row, old } of removals) await trx.executeQuery(CompiledQuery.raw(REMOVE, [row, old]));
  if (additions.length > 0) await trx.executeQuery(CompiledQuery.raw(ADD, [JSON.stringify(additions)]));
  await trx.executeQuery(CompiledQuery.raw(CLEAR, [last.id]));
}
