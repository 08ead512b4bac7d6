// The catch-up's physical reference: the rows the same change events end up writing, worked out
// beforehand, then written with plain better-sqlite3 into a copy of the same cache (its schema,
// indexes and triggers), with the pragmas the writer's thread writes a catch-up with (WAL,
// synchronous=NORMAL, its page cache, statement journals in memory), one transaction per batch
// of the engine's largest size, the full-text indexes brought up once per batch as the cache
// does, and the WAL checkpointed once after the last batch, as a catch-up's is (timed apart, as
// the engine's is). No validation, no last-writer-wins reads, no thread hop: what SQLite itself
// needs for the same result.
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import type { Contact, Conversation, Message } from '../../shared/domain';
import { serializeMessageExtras } from '../../shared/messageExtras';
import type { ChangeEvent } from '../../shared/protocol';
import { configureCache } from '../../main/core/db/open';
import { writeAsCatchUp } from '../../main/core/writer/job';
import { SearchIndexer } from '../../main/core/search/indexer';
import { addUsage, type OwnUsage, ownUsage, usageSince } from '../lib/cpu';
import { ioBetween, type IoMegabytes, ownIo } from '../lib/io';

interface ReadRow {
  id: string;
  readSeq: number;
  unread: number;
}

/** One batch's resulting writes: every row once, in its final state for the batch. */
export interface RawBatch {
  contacts: Contact[];
  /** The newest version of each conversation in the batch. */
  conversations: Conversation[];
  /** Conversations seen for the first time: their open history range starts here. */
  ranges: Array<{ id: string; from: number }>;
  messages: Message[];
  statuses: Array<{ id: string; status: string; seq: number }>;
  /** The agent's read marker and unread count of each conversation whose count moved. */
  reads: ReadRow[];
  lastSeq: number;
}

/** What the planner reads from the cache before the clock starts. */
export interface CacheFacts {
  read(conversationId: string): { readSeq: number; unread: number } | undefined;
  hasOpenRange(conversationId: string): boolean;
  /** Cached inbound messages of a conversation after `seq`. */
  inboundAfter(conversationId: string, seq: number): number;
}

export function cacheFacts(db: Database.Database): CacheFacts {
  const read = db.prepare<[string], { read_seq: number; unread_count: number }>('SELECT read_seq, unread_count FROM reads WHERE conversation_id = ?');
  const open = db.prepare<[string], { one: number }>('SELECT 1 AS one FROM ranges WHERE conversation_id = ? AND to_seq IS NULL');
  const inbound = db.prepare<[string, number], { n: number }>(
    "SELECT count(*) AS n FROM messages WHERE conversation_id = ? AND direction = 'inbound' AND seq > ?",
  );
  return {
    read: (id) => {
      const r = read.get(id);
      return r ? { readSeq: r.read_seq, unread: r.unread_count } : undefined;
    },
    hasOpenRange: (id) => open.get(id) !== undefined,
    inboundAfter: (id, seq) => inbound.get(id, seq)?.n ?? 0,
  };
}

/**
 * The rows `events` leave behind, batch by batch, for agent `selfId`: the same result as the
 * core's applier on this event stream (new contacts and messages, forward-only statuses, read
 * markers from the agent's own read events), without its checks. The benchmark compares the two
 * caches afterwards.
 */
export function planRawCatchup(events: readonly ChangeEvent[], batchSize: number, selfId: string, facts: CacheFacts): RawBatch[] {
  const batches: RawBatch[] = [];
  const reads = new Map<string, { readSeq: number; unread: number }>();
  const readOf = (id: string) => {
    let r = reads.get(id);
    if (!r) {
      r = facts.read(id) ?? { readSeq: 0, unread: 0 };
      reads.set(id, r);
    }
    return r;
  };
  const opened = new Set<string>();
  // Inbound messages of the stream per conversation (seqs), for counting unread after a read marker.
  const inboundSeqs = new Map<string, number[]>();
  const fromSeq = (events[0]?.seq ?? 1) - 1;
  for (let start = 0; start < events.length; start += batchSize) {
    const slice = events.slice(start, start + batchSize);
    const conversations = new Map<string, Conversation>();
    const touchedReads = new Set<string>();
    const batch: RawBatch = { contacts: [], conversations: [], ranges: [], messages: [], statuses: [], reads: [], lastSeq: slice[slice.length - 1]?.seq ?? 0 };
    const open = (id: string, from: number) => {
      if (opened.has(id)) return;
      opened.add(id);
      if (!facts.hasOpenRange(id)) batch.ranges.push({ id, from });
    };
    for (const e of slice) {
      switch (e.type) {
        case 'contact.upserted':
          batch.contacts.push(e.contact);
          break;
        case 'conversation.upserted': {
          open(e.conversation.id, e.seq);
          const kept = conversations.get(e.conversation.id);
          if (!kept || e.conversation.seq > kept.seq) conversations.set(e.conversation.id, e.conversation);
          break;
        }
        case 'message.created': {
          const m = e.message;
          open(m.conversationId, m.seq);
          batch.messages.push(m);
          if (m.direction !== 'inbound') break;
          const seqs = inboundSeqs.get(m.conversationId) ?? [];
          seqs.push(m.seq);
          inboundSeqs.set(m.conversationId, seqs);
          const r = readOf(m.conversationId);
          if (m.seq > r.readSeq) {
            r.unread += 1;
            touchedReads.add(m.conversationId);
          }
          break;
        }
        case 'message.status':
          batch.statuses.push({ id: e.messageId, status: e.status, seq: e.seq });
          break;
        case 'conversation.read': {
          if (e.agentId !== selfId) break;
          const r = readOf(e.conversationId);
          r.readSeq = Math.max(r.readSeq, e.readSeq);
          const stored = r.readSeq >= fromSeq ? 0 : facts.inboundAfter(e.conversationId, r.readSeq);
          r.unread = stored + (inboundSeqs.get(e.conversationId) ?? []).filter((s) => s > r.readSeq).length;
          touchedReads.add(e.conversationId);
          break;
        }
        default:
          throw new Error(`the raw catch-up reference does not write ${e.type} events`);
      }
    }
    batch.conversations = [...conversations.values()];
    for (const id of touchedReads) {
      const r = readOf(id);
      batch.reads.push({ id, readSeq: r.readSeq, unread: r.unread });
    }
    batches.push(batch);
  }
  return batches;
}

const CONVERSATION_COLUMNS =
  'contact_id = @contactId, channel = @channel, status = @status, queue_id = @queueId, assignee_id = @assigneeId, ' +
  'subject = @subject, created_at = @createdAt, last_message_at = @lastMessageAt, preview = @lastMessagePreview, ' +
  'last_direction = @lastMessageDirection, waiting_since = @waitingSince, last_inbound_at = @lastInboundAt, tags = @tags, ' +
  'labels = @labels, previous_id = @previousConversationId, closure_reason = @closureReason, seq = @seq';

export interface RawCatchupTimes {
  ms: number;
  /** Inside the transactions, as `ms`. */
  usage: OwnUsage;
  /** The checkpoint after the last batch, which the batches leave for then as the engine's do. */
  checkpointMs: number;
  /** What the batches moved, the checkpoint not included. */
  io: IoMegabytes | null;
}

/** Writes the planned batches into `file` (a copy of the cache); time inside the transactions. */
export function writeRawCatchup(file: string, batches: readonly RawBatch[]): RawCatchupTimes {
  const db = new Database(file);
  // The pragmas the engine's writer writes a catch-up's batches with.
  configureCache(db);
  writeAsCatchUp(db, true);
  const indexer = new SearchIndexer(db);
  const s = {
    contact: db.prepare('INSERT INTO contacts (id, name, phone, email, created_at, seq) VALUES (@id, @name, @phone, @email, @createdAt, @seq)'),
    updateConversation: db.prepare(`UPDATE conversations SET ${CONVERSATION_COLUMNS} WHERE id = @id`),
    insertConversation: db.prepare(
      `INSERT INTO conversations (id, contact_id, channel, status, queue_id, assignee_id, subject, created_at, last_message_at,
         preview, last_direction, waiting_since, last_inbound_at, tags, labels, previous_id, closure_reason, seq)
       VALUES (@id, @contactId, @channel, @status, @queueId, @assigneeId, @subject, @createdAt, @lastMessageAt,
         @lastMessagePreview, @lastMessageDirection, @waitingSince, @lastInboundAt, @tags, @labels,
         @previousConversationId, @closureReason, @seq)`,
    ),
    range: db.prepare<[string, number]>('INSERT INTO ranges (conversation_id, from_seq, to_seq) VALUES (?, ?, NULL)'),
    message: db.prepare(
      `INSERT INTO messages (id, client_id, conversation_id, seq, direction, kind, channel, author_agent_id, body, created_at,
         status, status_seq, call, extra, rev_seq, local) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)`,
    ),
    status: db.prepare<[string, number, string]>('UPDATE messages SET status = ?, status_seq = ? WHERE id = ?'),
    read: db.prepare<[string, number, number]>(
      `INSERT INTO reads (conversation_id, read_seq, unread_count) VALUES (?, ?, ?)
       ON CONFLICT (conversation_id) DO UPDATE SET read_seq = excluded.read_seq, unread_count = excluded.unread_count`,
    ),
    cursor: db.prepare<[string]>("UPDATE meta SET value = ? WHERE key = 'last_seq'"),
  };
  const write = db.transaction((b: RawBatch) => {
    for (const c of b.contacts) s.contact.run(c);
    for (const c of b.conversations) {
      const row = { ...c, tags: JSON.stringify(c.tags), labels: JSON.stringify(c.labels) };
      if (s.updateConversation.run(row).changes === 0) s.insertConversation.run(row);
    }
    for (const r of b.ranges) s.range.run(r.id, r.from);
    for (const m of b.messages) {
      s.message.run(m.id, m.clientId, m.conversationId, m.seq, m.direction, m.kind, m.channel, m.authorAgentId, m.body,
        m.createdAt, m.status, m.statusSeq, m.call === null ? null : JSON.stringify(m.call), serializeMessageExtras(m), m.revSeq);
    }
    for (const st of b.statuses) s.status.run(st.status, st.seq, st.id);
    for (const r of b.reads) s.read.run(r.id, r.readSeq, r.unread);
    s.cursor.run(String(b.lastSeq));
    indexer.flush();
  });
  let ms = 0;
  let usage: OwnUsage = { cpuS: 0, kernelS: 0, minorFaults: 0 };
  try {
    const io0 = ownIo();
    for (const b of batches) {
      const t0 = performance.now();
      const before = ownUsage();
      write(b);
      usage = addUsage(usage, usageSince(before));
      ms += performance.now() - t0;
    }
    const io = ioBetween(io0, ownIo());
    const t0 = performance.now();
    db.pragma('wal_checkpoint(PASSIVE)');
    return { ms, usage, checkpointMs: performance.now() - t0, io };
  } finally {
    db.close();
  }
}

/**
 * Copies a closed cache file (and its WAL, if one was left) to `to`, on disk before it returns: a
 * gigabyte of copy still being written back would slow the catch-up measured next.
 */
export function copyCache(from: string, to: string): void {
  for (const suffix of ['', '-wal']) {
    if (!fs.existsSync(from + suffix)) continue;
    fs.copyFileSync(from + suffix, to + suffix);
    const fd = fs.openSync(to + suffix, 'r+');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  }
}

/**
 * A fingerprint of what the catch-up writes: row counts and sums over the columns it sets, so the
 * engine's cache and the reference's can be compared without reading a million rows into memory.
 */
export function catchupFingerprint(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    const one = (sql: string) => JSON.stringify(db.prepare(sql).get());
    return [
      one('SELECT count(*), sum(seq), sum(last_message_at), sum(length(preview)), sum(status = \'resolved\'), count(assignee_id), sum(waiting_since IS NULL) FROM conversations'),
      one('SELECT count(*), sum(seq), sum(status_seq), sum(status = \'delivered\'), sum(status = \'read\') FROM messages'),
      one('SELECT count(*), sum(read_seq), sum(unread_count) FROM reads'),
      one('SELECT count(*), sum(seq) FROM contacts'),
      one('SELECT count(*), sum(from_seq) FROM ranges WHERE to_seq IS NULL'),
      one("SELECT value FROM meta WHERE key = 'last_seq'"),
      one("SELECT count(*) FROM messages_fts WHERE messages_fts MATCH 'refund'"),
      one('SELECT count(*) FROM search_pending'),
    ].join('\n');
  } finally {
    db.close();
  }
}
