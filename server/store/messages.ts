import type { Kysely } from 'kysely';
import type { Message } from '../../shared/domain';
import type { DB } from '../db/schema';
import { fromMessage, toMessage } from './rows';

export async function insertMessage(
  db: Kysely<DB>,
  tenantId: string,
  message: Message,
  externalId: string | null,
): Promise<void> {
  await db.insertInto('messages').values(fromMessage(tenantId, message, externalId)).execute();
}

export async function findMessageByExternalId(
  db: Kysely<DB>,
  tenantId: string,
  channel: string,
  externalId: string,
): Promise<Message | null> {
  const row = await db
    .selectFrom('messages')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('channel', '=', channel)
    .where('external_id', '=', externalId)
    .executeTakeFirst();
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
