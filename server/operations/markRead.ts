// conversation.markRead: moves the agent's read marker forward, never back.
import type { Kysely } from 'kysely';
import type { SocketRequest, SocketResponse } from '../../shared/protocol';
import type { DB } from '../db/schema';
import { ProtocolFailure } from '../errors';
import { reason } from '../../shared/reasons';
import { getConversation } from '../store/conversations';
import type { Session } from '../store/directory';
import { saveResult } from '../store/idempotency';
import { getReadSeq, saveReadSeq } from '../store/reads';
import type { Writer } from '../sync/writer';
import { priorResult } from './idempotent';

type MarkReadRequest = SocketRequest<'conversation.markRead'>;
type MarkReadResponse = SocketResponse<'conversation.markRead'>;
const OPERATION = 'conversation.markRead';

export async function markRead(
  deps: { db: Kysely<DB>; writer: Writer },
  { tenantId, agentId }: Session,
  request: MarkReadRequest,
): Promise<MarkReadResponse> {
  const conversation = await getConversation(deps.db, tenantId, request.conversationId);
  if (!conversation) throw new ProtocolFailure('notFound', `Conversation ${request.conversationId} not found.`, reason('conversationUnavailable'));
  return deps.writer.run(tenantId, async ({ trx, changes, now }) => {
    const earlier = await priorResult<MarkReadResponse>(trx, tenantId, request.clientId, OPERATION);
    if (earlier) return earlier;
    const current = await getReadSeq(trx, conversation.id, agentId);
    const readSeq = Math.max(current, request.readSeq);
    if (readSeq > current) {
      const seq = await changes.nextSeq();
      await saveReadSeq(trx, { tenantId, conversationId: conversation.id, agentId, readSeq, seq });
      await changes.record({ seq, type: 'conversation.read', conversationId: conversation.id, agentId, readSeq });
    }
    const result: MarkReadResponse = { readSeq };
    await saveResult(trx, { tenantId, clientId: request.clientId, agentId, operation: OPERATION, result, now });
    return result;
  });
}
