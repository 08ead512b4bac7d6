import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';

export async function getReadSeq(
  db: Kysely<DB>,
  conversationId: string,
  agentId: string,
): Promise<number> {
  const row = await db
    .selectFrom('read_markers')
    .select('read_seq')
    .where('conversation_id', '=', conversationId)
    .where('agent_id', '=', agentId)
    .executeTakeFirst();
  return row ? Number(row.read_seq) : 0;
}

export async function saveReadSeq(
  db: Kysely<DB>,
  marker: { tenantId: string; conversationId: string; agentId: string; readSeq: number; seq: number },
): Promise<void> {
  await db
    .insertInto('read_markers')
    .values({
      tenant_id: marker.tenantId,
      conversation_id: marker.conversationId,
      agent_id: marker.agentId,
      read_seq: marker.readSeq,
      seq: marker.seq,
    })
    .onConflict((oc) => oc.columns(['conversation_id', 'agent_id']).doUpdateSet({ read_seq: marker.readSeq, seq: marker.seq }))
    .execute();
}

export interface ReadState {
  conversationId: string;
  readSeq: number;
  /** Inbound messages after readSeq. */
  unreadCount: number;
}

export async function readStates(
  db: Kysely<DB>,
  tenantId: string,
  agentId: string,
  conversationIds: readonly string[],
): Promise<ReadState[]> {
  if (conversationIds.length === 0) return [];
  const markers = await db
    .selectFrom('read_markers')
    .select(['conversation_id', 'read_seq'])
    .where('agent_id', '=', agentId)
    .where('conversation_id', 'in', conversationIds)
    .execute();
  const unread = await db
    .selectFrom('messages')
    .leftJoin('read_markers', (join) =>
      join
        .onRef('read_markers.conversation_id', '=', 'messages.conversation_id')
        .on('read_markers.agent_id', '=', agentId),
    )
    .select(['messages.conversation_id', (eb) => eb.fn.countAll<number>().as('unread')])
    .where('messages.tenant_id', '=', tenantId)
    .where('messages.conversation_id', 'in', conversationIds)
    .where('messages.direction', '=', 'inbound')
    .where((eb) => eb('messages.seq', '>', eb.fn.coalesce('read_markers.read_seq', eb.lit(0))))
    .groupBy('messages.conversation_id')
    .execute();
  const readSeq = new Map(markers.map((m) => [m.conversation_id, Number(m.read_seq)]));
  const unreadCount = new Map(unread.map((u) => [u.conversation_id, Number(u.unread)]));
  return conversationIds.map((id) => ({
    conversationId: id,
    readSeq: readSeq.get(id) ?? 0,
    unreadCount: unreadCount.get(id) ?? 0,
  }));
}
