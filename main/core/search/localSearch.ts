// Search over the cache's FTS5 indexes (see schema.ts). Results come newest first by rowid, which
// keeps every query an index walk that stops at `limit` instead of ranking every match of a
// common word over a million messages.
import type Database from 'better-sqlite3';
import type { Agent, Channel, ConversationStatus, MessageDirection, MessageKind } from '../../../shared/domain';
import type {
  SearchContactHit,
  SearchConversationHit,
  SearchFilters,
  SearchMessageHit,
  SearchResults,
  ThreadSearchMatch,
  ThreadSystemLine,
} from '../../../shared/ipc/contract';
import { parseMessageExtras } from '../../../shared/messageExtras';
import { knownSystemEvent, type SystemEvent } from '../../../shared/systemEvents';
import { createMatcher, highlightDigits, snippet, type Highlighted, type Matcher } from '../../../shared/search/highlight';
import { normalizePhone, parseQuery, phoneDigits, type ParsedQuery } from '../../../shared/search/query';
import { CJK_FLOOR_SQL, matchTable, messageSourceFrom } from '../../../shared/search/messageIndex';
import { CJK_NAME_SQL } from './schema';
import { filterSql, hasFilters, planContacts, planMessages, referencePrefix, type ContactPlan, type MessagePlan } from '../../../shared/search/plan';

/** Candidates fetched per result when some terms are checked after the index lookup. */
const OVERFETCH = 5;
const CONVERSATION_LIMIT = 8;
const NARROW_BATCH = 100;
/** Candidates checked before a narrowed lookup gives way to the exact (slower) query. */
const NARROW_SCAN_LIMIT = 2_000;
const CONTACT_LIMIT = 8;

interface MessageRow {
  row_id: number;
  id: string;
  conversation_id: string;
  seq: number | null;
  direction: string;
  kind: string;
  body: string;
  created_at: number;
  channel: string | null;
  contact_name: string | null;
  extra: string | null;
}

interface ConversationRow {
  id: string;
  channel: string;
  status: string;
  subject: string | null;
  last_message_at: number;
  contact_name: string | null;
  assignee_name: string | null;
}

interface ContactRow {
  id: string;
  name: string;
  phone: string | null;
  email: string | null;
  conversation_id: string | null;
}

const MESSAGE_COLUMNS = `f.rowid AS row_id, m.id, m.conversation_id, m.seq, m.direction, m.kind, m.body, m.created_at, c.channel,
  ct.name AS contact_name, m.extra`;
const MESSAGE_JOINS = `JOIN messages m ON m.rowid = f.rowid
  LEFT JOIN conversations c ON c.id = m.conversation_id
  LEFT JOIN contacts ct ON ct.id = c.contact_id`;
const CONVERSATION_COLUMNS = `c.id, c.channel, c.status, c.subject, c.last_message_at, ct.name AS contact_name,
  ag.name AS assignee_name`;
const CONVERSATION_JOINS = `LEFT JOIN contacts ct ON ct.id = c.contact_id LEFT JOIN agents ag ON ag.id = c.assignee_id`;

export class LocalSearch {
  private readonly statements = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {}

  /** Statements differ by plan kind and filter combination; each is prepared once. */
  private statement(key: string, sql: () => string): Database.Statement {
    let s = this.statements.get(key);
    if (!s) {
      s = this.db.prepare(sql());
      this.statements.set(key, s);
    }
    return s;
  }

  search(input: string, filters: SearchFilters, limit: number): SearchResults {
    const query = parseQuery(input);
    if (query.terms.length === 0) return { conversations: [], messages: [], contacts: [] };
    const words = createMatcher(query);
    const contacts = this.contacts(query, filters);
    return {
      conversations: this.conversations(query, filters, contacts, words),
      messages: this.messages(query, filters, limit, words),
      contacts: contacts.slice(0, CONTACT_LIMIT),
    };
  }

  messages(query: ParsedQuery, filters: SearchFilters, limit: number, matcher = createMatcher(query)): SearchMessageHit[] {
    const plan = planMessages(query);
    if (plan === null) return [];
    // Trigram, LIKE and narrowed lookups find candidates; the matcher keeps the real matches.
    const checkedRows = (kind: Exclude<MessagePlan['kind'], 'words'>, params: Record<string, string>) =>
      this.messageRows(kind, params, filters, limit * OVERFETCH)
        .filter((r) => matcher.matchesAll(r.body))
        .slice(0, limit);
    let checked: MessageRow[];
    if (plan.kind === 'words') {
      const rows = plan.narrow !== null ? this.narrowedRows(plan.narrow, plan.match, filters, limit, matcher) : this.messageRows(plan.kind, { match: plan.match }, filters, limit);
      checked = plan.glued === null ? rows : newestFirst(rows, checkedRows('trigram', { match: plan.glued }), limit);
    } else {
      checked = checkedRows(plan.kind, candidateParams(plan));
    }
    return checked.map((r) => ({
      messageId: r.id,
      conversationId: r.conversation_id,
      seq: r.seq,
      contactName: r.contact_name ?? '',
      channel: (r.channel ?? 'portal') as Channel,
      direction: r.direction as MessageDirection,
      kind: r.kind as MessageKind,
      createdAt: r.created_at,
      snippet: snippet(r.body, matcher),
      source: 'local',
      event: r.direction === 'system' ? parseMessageExtras(r.extra).event : null,
    }));
  }

  /**
   * Candidates from the indexed prefixes, newest first, in batches, until `limit` real matches are
   * found; a short prefix shared by many words but few matches falls back to the exact query.
   */
  private narrowedRows(narrow: string, match: string, filters: SearchFilters, limit: number, matcher: Matcher): MessageRow[] {
    const found: MessageRow[] = [];
    let before = Number.MAX_SAFE_INTEGER;
    for (let scanned = 0; scanned < NARROW_SCAN_LIMIT; scanned += NARROW_BATCH) {
      const batch = this.messageRows('words', { match: narrow }, filters, NARROW_BATCH, before);
      for (const row of batch) if (matcher.matchesAll(row.body)) found.push(row);
      if (found.length >= limit) return found.slice(0, limit);
      if (batch.length < NARROW_BATCH) return found;
      before = batch[batch.length - 1]!.row_id;
    }
    return this.messageRows('words', { match }, filters, limit);
  }

  private messageRows(kind: MessagePlan['kind'], params: Record<string, string>, filters: SearchFilters, limit: number, before = Number.MAX_SAFE_INTEGER): MessageRow[] {
    const f = filterSql(filters, 'm.created_at');
    const likes = Object.keys(params).filter((k) => k.startsWith('like'));
    const where =
      kind === 'cjkScan'
        ? `f.rowid >= @floor AND ${likes.map((k) => `f.body LIKE @${k} ESCAPE '\\'`).join(' AND ')}`
        : `${matchTable(kind)} MATCH @match`;
    const floor = kind === 'cjkScan' ? { floor: (this.statement('cjkFloor', () => CJK_FLOOR_SQL).get() as { floor: number }).floor } : {};
    return this.statement(`m:${kind}:${likes.length}:${f.key}`, () =>
      `SELECT ${MESSAGE_COLUMNS} FROM ${messageSourceFrom(kind)} ${MESSAGE_JOINS}
       WHERE ${where} AND f.rowid < @before${f.sql} ORDER BY f.rowid DESC LIMIT @limit`,
    ).all({ ...f.params, ...params, ...floor, before, limit }) as MessageRow[];
  }

  contacts(query: ParsedQuery, filters: SearchFilters): SearchContactHit[] {
    const plan = planContacts(query);
    if (plan === null) return [];
    const matcher = createMatcher(query, { substring: true });
    const checks = termChecks(query);
    const rows = this.contactRows(plan, filters).filter((r) => contactMatches(r, checks));
    return rows.slice(0, CONTACT_LIMIT * 2).map((r) => ({
      contactId: r.id,
      name: { text: r.name, ranges: matcher.ranges(r.name) },
      phone: r.phone === null ? null : { text: r.phone, ranges: plan.digits.flatMap((d) => highlightDigits(r.phone ?? '', d)) },
      email: r.email === null ? null : { text: r.email, ranges: matcher.ranges(r.email) },
      conversationId: r.conversation_id,
    }));
  }

  private contactRows(plan: ContactPlan, filters: SearchFilters): ContactRow[] {
    // With filters, a contact counts only through a conversation that passes them.
    const f = filterSql(filters, 'c.last_message_at');
    const filtered = hasFilters(filters);
    const conversation = `(SELECT c.id FROM conversations c WHERE c.contact_id = ct.id${f.sql}
      ORDER BY c.last_message_at DESC LIMIT 1)`;
    const columns = `ct.id, ct.name, ct.phone, ct.email, ${conversation} AS conversation_id`;
    const where = filtered ? ' AND conversation_id IS NOT NULL' : '';
    const limit = CONTACT_LIMIT * OVERFETCH;
    if (plan.kind === 'trigram') {
      return this.statement(`ct:trigram:${f.key}`, () =>
        `SELECT ${columns} FROM contacts_fts f JOIN contacts ct ON ct.rowid = f.rowid
         WHERE contacts_fts MATCH @match${where} ORDER BY f.rowid DESC LIMIT @limit`,
      ).all({ ...f.params, match: plan.match, limit }) as ContactRow[];
    }
    const likes = plan.likes.map((_, i) => ` AND (ct.name LIKE @like${i} ESCAPE '\\' OR ct.email LIKE @like${i} ESCAPE '\\')`).join('');
    const params = Object.fromEntries(plan.likes.map((l, i) => [`like${i}`, l]));
    const names = plan.cjkNames ? `${CJK_NAME_SQL('ct.name')}` : '1';
    return this.statement(`ct:scan:${plan.likes.length}:${plan.cjkNames}:${f.key}`, () =>
      `SELECT ${columns} FROM contacts ct WHERE ${names}${likes}${where} ORDER BY ct.name LIMIT @limit`,
    ).all({ ...f.params, ...params, limit }) as ContactRow[];
  }

  conversations(query: ParsedQuery, filters: SearchFilters, contacts: SearchContactHit[], matcher: Matcher): SearchConversationHit[] {
    const f = filterSql(filters, 'c.last_message_at');
    const found = new Map<string, { row: ConversationRow; reason: SearchConversationHit['reason'] }>();
    const add = (rows: ConversationRow[], reason: SearchConversationHit['reason']) => {
      for (const row of rows) if (!found.has(row.id) && found.size < CONVERSATION_LIMIT) found.set(row.id, { row, reason });
    };
    const reference = referencePrefix(query);
    if (reference !== null) {
      add(
        this.statement(`c:ref:${f.key}`, () =>
          `SELECT ${CONVERSATION_COLUMNS} FROM conversations c ${CONVERSATION_JOINS}
           WHERE c.id >= @lo AND c.id < @hi${f.sql} ORDER BY c.id LIMIT ${CONVERSATION_LIMIT}`,
        ).all({ ...f.params, lo: reference, hi: `${reference}\uffff` }) as ConversationRow[],
        'reference',
      );
    }
    const plan = planMessages(query);
    if (plan?.kind === 'words') {
      add(
        this.statement(`c:subject:${f.key}`, () =>
          `SELECT ${CONVERSATION_COLUMNS} FROM conversations_fts f JOIN conversations c ON c.rowid = f.rowid
           ${CONVERSATION_JOINS} WHERE conversations_fts MATCH @match${f.sql}
           ORDER BY f.rowid DESC LIMIT ${CONVERSATION_LIMIT}`,
        ).all({ ...f.params, match: plan.match }) as ConversationRow[],
        'subject',
      );
    }
    const byContact = this.statement(`c:contact:${f.key}`, () =>
      `SELECT ${CONVERSATION_COLUMNS} FROM conversations c ${CONVERSATION_JOINS}
       WHERE c.contact_id = @contactId${f.sql} ORDER BY c.last_message_at DESC LIMIT 3`,
    );
    for (const contact of contacts) {
      if (found.size >= CONVERSATION_LIMIT) break;
      add(byContact.all({ ...f.params, contactId: contact.contactId }) as ConversationRow[], 'contact');
    }
    const nameMatcher = createMatcher(query, { substring: true });
    return [...found.values()].map(({ row, reason }) => ({
      conversationId: row.id,
      contactName: highlight(row.contact_name ?? '', nameMatcher),
      subject: row.subject === null ? null : highlight(row.subject, matcher),
      channel: row.channel as Channel,
      status: row.status as ConversationStatus,
      assigneeName: row.assignee_name,
      lastMessageAt: row.last_message_at,
      reason,
    }));
  }

  agents(): Agent[] {
    return this.statement('agents', () => 'SELECT id, name, email FROM agents ORDER BY name, id').all() as Agent[];
  }

  /**
   * Every cached message of a conversation that matches, oldest first (unsent ones last), and,
   * unmatched, every system line the console words in the agent's language.
   *
   * In-thread search must match what the agent reads. A system line with an event is shown worded
   * in the agent's language, which the core cannot produce (it has no i18n; the wording lives in
   * the renderer's catalogs), so matching its stored English body would find "accepted" in a line
   * that reads "hat die Unterhaltung angenommen" and miss the German word. Instead those lines go
   * back with their events and the renderer matches the text it shows. A conversation has a handful
   * of them, so this costs little, and the renderer's one wording function then serves both what
   * is shown and what is matched, so the two cannot drift apart.
   */
  thread(conversationId: string, input: string): { matches: ThreadSearchMatch[]; systemLines: ThreadSystemLine[] } {
    const query = parseQuery(input);
    if (query.terms.length === 0) return { matches: [], systemLines: [] };
    const matcher = createMatcher(query);
    const rows = this.statement('thread', () =>
      `SELECT id, seq, body, direction, extra FROM messages WHERE conversation_id = ?
       ORDER BY seq IS NULL, seq, created_at, id`,
    ).all(conversationId) as { id: string; seq: number | null; body: string; direction: string; extra: string | null }[];
    const matches: ThreadSearchMatch[] = [];
    const systemLines: ThreadSystemLine[] = [];
    for (const r of rows) {
      const event = r.direction === 'system' ? wordedEvent(r.extra) : null;
      if (event) systemLines.push({ messageId: r.id, seq: r.seq, event });
      else if (matcher.matchesAll(r.body)) matches.push({ messageId: r.id, seq: r.seq });
    }
    return { matches, systemLines };
  }
}

/** A system line's event when the console words it (a code this build knows); else its body is shown and matched. */
function wordedEvent(extra: string | null): SystemEvent | null {
  const event = extra === null ? null : parseMessageExtras(extra).event;
  return knownSystemEvent(event) ? event : null;
}

/** Two newest-first lists of rows as one, without repeats, cut at `limit`. */
function newestFirst(a: readonly MessageRow[], b: readonly MessageRow[], limit: number): MessageRow[] {
  const byRow = new Map([...a, ...b].map((r) => [r.row_id, r]));
  return [...byRow.values()].sort((x, y) => y.row_id - x.row_id).slice(0, limit);
}

const candidateParams = (plan: Exclude<MessagePlan, { kind: 'words' }>): Record<string, string> =>
  plan.kind === 'cjkScan' ? Object.fromEntries(plan.likes.map((l, i) => [`like${i}`, l])) : { match: plan.match };

const highlight = (text: string, matcher: Matcher): Highlighted => ({ text, ranges: matcher.ranges(text) });

interface TermCheck {
  digits: string | null;
  matcher: Matcher;
}

const termChecks = (query: ParsedQuery): TermCheck[] =>
  query.terms.map((term) => ({ digits: phoneDigits(term.text), matcher: createMatcher({ terms: [term] }, { substring: true }) }));

/** Every term is in the name or the address (as a substring), or, for a phone-like term, in the phone's digits. */
function contactMatches(row: ContactRow, checks: readonly TermCheck[]): boolean {
  const digits = normalizePhone(row.phone);
  const text = `${row.name}\n${row.email ?? ''}`;
  return checks.every((c) => (c.digits !== null && digits.includes(c.digits)) || c.matcher.matchesAll(text));
}
