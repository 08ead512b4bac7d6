// search.messages: full-text search over all of the tenant's messages (the desktop cache holds only
// a window). The FTS5 tables are SQLite's (migration 002); this module is the SQLite dialect's
// search, the one place outside db/ with dialect-specific SQL.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Message } from '../../shared/domain';
import type { SocketResponse } from '../../shared/protocol';
import type { SearchFilters } from '../../shared/search/filters';
import { createMatcher } from '../../shared/search/highlight';
import { CJK_FLOOR_SQL, matchTable, messageSourceFrom } from '../../shared/search/messageIndex';
import { planMessages, type MessagePlan } from '../../shared/search/plan';
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
  const filters = [sql`m.tenant_id = ${tenantId}`, ...filterConditions(request.filters)];
  const lookup = async (kind: MessagePlan['kind'], match: RawBuilder<unknown>, limit: number) =>
    (
      await sql<{ row_id: number; id: string }>`
        SELECT f.rowid AS row_id, m.id FROM ${sql.raw(messageSourceFrom(kind))}
        JOIN messages m ON m.rowid = f.rowid
        JOIN conversations c ON c.id = m.conversation_id
        WHERE ${sql.join([match, ...filters], sql` AND `)}
        ORDER BY f.rowid DESC LIMIT ${limit}`.execute(db)
    ).rows;
  const matchOf = (kind: 'words' | 'trigram', expression: string) => sql`${sql.raw(matchTable(kind))} MATCH ${expression}`;
  const overfetch = request.limit * OVERFETCH;
  // Word lookups are exact; trigram and LIKE lookups cannot check short terms or phrase order, so
  // the matcher checks their candidates.
  const exact = plan.kind === 'words' ? await lookup('words', matchOf('words', plan.match), request.limit) : [];
  const unchecked =
    plan.kind === 'words'
      ? plan.glued === null
        ? []
        : await lookup('trigram', matchOf('trigram', plan.glued), overfetch)
      : plan.kind === 'trigram'
        ? await lookup('trigram', matchOf('trigram', plan.match), overfetch)
        : await lookup(
            'cjkScan',
            sql.join([sql`f.rowid >= (${sql.raw(CJK_FLOOR_SQL)})`, ...plan.likes.map((l) => sql`f.body LIKE ${l} ESCAPE '\\'`)], sql` AND `),
            overfetch,
          );
  const ids = [...exact, ...unchecked].map((r) => r.id);
  if (ids.length === 0) return { hits: [] };

  const messageRows = await db.selectFrom('messages').selectAll().where('tenant_id', '=', tenantId).where('id', 'in', ids).execute();
  const byId = new Map(messageRows.map((r) => [r.id, toMessage(r)]));
  const matcher = createMatcher(query);
  const found = new Map<number, Message>();
  for (const r of exact) {
    const m = byId.get(r.id);
    if (m) found.set(r.row_id, m);
  }
  for (const r of unchecked) {
    const m = byId.get(r.id);
    if (m && matcher.matchesAll(m.body)) found.set(r.row_id, m);
  }
  const messages = [...found.entries()]
    .sort(([a], [b]) => b - a)
    .map(([, m]) => m)
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
