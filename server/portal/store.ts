// Portal queries: settings, customer sessions, and the customer's view of their conversations.
// Every message query here leaves out internal notes and the desk's system lines.
import type { ExpressionBuilder, Kysely } from 'kysely';
import type { Contact, Conversation, Message } from '../../shared/domain';
import type { DB } from '../db/schema';
import { toContact, toConversation, toMessage } from '../store/rows';
import { newSigningSecret } from './magicLink';

/** The reply time a new tenant's portal promises until the tenant sets its own. */
const DEFAULT_REPLY_WITHIN_MINUTES = 60;
/** Most recent messages a thread shows. */
export const THREAD_LIMIT = 500;

export interface PortalSettings {
  signingSecret: string;
  replyWithinMinutes: number;
}

export async function portalSettings(db: Kysely<DB>, tenantId: string): Promise<PortalSettings> {
  await db
    .insertInto('portal_settings')
    .values({ tenant_id: tenantId, signing_secret: newSigningSecret(), reply_within_minutes: DEFAULT_REPLY_WITHIN_MINUTES })
    .onConflict((oc) => oc.column('tenant_id').doNothing())
    .execute();
  const row = await db.selectFrom('portal_settings').selectAll().where('tenant_id', '=', tenantId).executeTakeFirstOrThrow();
  return { signingSecret: row.signing_secret, replyWithinMinutes: Number(row.reply_within_minutes) };
}

export interface PortalSession {
  tenantId: string;
  contactId: string;
}

export async function createPortalSession(
  db: Kysely<DB>,
  session: PortalSession & { tokenHash: string; now: number; expiresAt: number },
): Promise<void> {
  await db
    .insertInto('portal_sessions')
    .values({
      token_hash: session.tokenHash,
      tenant_id: session.tenantId,
      contact_id: session.contactId,
      created_at: session.now,
      expires_at: session.expiresAt,
    })
    .execute();
}

export async function findPortalSession(db: Kysely<DB>, tokenHash: string, now: number): Promise<PortalSession | null> {
  const row = await db
    .selectFrom('portal_sessions')
    .select(['tenant_id', 'contact_id'])
    .where('token_hash', '=', tokenHash)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return row ? { tenantId: row.tenant_id, contactId: row.contact_id } : null;
}

export async function deletePortalSession(db: Kysely<DB>, tokenHash: string): Promise<void> {
  await db.deleteFrom('portal_sessions').where('token_hash', '=', tokenHash).execute();
}

export async function findContact(db: Kysely<DB>, tenantId: string, contactId: string): Promise<Contact | null> {
  const row = await db.selectFrom('contacts').selectAll().where('tenant_id', '=', tenantId).where('id', '=', contactId).executeTakeFirst();
  return row ? toContact(row) : null;
}

export async function customerConversations(db: Kysely<DB>, tenantId: string, contactId: string): Promise<Conversation[]> {
  const rows = await db
    .selectFrom('conversations')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('contact_id', '=', contactId)
    .execute();
  return rows.map(toConversation);
}

/** The customer's conversation, or null when it is not theirs (or does not exist). */
export async function customerConversation(
  db: Kysely<DB>,
  session: PortalSession,
  conversationId: string,
): Promise<Conversation | null> {
  const row = await db
    .selectFrom('conversations')
    .selectAll()
    .where('tenant_id', '=', session.tenantId)
    .where('contact_id', '=', session.contactId)
    .where('id', '=', conversationId)
    .executeTakeFirst();
  return row ? toConversation(row) : null;
}

const visible = (eb: ExpressionBuilder<DB, 'messages'>) =>
  eb.and([eb('messages.kind', '!=', 'note'), eb('messages.direction', '!=', 'system')]);

/** Staff and customer messages of a conversation, oldest first, with the staff member's name. */
export async function visibleMessages(
  db: Kysely<DB>,
  tenantId: string,
  conversationId: string,
  limit = THREAD_LIMIT,
): Promise<{ message: Message; staffName: string | null }[]> {
  const rows = await db
    .selectFrom('messages')
    .leftJoin('agents', 'agents.id', 'messages.author_agent_id')
    .selectAll('messages')
    .select('agents.name as staff_name')
    .where('messages.tenant_id', '=', tenantId)
    .where('messages.conversation_id', '=', conversationId)
    .where(visible)
    .orderBy('messages.seq', 'desc')
    .limit(limit)
    .execute();
  return rows.reverse().map((row) => ({ message: toMessage(row), staffName: row.staff_name }));
}

/** The newest visible message of each conversation. */
export async function lastVisibleMessages(db: Kysely<DB>, tenantId: string, conversationIds: readonly string[]): Promise<Message[]> {
  if (conversationIds.length === 0) return [];
  const ranked = db
    .selectFrom('messages')
    .selectAll()
    .select((eb) => eb.fn.agg<number>('row_number').over((ob) => ob.partitionBy('conversation_id').orderBy('seq', 'desc')).as('rank'))
    .where('tenant_id', '=', tenantId)
    .where('conversation_id', 'in', conversationIds)
    .where(visible);
  const rows = await db.selectFrom(ranked.as('ranked')).selectAll().where('rank', '=', 1).execute();
  return rows.map(toMessage);
}

/** Staff replies the customer has not seen yet (not read, not failed), oldest first. */
export async function unseenStaffMessages(
  db: Kysely<DB>,
  tenantId: string,
  conversationIds: readonly string[],
  statuses: readonly ('sent' | 'delivered')[],
  upToSeq = Number.MAX_SAFE_INTEGER,
): Promise<Message[]> {
  if (conversationIds.length === 0) return [];
  const rows = await db
    .selectFrom('messages')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('conversation_id', 'in', conversationIds)
    .where('direction', '=', 'outbound')
    .where('kind', '=', 'text')
    .where('status', 'in', statuses)
    .where('seq', '<=', upToSeq)
    .orderBy('seq')
    .execute();
  return rows.map(toMessage);
}

/** Per conversation, the furthest any agent has read: the customer's messages up to it are read. */
export async function staffReadSeqs(db: Kysely<DB>, conversationIds: readonly string[]): Promise<Map<string, number>> {
  if (conversationIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('read_markers')
    .select((eb) => ['conversation_id', eb.fn.max('read_seq').as('read_seq')])
    .where('conversation_id', 'in', conversationIds)
    .groupBy('conversation_id')
    .execute();
  return new Map(rows.map((r) => [r.conversation_id, Number(r.read_seq)]));
}

/** Which of these conversations belong to which contact (for routing live events). */
export async function conversationOwners(db: Kysely<DB>, tenantId: string, conversationIds: readonly string[]): Promise<Map<string, string>> {
  if (conversationIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('conversations')
    .select(['id', 'contact_id'])
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', conversationIds)
    .execute();
  return new Map(rows.map((r) => [r.id, r.contact_id]));
}
