// Writes server data into the cache: change events and snapshot pages. Input is already validated
// by the shared zod schemas. Rules: rows are last-writer-wins by seq, messages are insert-if-absent
// (the server's echo of an agent message replaces the optimistic row with the same client id),
// delivery status only moves forward, and events about unknown conversations store what they carry.
import type Database from 'better-sqlite3';
import type { AgentProfile, Contact, Conversation, ConversationLink, Message } from '../../../shared/domain';
import type { SnapshotPage } from '../../../shared/protocol';
import { serializeMessageExtras } from '../../../shared/messageExtras';
import { CannedStore } from '../canned/cannedStore';
import { conversationRow, messageRow, type ConversationItem, type ConversationRow, type EventBatch, type MessageRow, type OtherEvent } from './eventBatch';
import { countsAsUnread } from './lww';
import { ProfileStore, WIPE_PROFILES_SQL } from './profiles';
import { mergeRanges, type SeqRange } from './ranges';

/** What an applied batch touched, for the renderer's change notice. */
export interface ChangeSummary {
  conversationIds: Set<string>;
  inbox: boolean;
  /** Canned messages changed. */
  canned?: boolean;
  /** An agent's row (name, status, capacity, queues) changed. */
  team?: boolean;
}

export const emptySummary = (): ChangeSummary => ({ conversationIds: new Set(), inbox: false });

interface RangeRow {
  from_seq: number;
  to_seq: number | null;
}

interface BatchScan {
  /**
   * Each conversation's newest row in the batch (the first of equals). A batch joined from pages
   * may hold several: only the newest is written, the others only open the history range.
   */
  newest: Map<string, ConversationItem>;
  /** Every conversation a message or a version of it in the batch belongs to. */
  touched: Set<string>;
  /** The client ids of the batch's messages: the echoes of messages sent from some cache. */
  clientIds: string[];
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byConversationId = (a: ConversationItem, b: ConversationItem) => byId(a[2][0], b[2][0]);
const byKey = (a: [string, unknown], b: [string, unknown]) => byId(a[0], b[0]);

function scanBatch(batch: EventBatch): BatchScan {
  const scan: BatchScan = { newest: new Map(), touched: new Set(), clientIds: [] };
  for (const item of batch.items) {
    switch (item[0]) {
      case 'm':
        scan.touched.add(item[1][2]);
        if (item[1][1] !== null) scan.clientIds.push(item[1][1]);
        break;
      case 'c': {
        scan.touched.add(item[2][0]);
        const kept = scan.newest.get(item[2][0]);
        if (!kept || item[2][17] > kept[2][17]) scan.newest.set(item[2][0], item);
        break;
      }
      case 'v':
        scan.touched.add(item[1]);
        break;
      case 'e':
        break;
    }
  }
  return scan;
}

export class Applier {
  private readonly s;
  readonly profiles: ProfileStore;
  readonly canned: CannedStore;

  constructor(private readonly db: Database.Database) {
    this.profiles = new ProfileStore(db);
    this.canned = new CannedStore(db);
    this.s = {
      upsertContact: db.prepare(
        `INSERT INTO contacts (id, name, phone, email, created_at, seq) VALUES (@id, @name, @phone, @email, @createdAt, @seq)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone, email = excluded.email,
           created_at = excluded.created_at, seq = excluded.seq
         WHERE excluded.seq > contacts.seq`,
      ),
      upsertConversation: db.prepare<ConversationRow>(
        `INSERT INTO conversations (id, contact_id, channel, status, queue_id, assignee_id, subject, created_at,
           last_message_at, preview, last_direction, waiting_since, last_inbound_at, tags, labels, previous_id,
           closure_reason, seq)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET contact_id = excluded.contact_id, channel = excluded.channel,
           status = excluded.status, queue_id = excluded.queue_id, assignee_id = excluded.assignee_id,
           subject = excluded.subject, created_at = excluded.created_at, last_message_at = excluded.last_message_at,
           preview = excluded.preview, last_direction = excluded.last_direction, waiting_since = excluded.waiting_since,
           last_inbound_at = excluded.last_inbound_at, tags = excluded.tags, labels = excluded.labels,
           previous_id = excluded.previous_id, closure_reason = excluded.closure_reason, seq = excluded.seq
         WHERE excluded.seq > conversations.seq`,
      ),
      dropOptimistic: db.prepare<[string]>('DELETE FROM messages WHERE client_id = ? AND local = 1'),
      insertMessage: db.prepare<MessageRow>(
        `INSERT OR IGNORE INTO messages (id, client_id, conversation_id, seq, direction, kind, channel,
           author_agent_id, body, created_at, status, status_seq, call, extra, rev_seq, local)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)`,
      ),
      moveStatus: db.prepare<[string, number, string, number], { conversation_id: string }>(
        'UPDATE messages SET status = ?, status_seq = ? WHERE id = ? AND local = 0 AND status_seq < ? RETURNING conversation_id',
      ),
      updateContent: db.prepare<[string, string | null, number, string, number]>(
        'UPDATE messages SET body = ?, extra = ?, rev_seq = ? WHERE id = ? AND local = 0 AND rev_seq < ?',
      ),
      readSeq: db.prepare<[string], { read_seq: number }>('SELECT read_seq FROM reads WHERE conversation_id = ?'),
      bumpUnread: db.prepare<[string, number]>(
        `INSERT INTO reads (conversation_id, read_seq, unread_count) VALUES (?, 0, ?)
         ON CONFLICT (conversation_id) DO UPDATE SET unread_count = unread_count + excluded.unread_count`,
      ),
      // What a batch needs to know of each conversation it touches, in one statement: the agent's
      // read marker and whether its history range is open (a statement per conversation cost more
      // in calls than in the lookups themselves).
      batchFacts: db.prepare<[string], { id: string; read_seq: number | null; open: number }>(
        `SELECT j.value AS id, (SELECT read_seq FROM reads WHERE conversation_id = j.value) AS read_seq,
           EXISTS (SELECT 1 FROM ranges WHERE conversation_id = j.value AND to_seq IS NULL) AS open
         FROM json_each(?) AS j`,
      ),
      dropOptimisticOf: db.prepare<[string]>(
        'DELETE FROM messages WHERE client_id IN (SELECT value FROM json_each(?)) AND local = 1',
      ),
      setRead: db.prepare<[{ id: string; seq: number }]>(
        `INSERT INTO reads (conversation_id, read_seq, unread_count)
         VALUES (@id, @seq, (SELECT count(*) FROM messages WHERE conversation_id = @id AND direction = 'inbound' AND seq > @seq))
         ON CONFLICT (conversation_id) DO UPDATE SET read_seq = excluded.read_seq, unread_count = excluded.unread_count`,
      ),
      putRead: db.prepare<[string, number, number]>(
        'INSERT OR REPLACE INTO reads (conversation_id, read_seq, unread_count) VALUES (?, ?, ?)',
      ),
      ranges: db.prepare<[string], RangeRow>('SELECT from_seq, to_seq FROM ranges WHERE conversation_id = ?'),
      deleteRanges: db.prepare<[string]>('DELETE FROM ranges WHERE conversation_id = ?'),
      insertRange: db.prepare<[string, number, number | null]>(
        'INSERT INTO ranges (conversation_id, from_seq, to_seq) VALUES (?, ?, ?)',
      ),
      agentSeq: db.prepare<[string], { seq: number }>('SELECT seq FROM agents WHERE id = ?'),
      putAgent: db.prepare(
        `INSERT OR REPLACE INTO agents (id, name, email, status, capacity, queue_ids, seq)
         VALUES (@id, @name, @email, @status, @capacity, @queueIds, @seq)`,
      ),
      putQueue: db.prepare('INSERT OR REPLACE INTO queues (id, name, routing) VALUES (@id, @name, @routing)'),
      pin: db.prepare<[string, number]>('INSERT OR REPLACE INTO pins (conversation_id, seq) VALUES (?, ?)'),
      unpin: db.prepare<[string]>('DELETE FROM pins WHERE conversation_id = ?'),
      clearPins: db.prepare('DELETE FROM pins'),
    };
  }

  upsertContact(contact: Contact): boolean {
    // Last-writer-wins (lww.ts) in the statement itself, as for conversations.
    if (this.s.upsertContact.run(contact).changes === 0) return false;
    this.profiles.setProfile(contact.id, contact.profile);
    return true;
  }

  upsertConversation(conversation: Conversation): boolean {
    return this.upsertConversationRow(conversationRow(conversation), conversation.linkedRecord ?? null);
  }

  private upsertConversationRow(row: ConversationRow, link: ConversationLink | null): boolean {
    // Last-writer-wins (lww.ts) in the statement itself: the hottest write of a catch-up
    // needs no separate read of the stored seq.
    if (this.s.upsertConversation.run(...row).changes === 0) return false;
    this.profiles.setLink(row[0], link);
    return true;
  }

  upsertAgent(agent: AgentProfile): boolean {
    const current = this.s.agentSeq.get(agent.id)?.seq;
    // Snapshot pages repeat the same profile on every page: equal seqs rewrite harmlessly.
    if (current !== undefined && agent.seq < current) return false;
    this.s.putAgent.run({ ...agent, queueIds: JSON.stringify(agent.queueIds) });
    return true;
  }

  setPinned(conversationId: string, pinned: boolean, seq: number): void {
    if (pinned) this.s.pin.run(conversationId, seq);
    else this.s.unpin.run(conversationId);
  }

  /** Inserts a server message if absent (replacing its optimistic row); returns true if new. */
  insertMessage(message: Message): boolean {
    return this.insertMessageRow(messageRow(message));
  }

  /** Positional parameters: this is the hottest statement of a bootstrap. */
  private insertMessageRow(row: MessageRow): boolean {
    const clientId = row[1];
    if (clientId !== null) this.s.dropOptimistic.run(clientId);
    const inserted = this.s.insertMessage.run(...row).changes > 0;
    if (!inserted) this.alreadyCached(row);
    return inserted;
  }

  /** A message that was cached already: its status and content move forward only. */
  private alreadyCached(row: MessageRow): void {
    const [id, , , , , , , , body, , status, statusSeq, , extra, revSeq] = row;
    if (status !== null) this.moveStatus(id, status, statusSeq);
    // A snapshot or history page may carry a newer revision (edited, deleted, reacted to).
    if (revSeq > 0) this.updateContent(id, body, extra, revSeq, status, statusSeq);
  }

  /** Applies an edit, deletion or reaction if newer than the cached revision; true if it was. */
  updateMessage(m: Message): boolean {
    return this.updateContent(m.id, m.body, serializeMessageExtras(m), m.revSeq, m.status, m.statusSeq);
  }

  private updateContent(
    id: string,
    body: string,
    extra: string | null,
    revSeq: number,
    status: Message['status'],
    statusSeq: number,
  ): boolean {
    const changed = this.s.updateContent.run(body, extra, revSeq, id, revSeq).changes > 0;
    if (status !== null) this.moveStatus(id, status, statusSeq);
    return changed;
  }

  /** Returns the conversation id when the status moved, null when it was older or unknown. */
  moveStatus(messageId: string, status: string, statusSeq: number): string | null {
    // Only forward (lww.ts), checked in the statement: a receipt needs no separate read.
    return this.s.moveStatus.get(status, statusSeq, messageId, statusSeq)?.conversation_id ?? null;
  }

  /** Sets the agent's read marker (never backwards) and recounts unread from the cache. */
  markRead(conversationId: string, readSeq: number): void {
    this.setReadMarker(conversationId, readSeq);
  }

  /** markRead, given the stored marker when the caller knows it; returns the marker set. */
  private setReadMarker(conversationId: string, readSeq: number, stored?: number): number {
    const current = stored ?? this.s.readSeq.get(conversationId)?.read_seq ?? 0;
    const seq = Math.max(current, readSeq);
    this.s.setRead.run({ id: conversationId, seq });
    return seq;
  }

  /** Records a contiguous range of cached history, merged with the ones already known. */
  addRange(conversationId: string, range: SeqRange): void {
    const existing = this.s.ranges.all(conversationId).map((r) => ({ from: r.from_seq, to: r.to_seq }));
    const merged = mergeRanges(existing, range);
    this.s.deleteRanges.run(conversationId);
    for (const r of merged) this.s.insertRange.run(conversationId, r.from, r.to);
  }

  /**
   * Applies a batch of change events (seq order, contiguous; see eventBatch.ts) for agent `selfId`;
   * the caller owns the transaction. Each conversation's row is written once per batch, with its
   * newest version: every message is followed by the conversation's new preview, and rewriting the
   * row moves it in every inbox index. Nothing in a batch reads the row, so the result (rows and
   * summary) is the same as writing each version in turn, and the rows are written after the
   * batch's other events. The same holds for what the batch needs per conversation rather than per
   * event: its read marker and open history range are read in one statement for all of them,
   * unread counts move once per conversation, optimistic rows and stale links are dropped in one
   * statement each.
   */
  applyBatch(batch: EventBatch, selfId: string, summary: ChangeSummary): void {
    const { newest, touched, clientIds } = scanBatch(batch);
    // The agent's read marker per conversation (it moves only with a read event) and the
    // conversations whose history range is open, as they stand before the batch. Asked in id order,
    // as the rewrites and unread counts below are written: each statement then walks its indexes
    // in order (this one −30 % at design scale).
    const readSeqs = new Map<string, number>();
    const open = new Set<string>();
    if (touched.size > 0) {
      for (const r of this.s.batchFacts.all(JSON.stringify([...touched].sort(byId)))) {
        readSeqs.set(r.id, r.read_seq ?? 0);
        if (r.open) open.add(r.id);
      }
    }
    // The server's echo of an agent's message replaces its optimistic row (same client id).
    if (clientIds.length > 0) this.s.dropOptimisticOf.run(JSON.stringify(clientIds));
    // From the first change seen for a conversation on, the change log delivers all of its
    // messages: open a range there unless one is open already.
    const ensureOpenRange = (conversationId: string, fromSeq: number) => {
      if (open.has(conversationId)) return;
      open.add(conversationId);
      this.addRange(conversationId, { from: fromSeq, to: null });
    };
    // New unread messages per conversation since its last read event in the batch, added at the end.
    const unread = new Map<string, number>();
    const unlinked: string[] = [];
    for (const item of batch.items) {
      switch (item[0]) {
        case 'm': {
          const row = item[1];
          const [, , conversationId, seq, direction] = row;
          ensureOpenRange(conversationId, seq);
          if (this.s.insertMessage.run(...row).changes > 0) {
            if (countsAsUnread(direction, seq, readSeqs.get(conversationId) ?? 0)) {
              unread.set(conversationId, (unread.get(conversationId) ?? 0) + 1);
              summary.inbox = true;
            }
          } else {
            this.alreadyCached(row);
          }
          summary.conversationIds.add(conversationId);
          break;
        }
        case 'c':
          ensureOpenRange(item[2][0], item[1]);
          break;
        case 'v':
          ensureOpenRange(item[1], item[2]);
          break;
        case 'e': {
          const e = item[1];
          if (e.type === 'conversation.read' && e.agentId === selfId) {
            // The recount sees every message written so far, those counted above included.
            unread.delete(e.conversationId);
            readSeqs.set(e.conversationId, this.setReadMarker(e.conversationId, e.readSeq, readSeqs.get(e.conversationId)));
            summary.inbox = true;
            summary.conversationIds.add(e.conversationId);
          } else {
            this.applyOther(e, selfId, summary);
          }
          break;
        }
      }
    }
    // The rewrites together and in id order rather than each where its event came: the id index
    // and the table are then walked in order, neighbouring rows one after the other, instead of
    // between message inserts all over them (the rewrites' CPU time −20 to −28 % at design scale).
    for (const [, , row, link] of [...newest.values()].sort(byConversationId)) {
      if (this.s.upsertConversation.run(...row).changes === 0) continue;
      if (link) this.profiles.setLink(row[0], link);
      else unlinked.push(row[0]);
      summary.inbox = true;
      summary.conversationIds.add(row[0]);
    }
    for (const [conversationId, n] of [...unread].sort(byKey)) this.s.bumpUnread.run(conversationId, n);
    this.profiles.dropLinks(unlinked);
  }

  /** An event of the other kinds (the agent's own read markers are applied by applyBatch). */
  private applyOther(e: OtherEvent, selfId: string, summary: ChangeSummary): void {
    switch (e.type) {
      case 'contact.upserted':
        // Contact names show in inbox rows.
        if (this.upsertContact(e.contact)) summary.inbox = true;
        return;
      case 'message.updated':
        // Unknown messages are ignored: their created event (or a history page) carries the
        // latest revision when they arrive.
        if (this.updateMessage(e.message)) summary.conversationIds.add(e.message.conversationId);
        return;
      case 'message.status':
        if (this.moveStatus(e.messageId, e.status, e.seq) !== null) summary.conversationIds.add(e.conversationId);
        return;
      case 'conversation.read':
        // Another agent's marker: not ours to show.
        return;
      case 'canned.upserted':
        if (this.canned.upsert(e.canned)) summary.canned = true;
        return;
      case 'canned.deleted':
        this.canned.remove(e.id);
        summary.canned = true;
        return;
      case 'agent.upserted':
        // Agent names, statuses and loads show in the inbox and in the transfer list.
        if (this.upsertAgent(e.agent)) {
          summary.inbox = true;
          summary.team = true;
        }
        return;
      case 'conversation.pinned':
        if (e.agentId === selfId) {
          this.setPinned(e.conversationId, e.pinned, e.seq);
          summary.inbox = true;
          summary.conversationIds.add(e.conversationId);
        }
        return;
      case 'hidden':
        return;
    }
  }

  /** Writes one snapshot page; the caller owns the transaction. */
  applySnapshotPage(page: SnapshotPage, messagesPerConversation: number, summary: ChangeSummary): void {
    for (const a of page.agents) this.upsertAgent(a);
    for (const q of page.queues) this.s.putQueue.run(q);
    this.s.clearPins.run();
    for (const id of page.pins) this.s.pin.run(id, page.atSeq);
    for (const c of page.contacts) this.upsertContact(c);
    const perConversation = new Map<string, { count: number; minSeq: number }>();
    for (const c of page.conversations) {
      this.upsertConversation(c);
      perConversation.set(c.id, { count: 0, minSeq: Number.POSITIVE_INFINITY });
      summary.conversationIds.add(c.id);
    }
    for (const m of page.messages) {
      this.insertMessage(m);
      const stat = perConversation.get(m.conversationId);
      if (stat) {
        stat.count++;
        stat.minSeq = Math.min(stat.minSeq, m.seq);
      }
    }
    for (const r of page.reads) this.s.putRead.run(r.conversationId, r.readSeq, r.unreadCount);
    if (page.canned) {
      this.canned.replaceAll(page.canned);
      summary.canned = true;
    }
    // A conversation with fewer messages than requested came complete: its history starts at 0.
    for (const [id, stat] of perConversation) {
      const from = stat.count < messagesPerConversation ? 0 : stat.minSeq;
      this.addRange(id, { from, to: null });
    }
    summary.inbox = true;
    if (page.agents.length > 0) summary.team = true;
  }

  /** Drops all server data (not the outbox, not the meta rows). */
  wipe(): void {
    this.db.exec(
      'DELETE FROM agents; DELETE FROM queues; DELETE FROM contacts; DELETE FROM conversations; DELETE FROM reads; DELETE FROM messages WHERE local = 0; DELETE FROM ranges; DELETE FROM pins;' + WIPE_PROFILES_SQL,
    );
  }
}
