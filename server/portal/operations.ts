// What a signed-in customer can do: list their conversations, read one, write, and mark replies
// read. Another customer's conversation is indistinguishable from one that does not exist.
import type { Kysely } from 'kysely';
import { checkAttachment, describeRefusal } from '../../shared/attachments';
import type { Attachment, Conversation, Message } from '../../shared/domain';
import type { PortalConversation, PortalMessage, PortalSendRequest, PortalThread } from '../../shared/portal';
import { findAttachment, type StoredAttachment } from '../attachments/store';
import type { DB } from '../db/schema';
import { ProtocolFailure } from '../errors';
import { previewOf } from '../operations/appendMessage';
import { receiveFromContact } from '../operations/inbound';
import { advanceStatus } from '../operations/receipts';
import { OPEN_STATUSES } from '../store/conversations';
import { findMessage, findMessageByExternalId } from '../store/messages';
import type { Writer } from '../sync/writer';
import {
  customerConversation,
  customerConversations,
  lastVisibleMessages,
  type PortalSession,
  staffReadSeqs,
  unseenStaffMessages,
  visibleMessages,
} from './store';

export interface PortalDeps {
  db: Kysely<DB>;
  writer: Writer;
  newId: () => string;
}

const notFound = (id: string) => new ProtocolFailure('notFound', `Conversation ${id} not found.`);

/**
 * The customer's own messages are `read` once any agent has read past them, `delivered` while the
 * conversation is with an agent, `sent` while it waits in a queue.
 */
export function toPortalMessage(
  message: Message,
  staffName: string | null,
  conversation: Pick<Conversation, 'assigneeId'>,
  staffReadSeq: number,
): PortalMessage {
  const fromCustomer = message.direction === 'inbound';
  return {
    id: message.id,
    seq: message.seq,
    from: fromCustomer ? 'customer' : 'staff',
    kind: message.kind === 'call' ? 'call' : 'text',
    channel: message.channel,
    body: message.deletedAt === null ? message.body : '',
    createdAt: message.createdAt,
    staffName: fromCustomer ? null : staffName,
    status: !fromCustomer ? null : message.seq <= staffReadSeq ? 'read' : conversation.assigneeId !== null ? 'delivered' : 'sent',
    call: message.call,
    deleted: message.deletedAt !== null,
    edited: message.editedAt !== null && message.deletedAt === null,
    attachments: message.deletedAt === null ? message.attachments : [],
  };
}

function toPortalConversation(conversation: Conversation, last: Message | undefined, unreadCount: number): PortalConversation {
  return {
    id: conversation.id,
    channel: conversation.channel,
    open: (OPEN_STATUSES as readonly string[]).includes(conversation.status),
    linkedRecord: conversation.linkedRecord ? { type: conversation.linkedRecord.type, label: conversation.linkedRecord.label } : null,
    lastMessage: last
      ? { from: last.direction === 'inbound' ? 'customer' : 'staff', channel: last.channel, preview: previewOf(last.body), createdAt: last.createdAt }
      : null,
    unreadCount,
  };
}

async function describeConversations(deps: PortalDeps, session: PortalSession, conversations: Conversation[]): Promise<PortalConversation[]> {
  const ids = conversations.map((c) => c.id);
  const lasts = new Map((await lastVisibleMessages(deps.db, session.tenantId, ids)).map((m) => [m.conversationId, m]));
  const unread = new Map<string, number>();
  for (const m of await unseenStaffMessages(deps.db, session.tenantId, ids, ['sent', 'delivered'])) {
    unread.set(m.conversationId, (unread.get(m.conversationId) ?? 0) + 1);
  }
  return conversations.map((c) => toPortalConversation(c, lasts.get(c.id), unread.get(c.id) ?? 0));
}

/** The customer's conversations, most recent message first. */
export async function listConversations(deps: PortalDeps, session: PortalSession): Promise<PortalConversation[]> {
  const conversations = await customerConversations(deps.db, session.tenantId, session.contactId);
  await markDelivered(deps, session, conversations.map((c) => c.id));
  const described = await describeConversations(deps, session, conversations);
  const latest = (c: PortalConversation) => c.lastMessage?.createdAt ?? 0;
  return described.sort((a, b) => latest(b) - latest(a) || (a.id < b.id ? 1 : -1));
}

export async function openThread(deps: PortalDeps, session: PortalSession, conversationId: string): Promise<PortalThread> {
  const conversation = await customerConversation(deps.db, session, conversationId);
  if (!conversation) throw notFound(conversationId);
  await markDelivered(deps, session, [conversation.id]);
  const rows = await visibleMessages(deps.db, session.tenantId, conversation.id);
  const readSeq = (await staffReadSeqs(deps.db, [conversation.id])).get(conversation.id) ?? 0;
  const [described] = await describeConversations(deps, session, [conversation]);
  return {
    conversation: described!,
    messages: rows.map(({ message, staffName }) => toPortalMessage(message, staffName, conversation, readSeq)),
  };
}

/**
 * The customer writes into `conversationId`, or starts a new conversation (null, or the
 * conversation was resolved meanwhile). A repeat of the same clientId is stored once.
 */
export async function sendFromPortal(
  deps: PortalDeps,
  session: PortalSession,
  conversationId: string | null,
  request: PortalSendRequest,
): Promise<{ conversationId: string; message: PortalMessage }> {
  if (conversationId !== null && !(await customerConversation(deps.db, session, conversationId))) throw notFound(conversationId);
  // Scoped by contact, so one customer's ids can never name another's message.
  const externalId = `portal:${session.contactId}:${request.clientId}`;
  const earlier = await findMessageByExternalId(deps.db, session.tenantId, 'portal', externalId);
  const result = earlier
    ? { conversationId: earlier.conversationId, messageId: earlier.id }
    : await receiveFromContact(
        deps,
        session.tenantId,
        'portal',
        { contactId: session.contactId, conversationId },
        { externalId, subject: null, body: request.text, call: null, attachments: await ownUploads(deps, session, request.attachmentIds) },
      );
  const thread = await openThread(deps, session, result.conversationId);
  const message = thread.messages.find((m) => m.id === result.messageId);
  if (!message) throw new Error(`Message ${result.messageId} missing after it was stored.`);
  return { conversationId: result.conversationId, message };
}

/** The files the customer uploaded for this message: theirs, not sent before, within the portal's limits. */
async function ownUploads(deps: PortalDeps, session: PortalSession, ids: readonly string[]): Promise<Attachment[]> {
  const attachments: Attachment[] = [];
  for (const id of new Set(ids)) {
    const stored = await findAttachment(deps.db, session.tenantId, id);
    if (!stored || stored.uploadedByContact !== session.contactId) throw new ProtocolFailure('notFound', `Attachment ${id} was not uploaded.`);
    if (stored.messageId !== null) throw new ProtocolFailure('conflict', `Attachment ${id} was already sent.`);
    const check = checkAttachment(stored, 'portal');
    if (!check.ok) throw new ProtocolFailure('invalid', describeRefusal(check.refusal));
    attachments.push({ id: stored.id, name: stored.name, mimeType: stored.mimeType, size: stored.size, kind: stored.kind });
  }
  return attachments;
}

/**
 * Whether the customer may fetch a file: their own upload not sent yet, or a file on a message of
 * one of their conversations that the portal shows them (not a note, not deleted).
 */
export async function customerMaySee(deps: Pick<PortalDeps, 'db'>, session: PortalSession, attachment: StoredAttachment): Promise<boolean> {
  if (attachment.messageId === null) return attachment.uploadedByContact === session.contactId;
  const message = await findMessage(deps.db, session.tenantId, attachment.messageId);
  if (!message || message.kind === 'note' || message.direction === 'system' || message.deletedAt !== null) return false;
  return (await customerConversation(deps.db, session, message.conversationId)) !== null;
}

/** The customer has seen the thread up to `upToSeq`: staff replies up to there become read. */
export async function markReadByCustomer(deps: PortalDeps, session: PortalSession, conversationId: string, upToSeq: number): Promise<void> {
  const conversation = await customerConversation(deps.db, session, conversationId);
  if (!conversation) throw notFound(conversationId);
  await advanceAll(deps, session, [conversation.id], ['sent', 'delivered'], 'read', upToSeq);
}

/** Staff replies the portal has just shown the customer are delivered. */
function markDelivered(deps: PortalDeps, session: PortalSession, conversationIds: string[]): Promise<void> {
  return advanceAll(deps, session, conversationIds, ['sent'], 'delivered');
}

async function advanceAll(
  deps: PortalDeps,
  session: PortalSession,
  conversationIds: string[],
  from: ('sent' | 'delivered')[],
  to: 'delivered' | 'read',
  upToSeq?: number,
): Promise<void> {
  // Looking first keeps a page load that changes nothing out of the write lock.
  if ((await unseenStaffMessages(deps.db, session.tenantId, conversationIds, from, upToSeq)).length === 0) return;
  await deps.writer.run(session.tenantId, async (ctx) => {
    for (const message of await unseenStaffMessages(ctx.trx, session.tenantId, conversationIds, from, upToSeq)) {
      await advanceStatus(ctx, message, to);
    }
  });
}
