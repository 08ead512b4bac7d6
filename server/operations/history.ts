// history.page: older messages of one conversation.
import type { Kysely } from 'kysely';
import type { SocketRequest, SocketResponse } from '../../shared/protocol';
import type { DB } from '../db/schema';
import { ProtocolFailure } from '../errors';
import { reason } from '../../shared/reasons';
import { getConversation } from '../store/conversations';
import { messagesBefore } from '../store/messages';

export async function historyPage(
  db: Kysely<DB>,
  tenantId: string,
  request: Required<SocketRequest<'history.page'>>,
): Promise<SocketResponse<'history.page'>> {
  const conversation = await getConversation(db, tenantId, request.conversationId);
  if (!conversation) throw new ProtocolFailure('notFound', `Conversation ${request.conversationId} not found.`, reason('conversationUnavailable'));
  const newestFirst = await messagesBefore(db, tenantId, conversation.id, request.beforeSeq, request.limit + 1);
  return {
    messages: newestFirst.slice(0, request.limit).reverse(),
    hasMore: newestFirst.length > request.limit,
  };
}
