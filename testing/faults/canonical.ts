// Canonical dumps of "what the agent's cache holds" and "what the server holds within that
// cache's window", in one shape, so that convergence is one deep comparison with a readable diff.
//
// The window, per conversation: the client's newest contiguous run of history (its open range) and
// never less than the newest `messagesPerConversation` server messages (what a bootstrap brings).
// Client-only columns (local flag, range bookkeeping) are normalised away; optimistic rows still
// in the cache stay in the dump, so a lingering "pending" copy shows up as a difference.
import Database from 'better-sqlite3';
import path from 'node:path';
import type { Contact, Conversation, Message } from '../../shared/domain';
import type { SnapshotPage } from '../../shared/protocol';
import { connectAgent } from '../backend';
import type { ConversationSqlRow, MessageSqlRow } from '../../main/core/cache/views';

export interface CanonicalConversation {
  contactId: string;
  channel: string;
  status: string;
  queueId: string;
  assigneeId: string | null;
  subject: string | null;
  createdAt: number;
  lastMessageAt: number;
  preview: string;
  lastDirection: string | null;
  seq: number;
  /** The dumping agent's read marker and unread count. */
  readSeq: number;
  unreadCount: number;
}

export interface CanonicalMessage {
  conversationId: string;
  clientId: string | null;
  /** Null only for an optimistic row the server never replaced. */
  seq: number | null;
  direction: string;
  kind: string;
  channel: string;
  authorAgentId: string | null;
  body: string;
  createdAt: number;
  status: string | null;
  statusSeq: number;
  call: string | null;
}

export type CanonicalContact = Omit<Contact, 'id'>;

export interface CanonicalState {
  conversations: Record<string, CanonicalConversation>;
  contacts: Record<string, CanonicalContact>;
  messages: Record<string, CanonicalMessage>;
}

export interface ClientDump {
  state: CanonicalState;
  /** Per cached conversation: the first seq of its newest contiguous run (null: no open run). */
  windowFrom: Record<string, number | null>;
  localSeq: number | null;
  outbox: Array<{ id: string; kind: string; state: string }>;
}

/** Key order fixed, so equal records compare and print equal. */
const sortedRecord = <T>(entries: Iterable<[string, T]>): Record<string, T> =>
  Object.fromEntries([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/** JSON with sorted keys: the cache stores call records as JSON text, the server as objects. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? sortedRecord(Object.entries(v as Record<string, unknown>)) : v,
  );
}

// The cache's own row shapes: a dump reads the file with plain SQL, as the core writes it.
interface ConversationRow extends ConversationSqlRow {
  read_seq: number | null;
  unread_count: number | null;
}

type MessageRow = Omit<MessageSqlRow, 'local' | 'author_name'>;

/**
 * Reads a core's cache and outbox files read-only (safe while the core runs: both are WAL files).
 */
export function dumpClientCache(dataDir: string): ClientDump {
  const db = new Database(path.join(dataDir, 'cache.sqlite'), { readonly: true, fileMustExist: true });
  try {
    // Attached databases inherit the connection's read-only flag.
    db.prepare('ATTACH DATABASE ? AS outbox').run(path.join(dataDir, 'outbox.sqlite'));
    return db.transaction(() => {
      const conversations = db
        .prepare<[], ConversationRow>(
          `SELECT c.*, r.read_seq, r.unread_count FROM conversations c LEFT JOIN reads r ON r.conversation_id = c.id`,
        )
        .all();
      const windowFrom: Record<string, number | null> = {};
      for (const c of conversations) windowFrom[c.id] = null;
      for (const r of db.prepare<[], { conversation_id: string; from_seq: number }>('SELECT conversation_id, from_seq FROM ranges WHERE to_seq IS NULL').all()) {
        windowFrom[r.conversation_id] = r.from_seq;
      }
      const messages = db.prepare<[], MessageRow>('SELECT * FROM messages').all();
      const contactIds = new Set(conversations.map((c) => c.contact_id));
      const contacts = db
        .prepare<[], Contact & { created_at: number }>('SELECT id, name, phone, email, created_at, seq FROM contacts')
        .all()
        .filter((c) => contactIds.has(c.id));
      const lastSeq = db.prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'last_seq'").get();
      const outbox = db.prepare<[], { id: string; kind: string; state: string }>('SELECT id, kind, state FROM outbox.entries ORDER BY position').all();
      return {
        state: {
          conversations: sortedRecord(
            conversations.map((c) => [
              c.id,
              {
                contactId: c.contact_id,
                channel: c.channel,
                status: c.status,
                queueId: c.queue_id,
                assigneeId: c.assignee_id,
                subject: c.subject,
                createdAt: c.created_at,
                lastMessageAt: c.last_message_at,
                preview: c.preview,
                lastDirection: c.last_direction,
                seq: c.seq,
                readSeq: c.read_seq ?? 0,
                unreadCount: c.unread_count ?? 0,
              },
            ]),
          ),
          contacts: sortedRecord(
            contacts.map((c) => [c.id, { name: c.name, phone: c.phone, email: c.email, createdAt: c.created_at, seq: c.seq }]),
          ),
          // Messages outside the window (older history loaded on scroll) are not compared.
          messages: sortedRecord(
            messages
              .filter((m) => {
                if (m.seq === null) return true;
                const from = windowFrom[m.conversation_id];
                return from !== undefined && from !== null && m.seq >= from;
              })
              .map((m) => [
                m.id,
                {
                  conversationId: m.conversation_id,
                  clientId: m.client_id,
                  seq: m.seq,
                  direction: m.direction,
                  kind: m.kind,
                  channel: m.channel,
                  authorAgentId: m.author_agent_id,
                  body: m.body,
                  createdAt: m.created_at,
                  status: m.status,
                  statusSeq: m.status_seq,
                  call: m.call === null ? null : canonicalJson(JSON.parse(m.call)),
                },
              ]),
          ),
        },
        windowFrom,
        localSeq: lastSeq ? Number(lastSeq.value) : null,
        outbox,
      };
    })();
  } finally {
    db.close();
  }
}

const conversationRecord = (c: Conversation, read: { readSeq: number; unreadCount: number } | undefined): CanonicalConversation => ({
  contactId: c.contactId,
  channel: c.channel,
  status: c.status,
  queueId: c.queueId,
  assigneeId: c.assigneeId,
  subject: c.subject,
  createdAt: c.createdAt,
  lastMessageAt: c.lastMessageAt,
  preview: c.lastMessagePreview,
  lastDirection: c.lastMessageDirection,
  seq: c.seq,
  readSeq: read?.readSeq ?? 0,
  unreadCount: read?.unreadCount ?? 0,
});

const messageRecord = (m: Message): CanonicalMessage => ({
  conversationId: m.conversationId,
  clientId: m.clientId,
  seq: m.seq,
  direction: m.direction,
  kind: m.kind,
  channel: m.channel,
  authorAgentId: m.authorAgentId,
  body: m.body,
  createdAt: m.createdAt,
  status: m.status,
  statusSeq: m.statusSeq,
  call: m.call === null ? null : canonicalJson(m.call),
});

const HISTORY_PAGE = 200;

/**
 * The server's state as the agent with `token` sees it through the protocol: the snapshot window
 * (conversations, contacts, the agent's read state) and, per conversation, every message from
 * the client's window start, and at least the newest `messagesPerConversation`.
 */
export async function dumpServerState(
  url: string,
  token: string,
  windowFrom: Record<string, number | null>,
  messagesPerConversation: number,
): Promise<CanonicalState> {
  const agent = await connectAgent(url, token);
  try {
    const pages: SnapshotPage[] = [];
    let cursor: string | null = null;
    do {
      const page: SnapshotPage = await agent.request('sync.snapshot', { cursor, limit: 2_000, messagesPerConversation: 0 });
      pages.push(page);
      cursor = page.nextCursor;
    } while (cursor !== null);
    const reads = new Map(pages.flatMap((p) => p.reads).map((r) => [r.conversationId, r]));
    const conversations = pages.flatMap((p) => p.conversations);
    const contactIds = new Set(conversations.map((c) => c.contactId));
    const contacts = pages.flatMap((p) => p.contacts).filter((c) => contactIds.has(c.id));

    const messages: Message[] = [];
    const ids = new Set([...conversations.map((c) => c.id), ...Object.keys(windowFrom)]);
    for (const conversationId of ids) {
      const clientFrom = windowFrom[conversationId] ?? Number.POSITIVE_INFINITY;
      const newestFirst: Message[] = [];
      let beforeSeq = Number.MAX_SAFE_INTEGER;
      for (;;) {
        const page = await agent.request('history.page', { conversationId, beforeSeq, limit: HISTORY_PAGE });
        newestFirst.push(...[...page.messages].reverse());
        const oldest = page.messages[0];
        if (!page.hasMore || !oldest) break;
        if (newestFirst.length >= messagesPerConversation && oldest.seq < clientFrom) break;
        beforeSeq = oldest.seq;
      }
      const nth = newestFirst[messagesPerConversation - 1]?.seq ?? 0;
      const from = Math.min(clientFrom, nth);
      messages.push(...newestFirst.filter((m) => m.seq >= from));
    }
    return {
      conversations: sortedRecord(conversations.map((c) => [c.id, conversationRecord(c, reads.get(c.id))])),
      contacts: sortedRecord(contacts.map((c) => [c.id, { name: c.name, phone: c.phone, email: c.email, createdAt: c.createdAt, seq: c.seq }])),
      messages: sortedRecord(messages.map((m) => [m.id, messageRecord(m)])),
    };
  } finally {
    agent.close();
  }
}

/** Differences between two states, one line each (at most `limit`), empty when equal. */
export function diffStates(server: CanonicalState, client: CanonicalState, limit = 25): string[] {
  const lines: string[] = [];
  for (const table of ['conversations', 'contacts', 'messages'] as const) {
    const expected: Record<string, unknown> = server[table];
    const actual: Record<string, unknown> = client[table];
    for (const id of new Set([...Object.keys(expected), ...Object.keys(actual)])) {
      const e = expected[id];
      const a = actual[id];
      if (e === undefined) lines.push(`${table}/${id}: only in the client: ${JSON.stringify(a)}`);
      else if (a === undefined) lines.push(`${table}/${id}: missing in the client: ${JSON.stringify(e)}`);
      else if (canonicalJson(e) !== canonicalJson(a)) {
        const fields = Object.keys(e as object).filter(
          (k) => canonicalJson((e as Record<string, unknown>)[k]) !== canonicalJson((a as Record<string, unknown>)[k]),
        );
        const show = (r: unknown) => JSON.stringify(Object.fromEntries(fields.map((k) => [k, (r as Record<string, unknown>)[k]])));
        lines.push(`${table}/${id}: server ${show(e)} client ${show(a)}`);
      }
    }
  }
  if (lines.length > limit) return [...lines.slice(0, limit), `... and ${lines.length - limit} more differences`];
  return lines;
}
