import type { Kysely } from 'kysely';
import { type Conversation, OPEN_STATUSES } from '../../shared/domain';
import type { DB } from '../db/schema';
import { fromConversation, toConversation } from './rows';

export { OPEN_STATUSES };

export async function getConversation(db: Kysely<DB>, tenantId: string, id: string): Promise<Conversation | null> {
  const row = await db
    .selectFrom('conversations')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toConversation(row) : null;
}

/** The contact's most recently active open conversation, whatever its channel. */
export async function findOpenConversation(
  db: Kysely<DB>,
  tenantId: string,
  contactId: string,
): Promise<Conversation | null> {
  const row = await db
    .selectFrom('conversations')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('contact_id', '=', contactId)
    .where('status', 'in', OPEN_STATUSES)
    .orderBy('last_message_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? toConversation(row) : null;
}

/** Inserts or overwrites the whole row. */
export async function saveConversation(db: Kysely<DB>, tenantId: string, c: Conversation): Promise<void> {
  const row = fromConversation(tenantId, c);
  await db
    .insertInto('conversations')
    .values(row)
    .onConflict((oc) => oc.column('id').doUpdateSet({ ...row }))
    .execute();
}

/** The contact's most recently active conversation in any status (the one a new one follows). */
export async function latestConversationId(db: Kysely<DB>, tenantId: string, contactId: string): Promise<string | null> {
  const row = await db
    .selectFrom('conversations')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('contact_id', '=', contactId)
    .orderBy('last_message_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.id ?? null;
}
