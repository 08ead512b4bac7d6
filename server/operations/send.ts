// message.send: an agent's reply or internal note.
import type { Kysely } from 'kysely';
import { type DeliveryStatus, type Message, plainMessageFields } from '../../shared/domain';
import type { SocketRequest, SocketResponse } from '../../shared/protocol';
import type { ChannelAdapters } from '../channels/registry';
import { handleKindFor, type OutboundChannel, outboundChannelFor } from '../channels/adapter';
import type { DB } from '../db/schema';
import { ProtocolFailure } from '../errors';
import { contactAddress } from '../store/contacts';
import { getConversation } from '../store/conversations';
import type { Session } from '../store/directory';
import { saveResult } from '../store/idempotency';
import type { Writer } from '../sync/writer';
import { appendMessage } from './appendMessage';
import { priorResult } from './idempotent';

export interface SendDeps {
  db: Kysely<DB>;
  writer: Writer;
  channels: ChannelAdapters;
  newId: () => string;
  onError: (error: unknown) => void;
}

type SendRequest = Required<SocketRequest<'message.send'>>;
type SendResponse = SocketResponse<'message.send'>;
const OPERATION = 'message.send';

export async function sendMessage(deps: SendDeps, session: Session, request: SendRequest): Promise<SendResponse> {
  const { tenantId, agentId } = session;
  const found = await getConversation(deps.db, tenantId, request.conversationId);
  if (!found) throw new ProtocolFailure('notFound', `Conversation ${request.conversationId} not found.`);
  const earlier = await priorResult<SendResponse>(deps.db, tenantId, request.clientId, OPERATION);
  if (earlier) return earlier;

  const outbound = outboundChannelFor(found.channel);
  const channel = request.kind === 'note' ? found.channel : outbound;
  // Notes stay inside the desk: they never reach an adapter and have no delivery status.
  const hand = request.kind === 'note' ? null : await handOver(deps, tenantId, found.contactId, outbound, request);

  return deps.writer.run(tenantId, async (ctx) => {
    // A concurrent repeat may have committed while the carrier was answering.
    const repeat = await priorResult<SendResponse>(ctx.trx, tenantId, request.clientId, OPERATION);
    if (repeat) return repeat;
    const conversation = await getConversation(ctx.trx, tenantId, request.conversationId);
    if (!conversation) throw new ProtocolFailure('notFound', `Conversation ${request.conversationId} not found.`);
    const draft: Omit<Message, 'seq' | 'statusSeq'> = {
      id: hand?.messageId ?? deps.newId(),
      clientId: request.clientId,
      conversationId: conversation.id,
      direction: 'outbound',
      kind: request.kind,
      channel,
      authorAgentId: agentId,
      body: request.body,
      createdAt: ctx.now,
      status: hand?.status ?? null,
      call: null,
      ...plainMessageFields(),
    };
    const { message } = await appendMessage(ctx, tenantId, conversation, draft, hand?.externalId ?? null);
    const result: SendResponse = { message };
    await saveResult(ctx.trx, { tenantId, clientId: request.clientId, agentId, operation: OPERATION, result, now: ctx.now });
    return result;
  });
}

async function handOver(
  deps: SendDeps,
  tenantId: string,
  contactId: string,
  channel: OutboundChannel,
  request: SendRequest,
): Promise<{ messageId: string; externalId: string | null; status: DeliveryStatus }> {
  const messageId = deps.newId();
  const to = await contactAddress(deps.db, contactId, handleKindFor(channel));
  if (to === null) return { messageId, externalId: null, status: 'failed' };
  try {
    const { externalId } = await deps.channels[channel].send({
      tenantId,
      channel,
      to,
      body: request.body,
      idempotencyKey: request.clientId,
    });
    return { messageId, externalId, status: 'sent' };
  } catch (error) {
    deps.onError(error);
    return { messageId, externalId: null, status: 'failed' };
  }
}
