// An inbound customer message: from a channel webhook (the sender is found or created by their
// handle) or from a signed-in customer on the portal (the sender is known, and so may be the
// conversation). Both take the same write path, so agents see either live.
import { type Attachment, type Channel, type Contact, type Conversation, beforeFirstMessage, plainMessageFields } from '../../shared/domain';
import { findContactByHandle, insertContact, normalizeHandle } from '../store/contacts';
import { nextStatus } from '../../shared/workflow/transitions';
import { findOpenConversation, getConversation, latestConversationId, OPEN_STATUSES } from '../store/conversations';
import { routeWaiting } from '../workflow/changes';
import { firstQueue } from '../store/directory';
import { attachToMessage, findMessageByExternalId } from '../store/messages';
import type { WriteContext, Writer } from '../sync/writer';
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

/** The answer, and the customer it came from (null: a retry whose sender is not known by that handle). */
export interface InboundReceipt extends InboundResult {
  contactId: string | null;
}

/** What a message says, apart from who sent it; files only from the portal (uploaded before). */
export type InboundContent = Pick<InboundMessage, 'externalId' | 'subject' | 'body' | 'call'> & { attachments?: Attachment[] };

export async function receiveInbound(
  deps: InboundDeps,
  tenantId: string,
  channel: Channel,
  inbound: InboundMessage,
): Promise<InboundReceipt> {
  return deps.writer.run(tenantId, async (ctx) => {
    const { trx, changes, now } = ctx;
    const stored = await findMessageByExternalId(trx, tenantId, channel, inbound.externalId);
    let contact = await findContactByHandle(trx, tenantId, inbound.handle);
    if (stored) return { conversationId: stored.conversationId, messageId: stored.id, duplicate: true, contactId: contact?.id ?? null };
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
    const open = await findOpenConversation(trx, tenantId, contact.id);
    return { ...(await append(deps, ctx, tenantId, channel, contact.id, open, inbound)), contactId: contact.id };
  });
}

/**
 * A known contact writes into `conversationId`, or starts a new conversation when it is null or
 * no longer open. The caller has checked that the conversation is the contact's.
 */
export async function receiveFromContact(
  deps: InboundDeps,
  tenantId: string,
  channel: Channel,
  target: { contactId: string; conversationId: string | null },
  content: InboundContent,
): Promise<InboundResult> {
  return deps.writer.run(tenantId, async (ctx) => {
    const stored = await findMessageByExternalId(ctx.trx, tenantId, channel, content.externalId);
    if (stored) return { conversationId: stored.conversationId, messageId: stored.id, duplicate: true };
    const found = target.conversationId === null ? null : await getConversation(ctx.trx, tenantId, target.conversationId);
    const open =
      found !== null && found.contactId === target.contactId && (OPEN_STATUSES as readonly string[]).includes(found.status) ? found : null;
    return append(deps, ctx, tenantId, channel, target.contactId, open, content);
  });
}

async function append(
  deps: InboundDeps,
  ctx: WriteContext,
  tenantId: string,
  channel: Channel,
  contactId: string,
  open: Conversation | null,
  content: InboundContent,
): Promise<InboundResult> {
  // A reply to a pending conversation puts it back on the agent's plate; a message after a
  // resolved one opens a new conversation that links to it.
  let conversation: Conversation;
  // Only work entering a routed queue needs routing now. A conversation in a manual queue waits
  // for an agent to take it; the routed queues' own backlogs are routed whenever an agent frees
  // up and by the workflow sweep, so reading them again for every new customer found nothing new.
  let routed = false;
  if (open) {
    conversation = { ...open, status: nextStatus(open.status, 'customerReplied') ?? open.status };
  } else {
    const queue = await firstQueue(ctx.trx, tenantId);
    routed = queue.routing !== 'manual';
    conversation = {
      id: deps.newId(),
      contactId,
      channel,
      status: 'queued',
      queueId: queue.id,
      assigneeId: null,
      subject: content.subject,
      createdAt: ctx.now,
      lastMessageAt: ctx.now,
      ...beforeFirstMessage(),
      previousConversationId: await latestConversationId(ctx.trx, tenantId, contactId),
      seq: 0,
    };
  }
  const { message } = await appendMessage(
    ctx,
    tenantId,
    conversation,
    {
      id: deps.newId(),
      clientId: null,
      conversationId: conversation.id,
      direction: 'inbound',
      kind: content.call ? 'call' : 'text',
      channel,
      authorAgentId: null,
      body: content.body,
      createdAt: ctx.now,
      status: null,
      call: content.call,
      ...plainMessageFields(),
      attachments: content.attachments ?? [],
    },
    content.externalId,
    open,
  );
  await attachToMessage(ctx.trx, tenantId, (content.attachments ?? []).map((a) => a.id), message.id);
  if (routed) await routeWaiting(ctx, tenantId, deps.newId);
  return { conversationId: conversation.id, messageId: message.id, duplicate: false };
}
