// Changes to a stored message: an agent edits or deletes their own message, or anyone reacts to
// any message. Each is idempotent by client id and produces one `message.updated` event carrying
// the whole message at its new revision (revSeq = the event's seq), so clients converge by
// last-writer-wins. An edit or deletion of a reply the customer received goes to the carrier as
// well where it can change a sent message; where it cannot, the message says so (customerCopy)
// instead of pretending the customer's copy changed.
import type { Kysely } from 'kysely';
import type { CustomerCopy, Message } from '../../shared/domain';
import { withReaction } from '../../shared/messageExtras';
import type { SocketRequest, SocketResponse } from '../../shared/protocol';
import { handleKindFor, outboundChannelFor, type OutboundChange } from '../channels/adapter';
import type { ChannelAdapters } from '../channels/registry';
import type { DB } from '../db/schema';
import { ProtocolFailure } from '../errors';
import { reason } from '../../shared/reasons';
import { contactAddress } from '../store/contacts';
import { getConversation, saveConversation } from '../store/conversations';
import type { Session } from '../store/directory';
import { saveResult } from '../store/idempotency';
import { externalIdOf, findMessage, latestPreviewMessage, updateMessageContent } from '../store/messages';
import type { Writer, WriteContext } from '../sync/writer';
import { previewOf } from './appendMessage';
import { priorResult } from './idempotent';

export interface MessageChangeDeps {
  db: Kysely<DB>;
  writer: Writer;
  channels: ChannelAdapters;
  now: () => number;
  onError: (error: unknown) => void;
}

type Answer = SocketResponse<'message.edit'>;

async function change(
  deps: MessageChangeDeps,
  session: Session,
  clientId: string,
  messageId: string,
  operation: string,
  next: (message: Message, now: number) => Message,
  /** Runs before the write, outside the lock (a carrier may take its time): the customer's side. */
  tellCustomer?: (message: Message) => Promise<CustomerCopy | null>,
): Promise<Answer> {
  const { tenantId, agentId } = session;
  const earlier = await priorResult<Answer>(deps.db, tenantId, clientId, operation);
  if (earlier) return earlier;
  let customerCopy: CustomerCopy | null = null;
  if (tellCustomer) {
    const before = await findMessage(deps.db, tenantId, messageId);
    if (!before) throw new ProtocolFailure('notFound', `Message ${messageId} not found.`, reason('messageUnavailable'));
    // Checked here too, so that a refused change never reaches the carrier.
    next(before, deps.now());
    customerCopy = await tellCustomer(before);
  }
  return deps.writer.run(tenantId, async (ctx) => {
    const repeat = await priorResult<Answer>(ctx.trx, tenantId, clientId, operation);
    if (repeat) return repeat;
    const current = await findMessage(ctx.trx, tenantId, messageId);
    if (!current) throw new ProtocolFailure('notFound', `Message ${messageId} not found.`, reason('messageUnavailable'));
    const seq = await ctx.changes.nextSeq();
    const changed = next(current, ctx.now);
    const message: Message = { ...changed, customerCopy: tellCustomer && changed !== current ? customerCopy : current.customerCopy, revSeq: seq };
    await updateMessageContent(ctx.trx, tenantId, message);
    await ctx.changes.record({ seq, type: 'message.updated', message });
    if (message.body !== current.body) await refreshPreview(ctx, tenantId, message.conversationId);
    const result: Answer = { message };
    await saveResult(ctx.trx, { tenantId, clientId, agentId, operation, result, now: ctx.now });
    return result;
  });
}

/** An edit or deletion of the newest message changes the inbox preview too. */
async function refreshPreview(ctx: WriteContext, tenantId: string, conversationId: string): Promise<void> {
  const conversation = await getConversation(ctx.trx, tenantId, conversationId);
  if (!conversation) return;
  const latest = await latestPreviewMessage(ctx.trx, tenantId, conversationId);
  const preview = latest ? previewOf(latest.body) : '';
  if (preview === conversation.lastMessagePreview) return;
  const seq = await ctx.changes.nextSeq();
  const updated = { ...conversation, lastMessagePreview: preview, seq };
  await saveConversation(ctx.trx, tenantId, updated);
  await ctx.changes.record({ seq, type: 'conversation.upserted', conversation: updated });
}

function requireOwnEditable(message: Message, agentId: string, what: string): void {
  if (message.authorAgentId !== agentId || message.direction !== 'outbound') {
    throw new ProtocolFailure('forbidden', `Only the author can ${what} a message.`, reason(what === 'delete' ? 'onlyAuthorDelete' : 'onlyAuthorEdit'));
  }
  if (message.deletedAt !== null) throw new ProtocolFailure('conflict', 'The message was deleted.', reason('messageDeleted'));
  if (message.kind === 'call') throw new ProtocolFailure('invalid', `A call record cannot be ${what}ed.`, reason('callNotEditable'));
}

/**
 * Hands an edit or deletion of a reply to its carrier, if the customer ever received the reply.
 * Internal notes have no customer side; a failed send left nothing to change.
 */
async function changeAtCustomer(
  deps: MessageChangeDeps,
  tenantId: string,
  message: Message,
  action: OutboundChange['action'],
  body: string,
  idempotencyKey: string,
): Promise<CustomerCopy | null> {
  if (message.kind !== 'text' || message.status === null || message.status === 'failed') return null;
  if (action === 'edit' && message.body === body) return message.customerCopy;
  const channel = outboundChannelFor(message.channel);
  const adapter = deps.channels[channel];
  const window = action === 'edit' ? adapter.changeWindow.editMs : adapter.changeWindow.deleteMs;
  if (window === null) return 'unsupported';
  if (deps.now() - message.createdAt > window) return 'tooLate';
  const externalId = await externalIdOf(deps.db, tenantId, message.id);
  const conversation = await getConversation(deps.db, tenantId, message.conversationId);
  const to = conversation ? await contactAddress(deps.db, conversation.contactId, handleKindFor(channel)) : null;
  if (externalId === null || to === null) return 'failed';
  try {
    await adapter.change({ tenantId, channel, to, action, externalId, body, idempotencyKey });
    return 'updated';
  } catch (error) {
    deps.onError(error);
    return 'failed';
  }
}

export function editMessage(deps: MessageChangeDeps, session: Session, request: Required<SocketRequest<'message.edit'>>): Promise<Answer> {
  return change(
    deps,
    session,
    request.clientId,
    request.messageId,
    'message.edit',
    (m, now) => {
      requireOwnEditable(m, session.agentId, 'edit');
      if (m.body === request.body) return m;
      return { ...m, body: request.body, editedAt: now };
    },
    (m) => changeAtCustomer(deps, session.tenantId, m, 'edit', request.body, request.clientId),
  );
}

export function deleteMessage(deps: MessageChangeDeps, session: Session, request: Required<SocketRequest<'message.delete'>>): Promise<Answer> {
  return change(
    deps,
    session,
    request.clientId,
    request.messageId,
    'message.delete',
    (m, now) => {
      requireOwnEditable(m, session.agentId, 'delete');
      // What was said is gone for everyone in the desk; the row stays as "message deleted".
      return { ...m, body: '', attachments: [], replyTo: null, reactions: [], deletedAt: now };
    },
    (m) => changeAtCustomer(deps, session.tenantId, m, 'delete', '', request.clientId),
  );
}

export function reactToMessage(deps: MessageChangeDeps, session: Session, request: Required<SocketRequest<'message.react'>>): Promise<Answer> {
  return change(deps, session, request.clientId, request.messageId, 'message.react', (m) => {
    if (m.deletedAt !== null) throw new ProtocolFailure('conflict', 'The message was deleted.', reason('messageDeleted'));
    return { ...m, reactions: withReaction(m.reactions, session.agentId, request.emoji, request.on) };
  });
}
