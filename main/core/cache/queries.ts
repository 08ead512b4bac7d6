// Read queries behind the inbox, the thread and the detail panel. Prepared once per connection;
// each is an index range scan sized for tens of thousands of conversations.
import type Database from 'better-sqlite3';
import type { Agent, AgentStatus, Contact, ConversationStatus, Queue, ReplyTo, RoutingMode } from '../../../shared/domain';
import { parseMessageExtras } from '../../../shared/messageExtras';
import { previewOf } from '../../../shared/text/badge';
import {
  INBOX_VIEWS,
  type AgentView,
  type ConversationDetail,
  type InboxCounts,
  type InboxFilter,
  type InboxRow,
  type InboxSort,
  type InboxView,
  type ThreadMessage,
  type ThreadPage,
} from '../../../shared/ipc/contract';
import { encodeInboxCursor, type InboxCursor } from '../../../shared/ipc/inboxCursor';
import { DeskError } from '../../../shared/ipc/result';
import { filterConditions, inboxSql, stretchPage, viewTotals, type SqlParams, type TallyRow } from './inboxQuery';
import { newestRun, type SeqRange } from './ranges';
import {
  toContact,
  toConversation,
  toInboxRow,
  toThreadMessage,
  type ContactSqlRow,
  type ConversationSqlRow,
  type InboxSqlRow,
  type MessageSqlRow,
} from './views';

const MESSAGE_COLUMNS = `m.*, a.name AS author_name, e.state AS outbox_state, e.error AS outbox_error, e.error_reason AS outbox_error_reason`;
const MESSAGE_JOINS = `LEFT JOIN agents a ON a.id = m.author_agent_id
  LEFT JOIN outbox.entries e ON e.id = m.id AND m.local = 1`;

/** The sort key columns a stretch's page selects beside the row (k1 only where the key has two parts). */
interface KeyColumns {
  k0: number;
  k1?: number;
}

const keyOf = (row: KeyColumns): number[] => (row.k1 === undefined ? [row.k0] : [row.k0, row.k1]);

/** A cursor's values as the parameters stretchPage binds: @after0, @after1, …, @afterId. */
function bound(name: string, cursor: InboxCursor | undefined): SqlParams {
  if (!cursor) return {};
  const params: SqlParams = { [`${name}Id`]: cursor.id };
  cursor.key.forEach((value, i) => (params[`${name}${i}`] = value));
  return params;
}

/** Distinct inbox statements are few (views × sorts × filter shapes): prepare each once. */
const STATEMENT_CACHE_SIZE = 200;

export class Queries {
  private readonly s;
  private readonly statements = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {
    this.s = {
      conversation: db.prepare<[string], ConversationSqlRow>('SELECT * FROM conversations WHERE id = ?'),
      contact: db.prepare<[string], ContactSqlRow>('SELECT * FROM contacts WHERE id = ?'),
      quoted: db.prepare<[string], { conversation_id: string; direction: string; author_agent_id: string | null; body: string; extra: string | null }>(
        'SELECT conversation_id, direction, author_agent_id, body, extra FROM messages WHERE id = ? AND local = 0',
      ),
      agent: db.prepare<[string], Agent>('SELECT id, name, email FROM agents WHERE id = ?'),
      queue: db.prepare<[string], Queue>('SELECT id, name, routing FROM queues WHERE id = ?'),
      ranges: db.prepare<[string], { from_seq: number; to_seq: number | null }>(
        'SELECT from_seq, to_seq FROM ranges WHERE conversation_id = ?',
      ),
      // LIMIT +?, not LIMIT ?: SQLite plans with a bare LIMIT parameter's bound value, so every
      // call with it bound again prepared the statement anew (as stretchPage says).
      newest: db.prepare<[string, number, number, number], MessageSqlRow>(
        `SELECT ${MESSAGE_COLUMNS} FROM messages m ${MESSAGE_JOINS}
         WHERE m.conversation_id = ? AND m.seq >= ? AND m.seq < ? ORDER BY m.seq DESC LIMIT +?`,
      ),
      message: db.prepare<[string], MessageSqlRow>(
        `SELECT ${MESSAGE_COLUMNS} FROM messages m ${MESSAGE_JOINS} WHERE m.id = ?`,
      ),
      local: db.prepare<[string], MessageSqlRow>(
        `SELECT ${MESSAGE_COLUMNS} FROM messages m ${MESSAGE_JOINS}
         WHERE m.conversation_id = ? AND m.seq IS NULL ORDER BY m.created_at, m.id`,
      ),
      maxSeq: db.prepare<[string], { seq: number | null }>(
        'SELECT max(seq) AS seq FROM messages WHERE conversation_id = ?',
      ),
      readState: db.prepare<[string], { read_seq: number; unread_count: number }>(
        'SELECT read_seq, unread_count FROM reads WHERE conversation_id = ?',
      ),
      channel: db.prepare<[string], { channel: string }>('SELECT channel FROM conversations WHERE id = ?'),
      counts: db.prepare<[], { conversations: number; messages: number }>(
        'SELECT (SELECT count(*) FROM conversations) AS conversations, (SELECT count(*) FROM messages WHERE local = 0) AS messages',
      ),
      tally: db.prepare<[], TallyRow>('SELECT status, waiting, n FROM view_tally'),
      pinned: db.prepare<[string], { one: number }>('SELECT 1 AS one FROM pins WHERE conversation_id = ?'),
      previous: db.prepare<[string], { id: string; status: string; last_message_at: number }>(
        'SELECT id, status, last_message_at FROM conversations WHERE id = ?',
      ),
      agents: db.prepare<[], { id: string; name: string; email: string; status: string; capacity: number; queue_ids: string; load: number }>(
        `SELECT a.id, a.name, a.email, a.status, a.capacity, a.queue_ids,
           (SELECT count(*) FROM conversations c WHERE c.assignee_id = a.id AND c.status IN ('active', 'pending')) AS load
         FROM agents a ORDER BY a.name`,
      ),
      queues: db.prepare<[], { id: string; name: string; routing: string }>('SELECT id, name, routing FROM queues ORDER BY rowid'),
      usedTags: db.prepare<[], { tag: string }>(
        `SELECT DISTINCT t.value AS tag FROM conversations c, json_each(c.tags) t WHERE c.tags <> '[]' ORDER BY t.value LIMIT 500`,
      ),
      searchContacts: db.prepare<[{ like: string; digits: string }], ContactSqlRow>(
        `SELECT * FROM contacts WHERE lower(name) LIKE @like OR lower(email) LIKE @like
           OR (length(@digits) >= 3 AND replace(replace(replace(replace(phone, ' ', ''), '-', ''), '(', ''), ')', '') LIKE '%' || @digits || '%')
         ORDER BY name LIMIT 20`,
      ),
    };
  }

  private statement(sql: string): Database.Statement {
    let stmt = this.statements.get(sql);
    if (!stmt) {
      if (this.statements.size >= STATEMENT_CACHE_SIZE) this.statements.clear();
      stmt = this.db.prepare(sql);
      this.statements.set(sql, stmt);
    }
    return stmt;
  }

  /**
   * One page of a view by key: the rows after `after` (from the start without it), not past
   * `until`, at most `limit`. Each stretch of the order is one index seek, so a page deep in the
   * view costs what the first one does.
   */
  inboxPage(
    view: InboxView,
    filter: InboxFilter,
    sort: InboxSort,
    selfId: string,
    page: { after?: InboxCursor; until?: InboxCursor; limit: number },
  ): { rows: InboxRow[]; total: number; needAttention: number; next: string | null } {
    const sql = inboxSql(view, filter, sort, selfId);
    const { stretches } = sql;
    for (const cursor of [page.after, page.until]) {
      if (cursor && stretches[cursor.stretch]?.keys.length !== cursor.key.length) {
        throw new DeskError('invalid', `The inbox cursor does not belong to the ${sort} order of this view.`);
      }
    }
    const first = page.after?.stretch ?? 0;
    const last = page.until?.stretch ?? stretches.length - 1;
    // One row beyond the page tells whether more follow.
    const found: Array<{ row: InboxSqlRow & KeyColumns; stretch: number }> = [];
    for (let i = first; i <= last && found.length <= page.limit; i++) {
      const after = i === first ? page.after : undefined;
      const until = i === last ? page.until : undefined;
      const params: SqlParams = { ...sql.params, ...bound('after', after), ...bound('until', until), limit: page.limit + 1 - found.length };
      const rows = this.statement(stretchPage(stretches[i]!, { after: after !== undefined, until: until !== undefined })).all(params);
      for (const row of rows as Array<InboxSqlRow & KeyColumns>) found.push({ row, stretch: i });
    }
    const kept = found.slice(0, page.limit);
    const end = kept.at(-1);
    const next = found.length > page.limit && end ? encodeInboxCursor({ stretch: end.stretch, key: keyOf(end.row), id: end.row.id }) : null;
    const totals = filterConditions(filter).where.length === 0 ? viewTotals(view, this.s.tally.all()) : null;
    const total = totals?.total ?? (this.statement(sql.count).get(sql.params) as { n: number }).n;
    const needAttention = totals?.needAttention ?? (this.statement(sql.attention).get(sql.params) as { n: number }).n;
    return { rows: kept.map(({ row }) => toInboxRow(row)), total, needAttention, next };
  }

  inboxCounts(selfId: string): InboxCounts {
    const tally = this.s.tally.all();
    const counts = {} as InboxCounts;
    for (const view of INBOX_VIEWS) {
      const sql = inboxSql(view, {}, 'latest', selfId);
      counts[view] = viewTotals(view, tally)?.total ?? (this.statement(sql.count).get(sql.params) as { n: number }).n;
    }
    return counts;
  }

  agents(): AgentView[] {
    return this.s.agents.all().map((a) => ({
      id: a.id,
      name: a.name,
      email: a.email,
      status: a.status as AgentStatus,
      capacity: a.capacity,
      queueIds: JSON.parse(a.queue_ids) as string[],
      load: a.load,
    }));
  }

  queues(): Queue[] {
    return this.s.queues.all().map((q) => ({ id: q.id, name: q.name, routing: q.routing as RoutingMode }));
  }

  usedTags(): string[] {
    return this.s.usedTags.all().map((r) => r.tag);
  }

  searchContacts(query: string): Contact[] {
    const like = `%${query.toLowerCase().replace(/[%_]/g, '')}%`;
    return this.s.searchContacts.all({ like, digits: query.replace(/[^0-9]/g, '') }).map(toContact);
  }

  contact(contactId: string): Contact | null {
    const row = this.s.contact.get(contactId);
    return row ? toContact(row) : null;
  }

  exists(conversationId: string): boolean {
    return this.s.channel.get(conversationId) !== undefined;
  }

  contactExists(contactId: string): boolean {
    return this.s.contact.get(contactId) !== undefined;
  }

  channelOf(conversationId: string): string | null {
    return this.s.channel.get(conversationId)?.channel ?? null;
  }

  /** The cached rows of a conversation's details; the outbox's part is added by conversationDetail.ts. */
  detail(conversationId: string): Omit<ConversationDetail, 'acceptWaiting'> | null {
    const row = this.s.conversation.get(conversationId);
    if (!row) return null;
    const conversation = toConversation(row);
    const contactRow = this.s.contact.get(row.contact_id);
    // Events may name a contact the cache has not received yet; show the conversation anyway.
    const contact = contactRow
      ? toContact(contactRow)
      : { id: row.contact_id, name: '', phone: null, email: null, createdAt: row.created_at, seq: 0 };
    const previous = row.previous_id ? this.s.previous.get(row.previous_id) : undefined;
    return {
      conversation,
      contact,
      assignee: row.assignee_id ? (this.s.agent.get(row.assignee_id) ?? null) : null,
      queue: this.s.queue.get(row.queue_id) ?? null,
      pinned: this.s.pinned.get(conversationId) !== undefined,
      previous: previous ? { id: previous.id, status: previous.status as ConversationStatus, lastMessageAt: previous.last_message_at } : null,
    };
  }

  ranges(conversationId: string): SeqRange[] {
    return this.s.ranges.all(conversationId).map((r) => ({ from: r.from_seq, to: r.to_seq }));
  }

  /**
   * The newest `limit` messages of the contiguous run that reaches the newest message (or those
   * before `beforeSeq`), oldest first; unsent optimistic rows follow the newest page.
   */
  thread(conversationId: string, limit: number, beforeSeq: number | undefined, inFlight: string | null): ThreadPage {
    const run = newestRun(this.ranges(conversationId));
    const from = run ? run.from : Number.POSITIVE_INFINITY;
    const rows = run
      ? this.s.newest.all(conversationId, from, beforeSeq ?? Number.MAX_SAFE_INTEGER, limit + 1)
      : [];
    const more = rows.length > limit;
    const page = rows.slice(0, limit).reverse();
    if (beforeSeq === undefined) page.push(...this.s.local.all(conversationId));
    // Older history exists if the run continues beyond this page, if the run does not reach the
    // start of the conversation (the server has more), or if nothing is cached as a run yet (a
    // conversation found by the server's search: its history is all on the server).
    const hasOlder = more || run === null || run.from > 0;
    return { messages: page.map((r) => toThreadMessage(r, inFlight)), hasOlder };
  }

  message(id: string, inFlight: string | null): ThreadMessage | null {
    const row = this.s.message.get(id);
    return row ? toThreadMessage(row, inFlight) : null;
  }

  maxMessageSeq(conversationId: string): number | null {
    return this.s.maxSeq.get(conversationId)?.seq ?? null;
  }

  readState(conversationId: string): { readSeq: number; unread: number } {
    const r = this.s.readState.get(conversationId);
    return { readSeq: r?.read_seq ?? 0, unread: r?.unread_count ?? 0 };
  }

  cachedCounts(): { conversations: number; messages: number } {
    return this.s.counts.get() as { conversations: number; messages: number };
  }

  /** The quote a reply to `messageId` shows while pending; null if the message is not here. */
  replyExcerpt(messageId: string, conversationId: string): ReplyTo | null {
    const row = this.s.quoted.get(messageId);
    if (!row || row.conversation_id !== conversationId) return null;
    const deleted = parseMessageExtras(row.extra).deletedAt !== null;
    return {
      messageId,
      direction: row.direction as ReplyTo['direction'],
      authorAgentId: row.author_agent_id,
      excerpt: deleted ? '' : previewOf(row.body, 140),
    };
  }

  agentName(agentId: string): string | null {
    return this.s.agent.get(agentId)?.name ?? null;
  }
}
