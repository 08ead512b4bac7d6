// Appending a message to a conversation: the message row, the conversation's last-message fields,
// and the two change events (message.created, then conversation.upserted), each with its own seq.
import type { Conversation, Message } from '../../shared/domain';
import { saveConversation } from '../store/conversations';
import { insertMessage } from '../store/messages';
import type { WriteContext } from '../sync/writer';

const PREVIEW_LENGTH = 160;

export function previewOf(body: string): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  return flat.length <= PREVIEW_LENGTH ? flat : `${flat.slice(0, PREVIEW_LENGTH - 1)}…`;
}

/** The conversation after `message`: notes and system lines move the time, not the preview. */
export function conversationAfter(conversation: Conversation, message: Message, seq: number): Conversation {
  const showsInPreview = message.kind !== 'note' && message.direction !== 'system';
  const fromCustomer = message.direction === 'inbound';
  const agentReply = message.direction === 'outbound' && message.kind !== 'note';
  return {
    ...conversation,
    // The customer waits from their first unanswered message until an agent replies.
    waitingSince: fromCustomer ? (conversation.waitingSince ?? message.createdAt) : agentReply ? null : conversation.waitingSince,
    lastMessageAt: Math.max(conversation.lastMessageAt, message.createdAt),
    lastMessagePreview: showsInPreview ? previewOf(message.body) : conversation.lastMessagePreview,
    lastMessageDirection: showsInPreview ? message.direction : conversation.lastMessageDirection,
    lastInboundAt:
      message.direction === 'inbound'
        ? Math.max(conversation.lastInboundAt ?? 0, message.createdAt)
        : conversation.lastInboundAt,
    seq,
  };
}

export type MessageDraft = Omit<Message, 'seq' | 'statusSeq'>;

/** `stored`: the conversation's row as this transaction read it (only what changed is written), or null. */
export async function appendMessage(
  { trx, changes }: WriteContext,
  tenantId: string,
  conversation: Conversation,
  draft: MessageDraft,
  externalId: string | null,
  stored: Conversation | null = null,
): Promise<{ message: Message; conversation: Conversation }> {
  const [messageSeq = 0, conversationSeq = 0] = await changes.nextSeqs(2);
  const message: Message = { ...draft, seq: messageSeq, statusSeq: messageSeq };
  const updated = conversationAfter(conversation, message, conversationSeq);
  // The conversation row goes first: a new conversation must exist before its message.
  await saveConversation(trx, tenantId, updated, stored);
  await insertMessage(trx, tenantId, message, externalId);
  await changes.record({ seq: messageSeq, type: 'message.created', message });
  await changes.record({ seq: conversationSeq, type: 'conversation.upserted', conversation: updated });
  return { message, conversation: updated };
}
