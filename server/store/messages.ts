import type { Kysely, Selectable } from 'kysely';
import type { Message } from '../../shared/domain';
import { compiled } from '../db/compiled';
import type { DB, MessagesTable } from '../db/schema';
import { serializeMessageExtras } from '../../shared/messageExtras';
import { fromMessage, toMessage } from './rows';

const insertRow = compiled((db, row: Selectable<MessagesTable>) => db.insertInto('messages').values(row));

export async function insertMessage(
  db: Kysely<DB>,
  tenantId: string,
  message: Message,
  externalId: string | null,
): Promise<void> {
  await insertRow.run(db, fromMessage(tenantId, message, externalId));
}

const byExternalId = compiled((db, p: { tenantId: string; channel: string; externalId: string }) =>
  db
    .selectFrom('messages')
    .selectAll()
    .where('tenant_id', '=', p.tenantId)
    .where('channel', '=', p.channel)
    .where('external_id', '=', p.externalId),
);

export async function findMessageByExternalId(
  db: Kysely<DB>,
  tenantId: string,
  channel: string,
  externalId: string,
): Promise<Message | null> {
  const row = await byExternalId.first(db, { tenantId, channel, externalId });
  return row ? toMessage(row) : null;
}

export async function updateMessageStatus(
  db: Kysely<DB>,
  messageId: string,
  status: string,
  statusSeq: number,
): Promise<void> {
  await db.updateTable('messages').set({ status, status_seq: statusSeq }).where('id', '=', messageId).execute();
}

/** The newest `perConversation` messages of each conversation, oldest first within each. */
export async function latestMessages(
  db: Kysely<DB>,
  tenantId: string,
  conversationIds: readonly string[],
  perConversation: number,
): Promise<Message[]> {
  if (conversationIds.length === 0 || perConversation === 0) return [];
  const ranked = db
    .selectFrom('messages')
    .selectAll()
    .select((eb) =>
      eb.fn
        .agg<number>('row_number')
        .over((ob) => ob.partitionBy('conversation_id').orderBy('seq', 'desc'))
        .as('rank'),
    )
    .where('tenant_id', '=', tenantId)
    .where('conversation_id', 'in', conversationIds);
  const rows = await db
    .selectFrom(ranked.as('ranked'))
    .selectAll()
    .where('rank', '<=', perConversation)
    .orderBy('conversation_id')
    .orderBy('seq')
    .execute();
  return rows.map(toMessage);
}

/** Up to `limit` messages with seq < beforeSeq, newest first. */
export async function messagesBefore(
  db: Kysely<DB>,
  tenantId: string,
  conversationId: string,
  beforeSeq: number,
  limit: number,
): Promise<Message[]> {
  const rows = await db
    .selectFrom('messages')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('conversation_id', '=', conversationId)
    .where('seq', '<', beforeSeq)
    .orderBy('seq', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toMessage);
}

export async function findMessage(db: Kysely<DB>, tenantId: string, messageId: string): Promise<Message | null> {
  const row = await db.selectFrom('messages').selectAll().where('tenant_id', '=', tenantId).where('id', '=', messageId).executeTakeFirst();
  return row ? toMessage(row) : null;
}

/** The carrier's id of a message handed to a carrier, or null. */
export async function externalIdOf(db: Kysely<DB>, tenantId: string, messageId: string): Promise<string | null> {
  const row = await db.selectFrom('messages').select('external_id').where('tenant_id', '=', tenantId).where('id', '=', messageId).executeTakeFirst();
  return row?.external_id ?? null;
}

/** Writes an edit, deletion or reaction: body, the optional fields and the revision. */
export async function updateMessageContent(db: Kysely<DB>, tenantId: string, message: Message): Promise<void> {
  await db
    .updateTable('messages')
    .set({ body: message.body, extra_json: serializeMessageExtras(message), rev_seq: message.revSeq })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', message.id)
    .execute();
}

/** The newest message that shows in the inbox preview (not a note, not a system line). */
export async function latestPreviewMessage(db: Kysely<DB>, tenantId: string, conversationId: string): Promise<Message | null> {
  const row = await db
    .selectFrom('messages')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('conversation_id', '=', conversationId)
    .where('kind', '<>', 'note')
    .where('direction', '<>', 'system')
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? toMessage(row) : null;
}

/** Marks uploaded files as sent with `messageId` (a file is sent once). */
export async function attachToMessage(db: Kysely<DB>, tenantId: string, attachmentIds: readonly string[], messageId: string): Promise<void> {
  if (attachmentIds.length === 0) return;
  await db
    .updateTable('attachments')
    .set({ message_id: messageId })
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', attachmentIds)
    .execute();
}
