// message.send: an agent's reply or internal note.
import type { Kysely } from 'kysely';
import { checkAttachment, describeRefusal, refusalReason } from '../../shared/attachments';
import { findTemplate, renderTemplate, whatsappWindow } from '../../shared/channels/whatsapp';
import { type Attachment, type Conversation, type DeliveryStatus, type Message, plainMessageFields, type ReplyTo } from '../../shared/domain';
import { isClosed } from '../../shared/workflow/transitions';
import type { SocketRequest, SocketResponse } from '../../shared/protocol';
import { previewOf } from '../../shared/text/badge';
import { findAttachment } from '../attachments/store';
import type { ChannelAdapters } from '../channels/registry';
import { handleKindFor, type OutboundChannel, outboundChannelFor } from '../channels/adapter';
import type { DB } from '../db/schema';
import { ProtocolFailure } from '../errors';
import { reason } from '../../shared/reasons';
import { contactAddress } from '../store/contacts';
import { getConversation } from '../store/conversations';
import type { Session } from '../store/directory';
import { saveResult } from '../store/idempotency';
import { attachToMessage, findMessage } from '../store/messages';
import type { Writer } from '../sync/writer';
import { appendMessage } from './appendMessage';
import { priorResult } from './idempotent';

export interface SendDeps {
  db: Kysely<DB>;
  writer: Writer;
  channels: ChannelAdapters;
  newId: () => string;
  onError: (error: unknown) => void;
  now: () => number;
}

type SendRequest = Required<SocketRequest<'message.send'>>;
type SendResponse = SocketResponse<'message.send'>;
const OPERATION = 'message.send';
const EXCERPT_LENGTH = 140;

/** What the message says and carries, once the request is checked against the channel's rules. */
interface Resolved {
  body: string;
  replyTo: ReplyTo | null;
  attachments: Attachment[];
}

export async function sendMessage(deps: SendDeps, session: Session, request: SendRequest): Promise<SendResponse> {
  const { tenantId, agentId } = session;
  const found = await getConversation(deps.db, tenantId, request.conversationId);
  if (!found) throw new ProtocolFailure('notFound', `Conversation ${request.conversationId} not found.`, reason('conversationUnavailable'));
  const earlier = await priorResult<SendResponse>(deps.db, tenantId, request.clientId, OPERATION);
  if (earlier) return earlier;
  requireWritable(found);

  const outbound = outboundChannelFor(found.channel);
  const isNote = request.kind === 'note';
  const channel = isNote ? found.channel : outbound;
  const resolved = await resolve(deps, session, found, outbound, request);
  // Notes stay inside the desk: they never reach an adapter and have no delivery status.
  const hand = isNote ? null : await handOver(deps, tenantId, found.contactId, outbound, request.clientId, resolved);

  return deps.writer.run(tenantId, async (ctx) => {
    // A concurrent repeat may have committed while the carrier was answering.
    const repeat = await priorResult<SendResponse>(ctx.trx, tenantId, request.clientId, OPERATION);
    if (repeat) return repeat;
    const conversation = await getConversation(ctx.trx, tenantId, request.conversationId);
    if (!conversation) throw new ProtocolFailure('notFound', `Conversation ${request.conversationId} not found.`, reason('conversationUnavailable'));
    requireWritable(conversation);
    const draft: Omit<Message, 'seq' | 'statusSeq'> = {
      id: hand?.messageId ?? deps.newId(),
      clientId: request.clientId,
      conversationId: conversation.id,
      direction: 'outbound',
      kind: request.kind,
      channel,
      authorAgentId: agentId,
      body: resolved.body,
      createdAt: ctx.now,
      status: hand?.status ?? null,
      call: null,
      ...plainMessageFields(),
      replyTo: resolved.replyTo,
      attachments: resolved.attachments,
    };
    const { message } = await appendMessage(ctx, tenantId, conversation, draft, hand?.externalId ?? null, conversation);
    await attachToMessage(ctx.trx, tenantId, resolved.attachments.map((a) => a.id), message.id);
    const result: SendResponse = { message };
    await saveResult(ctx.trx, { tenantId, clientId: request.clientId, agentId, operation: OPERATION, result, now: ctx.now });
    return result;
  });
}

async function resolve(deps: SendDeps, session: Session, conversation: Conversation, outbound: OutboundChannel, request: SendRequest): Promise<Resolved> {
  let body = request.body;
  if (request.template !== null) {
    if (outbound !== 'whatsapp') throw new ProtocolFailure('invalid', 'Templates are sent on WhatsApp only.', reason('templateWhatsappOnly'));
    if (body !== '' || request.attachmentIds.length > 0) throw new ProtocolFailure('invalid', 'A template is sent as approved: no added text or files.', reason('templateNoExtras'));
    const template = findTemplate(request.template.id);
    if (!template) throw new ProtocolFailure('invalid', `"${request.template.id}" is not an approved template.`, reason('templateNotApproved', { template: request.template.id }));
    const rendered = renderTemplate(template, request.template.params);
    if (!rendered.ok) throw new ProtocolFailure('invalid', rendered.error, reason('templateValues'));
    body = rendered.body;
  } else if (request.kind === 'text' && outbound === 'whatsapp') {
    const window = whatsappWindow(conversation.lastInboundAt, deps.now());
    if (!window.open) {
      throw new ProtocolFailure(
        'forbidden',
        conversation.lastInboundAt === null
          ? 'The customer has not written on WhatsApp yet: only an approved template can start the conversation.'
          : "WhatsApp's 24-hour window is closed (the customer last wrote more than 24 hours ago): only an approved template can be sent.",
        reason(conversation.lastInboundAt === null ? 'whatsappNotStarted' : 'whatsappWindowClosed'),
      );
    }
  }

  let replyTo: ReplyTo | null = null;
  if (request.replyToId !== null) {
    const quoted = await findMessage(deps.db, session.tenantId, request.replyToId);
    if (!quoted || quoted.conversationId !== conversation.id) {
      throw new ProtocolFailure('notFound', `Message ${request.replyToId} is not in this conversation.`, reason('quotedUnavailable'));
    }
    replyTo = {
      messageId: quoted.id,
      direction: quoted.direction,
      authorAgentId: quoted.authorAgentId,
      excerpt: quoted.deletedAt === null ? previewOf(quoted.body, EXCERPT_LENGTH) : '',
    };
  }

  const attachments: Attachment[] = [];
  for (const id of new Set(request.attachmentIds)) {
    const stored = await findAttachment(deps.db, session.tenantId, id);
    if (!stored || stored.uploadedBy !== session.agentId) throw new ProtocolFailure('notFound', `Attachment ${id} was not uploaded.`, reason('attachmentMissing'));
    if (stored.messageId !== null) throw new ProtocolFailure('conflict', `Attachment ${id} was already sent.`);
    const check = checkAttachment(stored, outbound);
    if (!check.ok) throw new ProtocolFailure('invalid', describeRefusal(check.refusal), refusalReason(check.refusal));
    attachments.push({ id: stored.id, name: stored.name, mimeType: stored.mimeType, size: stored.size, kind: stored.kind });
  }
  return { body, replyTo, attachments };
}

/** Resolved and abandoned conversations are read-only until an agent reopens them. */
function requireWritable(conversation: Conversation): void {
  if (isClosed(conversation.status)) {
    throw new ProtocolFailure('conflict', `This conversation is ${conversation.status}; reopen it to write in it.`, reason('closedForWriting', { status: conversation.status }));
  }
}

/** Gives an agent's message to the channel's carrier; a refusal becomes a failed message. */
export async function handOver(
  deps: Pick<SendDeps, 'db' | 'channels' | 'newId' | 'onError'>,
  tenantId: string,
  contactId: string,
  channel: OutboundChannel,
  idempotencyKey: string,
  resolved: Resolved,
): Promise<{ messageId: string; externalId: string | null; status: DeliveryStatus }> {
  const messageId = deps.newId();
  const to = await contactAddress(deps.db, contactId, handleKindFor(channel));
  if (to === null) return { messageId, externalId: null, status: 'failed' };
  try {
    const { externalId } = await deps.channels[channel].send({
      tenantId,
      channel,
      to,
      body: resolved.body,
      attachments: resolved.attachments,
      idempotencyKey,
    });
    return { messageId, externalId, status: 'sent' };
  } catch (error) {
    deps.onError(error);
    return { messageId, externalId: null, status: 'failed' };
  }
}
