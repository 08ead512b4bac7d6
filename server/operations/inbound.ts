// An inbound customer message from a channel webhook.
import { type Channel, type Contact, type Conversation, plainMessageFields } from '../../shared/domain';
import { findContactByHandle, insertContact, normalizeHandle } from '../store/contacts';
import { findOpenConversation } from '../store/conversations';
import { firstQueueId } from '../store/directory';
import { findMessageByExternalId } from '../store/messages';
import type { Writer } from '../sync/writer';
import { appendMessage } from './appendMessage';
import { fallbackName, type InboundMessage } from './inboundPayload';

export interface InboundDeps {
  writer: Writer;
  newId: () => string;
}

export interface InboundResult {
  conversationId: string;
  messageId: string;
  duplicate: boolean;
}

export async function receiveInbound(
  deps: InboundDeps,
  tenantId: string,
  channel: Channel,
  inbound: InboundMessage,
): Promise<InboundResult> {
  return deps.writer.run(tenantId, async (ctx) => {
    const { trx, changes, now } = ctx;
    const stored = await findMessageByExternalId(trx, tenantId, channel, inbound.externalId);
    if (stored) return { conversationId: stored.conversationId, messageId: stored.id, duplicate: true };

    let contact = await findContactByHandle(trx, tenantId, inbound.handle);
    if (!contact) {
      const seq = await changes.nextSeq();
      const created: Contact = {
        id: deps.newId(),
        name: inbound.name ?? fallbackName(inbound),
        phone: inbound.phone,
        email: inbound.email ? normalizeHandle({ kind: 'email', value: inbound.email }).value : null,
        createdAt: now,
        seq,
      };
      await insertContact(trx, tenantId, created, [inbound.handle]);
      await changes.record({ seq, type: 'contact.upserted', contact: created });
      contact = created;
    }

    const conversation: Conversation = (await findOpenConversation(trx, tenantId, contact.id)) ?? {
      id: deps.newId(),
      contactId: contact.id,
      channel,
      status: 'queued',
      queueId: await firstQueueId(trx, tenantId),
      assigneeId: null,
      subject: inbound.subject,
      createdAt: now,
      lastMessageAt: now,
      lastMessagePreview: '',
      lastMessageDirection: null,
      lastInboundAt: null,
      seq: 0,
    };
    const { message } = await appendMessage(
      ctx,
      tenantId,
      conversation,
      {
        id: deps.newId(),
        clientId: null,
        conversationId: conversation.id,
        direction: 'inbound',
        kind: inbound.call ? 'call' : 'text',
        channel,
        authorAgentId: null,
        body: inbound.body,
        createdAt: now,
        status: null,
        call: inbound.call,
        ...plainMessageFields(),
      },
      inbound.externalId,
    );
    return { conversationId: conversation.id, messageId: message.id, duplicate: false };
  });
}
