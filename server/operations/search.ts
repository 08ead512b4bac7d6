// search.messages: full-text search over all of the tenant's messages (the desktop cache holds only
// a window). The FTS5 tables are SQLite's (migration 002); this module is the SQLite dialect's
// search, the one place outside db/ with dialect-specific SQL.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { SocketResponse } from '../../shared/protocol';
import type { SearchFilters } from '../../shared/search/filters';
import { createMatcher } from '../../shared/search/highlight';
import { CJK_FLOOR_SQL, matchTable, messageSourceFrom } from '../../shared/search/messageIndex';
import { planMessages } from '../../shared/search/plan';
import { parseQuery } from '../../shared/search/query';
import type { DB } from '../db/schema';
import type { ParsedRequest } from '../socket/handlers';
import { toContact, toConversation, toMessage } from '../store/rows';

/** Candidates per hit when some terms are checked after the index lookup (trigram, LIKE). */
const OVERFETCH = 5;

function filterConditions(filters: SearchFilters): RawBuilder<unknown>[] {
  const out: RawBuilder<unknown>[] = [];
  if (filters.channel !== undefined) out.push(sql`c.channel = ${filters.channel}`);
  if (filters.status !== undefined) out.push(sql`c.status = ${filters.status}`);
  if (filters.assigneeId !== undefined) out.push(sql`c.assignee_id = ${filters.assigneeId}`);
  if (filters.from !== undefined) out.push(sql`m.created_at >= ${filters.from}`);
  if (filters.to !== undefined) out.push(sql`m.created_at < ${filters.to}`);
  return out;
}

export async function searchMessages(
  db: Kysely<DB>,
  tenantId: string,
  request: ParsedRequest<'search.messages'>,
): Promise<SocketResponse<'search.messages'>> {
  const query = parseQuery(request.query);
  const plan = planMessages(query);
  if (plan === null) return { hits: [] };
  const match =
    plan.kind === 'cjkScan'
      ? sql.join([sql`f.rowid >= (${sql.raw(CJK_FLOOR_SQL)})`, ...plan.likes.map((l) => sql`m.body LIKE ${l} ESCAPE '\\'`)], sql` AND `)
      : sql`${sql.raw(matchTable(plan.kind))} MATCH ${plan.match}`;
  const conditions = [match, sql`m.tenant_id = ${tenantId}`, ...filterConditions(request.filters)];
  const limit = plan.kind === 'words' ? request.limit : request.limit * OVERFETCH;
  const candidates = await sql<{ id: string }>`
    SELECT m.id FROM ${sql.raw(messageSourceFrom(plan.kind))}
    JOIN messages m ON m.rowid = f.rowid
    JOIN conversations c ON c.id = m.conversation_id
    WHERE ${sql.join(conditions, sql` AND `)}
    ORDER BY f.rowid DESC LIMIT ${limit}`.execute(db);
  const ids = candidates.rows.map((r) => r.id);
  if (ids.length === 0) return { hits: [] };

  const messageRows = await db.selectFrom('messages').selectAll().where('tenant_id', '=', tenantId).where('id', 'in', ids).execute();
  const byId = new Map(messageRows.map((r) => [r.id, toMessage(r)]));
  const matcher = createMatcher(query);
  // Trigram and LIKE lookups cannot check short terms or phrase order: the matcher does.
  const messages = ids
    .flatMap((id) => {
      const m = byId.get(id);
      return m && (plan.kind === 'words' || matcher.matchesAll(m.body)) ? [m] : [];
    })
    .slice(0, request.limit);
  if (messages.length === 0) return { hits: [] };

  const conversationIds = [...new Set(messages.map((m) => m.conversationId))];
  const conversations = new Map(
    (await db.selectFrom('conversations').selectAll().where('tenant_id', '=', tenantId).where('id', 'in', conversationIds).execute()).map(
      (r) => [r.id, toConversation(r)],
    ),
  );
  const contactIds = [...new Set([...conversations.values()].map((c) => c.contactId))];
  const contacts = new Map(
    (await db.selectFrom('contacts').selectAll().where('tenant_id', '=', tenantId).where('id', 'in', contactIds).execute()).map(
      (r) => [r.id, toContact(r)],
    ),
  );
  return {
    hits: messages.flatMap((message) => {
      const conversation = conversations.get(message.conversationId);
      return conversation ? [{ message, conversation, contact: contacts.get(conversation.contactId) ?? null }] : [];
    }),
  };
}
