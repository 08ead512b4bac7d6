// Read queries behind the inbox, the thread and the detail panel. Prepared once per connection;
// each is an index range scan sized for tens of thousands of conversations.
import type Database from 'better-sqlite3';
import type { Agent, Queue, ReplyTo } from '../../../shared/domain';
import { parseMessageExtras } from '../../../shared/messageExtras';
import { previewOf } from '../../../shared/text/badge';
import {
  INBOX_VIEWS,
  type ConversationDetail,
  type InboxCounts,
  type InboxRow,
  type InboxView,
  type ThreadMessage,
  type ThreadPage,
} from '../../../shared/ipc/contract';
import { newestRun, type SeqRange } from './ranges';
import {
  toContact,
  toConversation,
  toInboxRow,
  toThreadMessage,
  viewFilter,
  type ContactSqlRow,
  type ConversationSqlRow,
  type InboxSqlRow,
  type MessageSqlRow,
} from './views';

const MESSAGE_COLUMNS = `m.*, a.name AS author_name, e.state AS outbox_state, e.error AS outbox_error`;
const MESSAGE_JOINS = `LEFT JOIN agents a ON a.id = m.author_agent_id
  LEFT JOIN outbox.entries e ON e.id = m.id AND m.local = 1`;

export class Queries {
  private readonly s;
  private readonly inbox: Record<InboxView, { page: Database.Statement; count: Database.Statement }>;

  constructor(db: Database.Database) {
    const inbox = {} as Record<InboxView, { page: Database.Statement; count: Database.Statement }>;
    for (const view of INBOX_VIEWS) {
      const { where, index } = viewFilter(view);
      inbox[view] = {
        page: db.prepare(
          `SELECT c.id, c.subject, c.channel, c.status, c.last_message_at, c.preview, c.last_direction,
             ct.name AS contact_name, ag.name AS assignee_name, coalesce(r.unread_count, 0) AS unread,
             d.body AS draft
           FROM conversations c INDEXED BY ${index}
           LEFT JOIN contacts ct ON ct.id = c.contact_id
           LEFT JOIN agents ag ON ag.id = c.assignee_id
           LEFT JOIN reads r ON r.conversation_id = c.id
           LEFT JOIN drafts d ON d.conversation_id = c.id
           WHERE ${where} ORDER BY c.last_message_at DESC, c.id DESC LIMIT @limit OFFSET @offset`,
        ),
        count: db.prepare(`SELECT count(*) AS n FROM conversations c INDEXED BY ${index} WHERE ${where}`),
      };
    }
    this.inbox = inbox;
    this.s = {
      conversation: db.prepare<[string], ConversationSqlRow>('SELECT * FROM conversations WHERE id = ?'),
      contact: db.prepare<[string], ContactSqlRow>('SELECT * FROM contacts WHERE id = ?'),
      ofContact: db.prepare<[string], { id: string }>('SELECT id FROM conversations WHERE contact_id = ?'),
      quoted: db.prepare<[string], { conversation_id: string; direction: string; author_agent_id: string | null; body: string; extra: string | null }>(
        'SELECT conversation_id, direction, author_agent_id, body, extra FROM messages WHERE id = ? AND local = 0',
      ),
      agent: db.prepare<[string], Agent>('SELECT id, name, email FROM agents WHERE id = ?'),
      queue: db.prepare<[string], Queue>('SELECT id, name FROM queues WHERE id = ?'),
      ranges: db.prepare<[string], { from_seq: number; to_seq: number | null }>(
        'SELECT from_seq, to_seq FROM ranges WHERE conversation_id = ?',
      ),
      newest: db.prepare<[string, number, number, number], MessageSqlRow>(
        `SELECT ${MESSAGE_COLUMNS} FROM messages m ${MESSAGE_JOINS}
         WHERE m.conversation_id = ? AND m.seq >= ? AND m.seq < ? ORDER BY m.seq DESC LIMIT ?`,
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
    };
  }

  inboxPage(view: InboxView, selfId: string, offset: number, limit: number): { rows: InboxRow[]; total: number } {
    const params = viewFilter(view).needsSelf ? { self: selfId } : {};
    const stmts = this.inbox[view];
    const rows = (stmts.page.all({ ...params, limit, offset }) as InboxSqlRow[]).map(toInboxRow);
    const total = (stmts.count.get(params) as { n: number }).n;
    return { rows, total };
  }

  inboxCounts(selfId: string): InboxCounts {
    return {
      mine: this.inboxPage('mine', selfId, 0, 1).total,
      queued: (this.inbox.queued.count.get({}) as { n: number }).n,
      all: (this.inbox.all.count.get({}) as { n: number }).n,
    };
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

  detail(conversationId: string): ConversationDetail | null {
    const row = this.s.conversation.get(conversationId);
    if (!row) return null;
    const conversation = toConversation(row);
    const contactRow = this.s.contact.get(row.contact_id);
    // Events may name a contact the cache has not received yet; show the conversation anyway.
    const contact = contactRow
      ? toContact(contactRow)
      : { id: row.contact_id, name: '', phone: null, email: null, createdAt: row.created_at, seq: 0 };
    return {
      conversation,
      contact,
      assignee: row.assignee_id ? (this.s.agent.get(row.assignee_id) ?? null) : null,
      queue: this.s.queue.get(row.queue_id) ?? null,
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

  conversationsOfContact(contactId: string): string[] {
    return this.s.ofContact.all(contactId).map((r) => r.id);
  }

  agentName(agentId: string): string | null {
    return this.s.agent.get(agentId)?.name ?? null;
  }
}
