import type { Kysely, Selectable } from 'kysely';
import { type Conversation, OPEN_STATUSES } from '../../shared/domain';
import { compiled } from '../db/compiled';
import type { ConversationsTable, DB } from '../db/schema';
import { fromConversation, toConversation } from './rows';

export { OPEN_STATUSES };

const byId = compiled((db, p: { tenantId: string; id: string }) =>
  db.selectFrom('conversations').selectAll().where('tenant_id', '=', p.tenantId).where('id', '=', p.id),
);

export async function getConversation(db: Kysely<DB>, tenantId: string, id: string): Promise<Conversation | null> {
  const row = await byId.first(db, { tenantId, id });
  return row ? toConversation(row) : null;
}

const openOfContact = compiled((db, p: { tenantId: string; contactId: string }) =>
  db
    .selectFrom('conversations')
    .selectAll()
    .where('tenant_id', '=', p.tenantId)
    .where('contact_id', '=', p.contactId)
    .where('status', 'in', OPEN_STATUSES)
    .orderBy('last_message_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1),
);

/** The contact's most recently active open conversation, whatever its channel. */
export async function findOpenConversation(
  db: Kysely<DB>,
  tenantId: string,
  contactId: string,
): Promise<Conversation | null> {
  const row = await openOfContact.first(db, { tenantId, contactId });
  return row ? toConversation(row) : null;
}

// The update leaves the key alone: setting `id`, even to its own value, makes SQLite look for the
// rows that reference the conversation (messages, read markers, pins) on every save.
const upsertRow = compiled((db, row: Selectable<ConversationsTable>) => {
  const { id: _id, tenant_id: _tenant, ...changed } = row;
  return db
    .insertInto('conversations')
    .values(row)
    .onConflict((oc) => oc.column('id').doUpdateSet(changed));
});

/** Inserts or overwrites the whole row (a conversation never changes tenant). */
export async function saveConversation(db: Kysely<DB>, tenantId: string, c: Conversation): Promise<void> {
  await upsertRow.run(db, fromConversation(tenantId, c));
}

const latestOfContact = compiled((db, p: { tenantId: string; contactId: string }) =>
  db
    .selectFrom('conversations')
    .select('id')
    .where('tenant_id', '=', p.tenantId)
    .where('contact_id', '=', p.contactId)
    .orderBy('last_message_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1),
);

/** The contact's most recently active conversation in any status (the one a new one follows). */
export async function latestConversationId(db: Kysely<DB>, tenantId: string, contactId: string): Promise<string | null> {
  const row = await latestOfContact.first(db, { tenantId, contactId });
  return row?.id ?? null;
}
