// An agent starts a conversation: with a known contact or a new number/address, on SMS, email or
// WhatsApp. It opens active and assigned to that agent, linked to the contact's previous one.
import type { Kysely } from 'kysely';
import { findTemplate, renderTemplate } from '../../shared/channels/whatsapp';
import { type Contact, type Conversation, beforeFirstMessage, type Message, plainMessageFields } from '../../shared/domain';
import type { SocketResponse } from '../../shared/protocol';
import type { ChannelAdapters } from '../channels/registry';
import { handleKindFor } from '../channels/adapter';
import type { DB } from '../db/schema';
import { ProtocolFailure } from '../errors';
import { reason } from '../../shared/reasons';
import { appendMessage } from '../operations/appendMessage';
import { priorResult } from '../operations/idempotent';
import { handOver } from '../operations/send';
import { contactAddress, findContactByHandle, getContacts, insertContact, type Handle } from '../store/contacts';
import { latestConversationId } from '../store/conversations';
import { firstQueueId, type Session } from '../store/directory';
import { saveResult } from '../store/idempotency';
import { toContact } from '../store/rows';
import type { Writer } from '../sync/writer';
import type { ParsedRequest } from '../socket/handlers';

export interface StartDeps {
  db: Kysely<DB>;
  writer: Writer;
  channels: ChannelAdapters;
  newId: () => string;
  onError: (error: unknown) => void;
}

type StartRequest = ParsedRequest<'conversation.start'>;
type StartResponse = SocketResponse<'conversation.start'>;
const OPERATION = 'conversation.start';

export async function startConversation(deps: StartDeps, session: Session, request: StartRequest): Promise<StartResponse> {
  const { tenantId, agentId } = session;
  const earlier = await priorResult<StartResponse>(deps.db, tenantId, request.clientId, OPERATION);
  if (earlier) return earlier;
  const body = firstMessage(request);
  const contact = await contactFor(deps, tenantId, request.contact);
  const wanted = handleKindFor(request.channel);
  if ((await contactAddress(deps.db, contact.id, wanted)) === null) {
    throw new ProtocolFailure(
      'invalid',
      `${contact.name} has no ${wanted === 'phone' ? 'phone number' : 'email address'} for ${request.channel}.`,
      reason(wanted === 'phone' ? 'contactNoPhone' : 'contactNoEmail', { contact: contact.name, channel: request.channel }),
    );
  }
  // The carrier is called outside the write transaction, as for every agent message.
  const hand = await handOver(deps, tenantId, contact.id, request.channel, request.clientId, { body, replyTo: null, attachments: [] });

  return deps.writer.run(tenantId, async (ctx) => {
    const repeat = await priorResult<StartResponse>(ctx.trx, tenantId, request.clientId, OPERATION);
    if (repeat) return repeat;
    const { trx, now } = ctx;
    // The client names the conversation (its client id, a UUIDv7), so it can open it before the
    // server has answered; the idempotency key makes the name unique.
    const conversation: Conversation = {
      id: request.clientId,
      contactId: contact.id,
      channel: request.channel,
      status: 'active',
      queueId: await firstQueueId(trx, tenantId),
      assigneeId: agentId,
      subject: request.channel === 'email' ? (request.subject ?? null) : null,
      createdAt: now,
      lastMessageAt: now,
      ...beforeFirstMessage(),
      previousConversationId: await latestConversationId(trx, tenantId, contact.id),
      seq: 0,
    };
    const draft: Omit<Message, 'seq' | 'statusSeq'> = {
      id: hand.messageId,
      clientId: request.clientId,
      conversationId: conversation.id,
      direction: 'outbound',
      kind: 'text',
      channel: request.channel,
      authorAgentId: agentId,
      body,
      createdAt: now,
      status: hand.status,
      call: null,
      ...plainMessageFields(),
    };
    const appended = await appendMessage(ctx, tenantId, conversation, draft, hand.externalId);
    const result: StartResponse = { conversation: appended.conversation, contact, message: appended.message };
    await saveResult(trx, { tenantId, clientId: request.clientId, agentId, operation: OPERATION, result, now });
    return result;
  });
}

/** The text that goes out: on WhatsApp only an approved template can open a conversation. */
function firstMessage(request: StartRequest): string {
  if (request.channel !== 'whatsapp') return request.body;
  if (!request.template) throw new ProtocolFailure('invalid', 'template: a WhatsApp conversation starts with an approved template.', reason('whatsappNeedsTemplate'));
  const template = findTemplate(request.template.id);
  if (!template) throw new ProtocolFailure('invalid', `template: "${request.template.id}" is not an approved template.`, reason('templateNotApproved', { template: request.template.id }));
  const rendered = renderTemplate(template, request.template.params);
  if (!rendered.ok) throw new ProtocolFailure('invalid', `template: ${rendered.error}`, reason('templateValues'));
  return rendered.body;
}

/** The contact by id, or the one owning the given number/address, or a new one. */
async function contactFor(deps: StartDeps, tenantId: string, given: StartRequest['contact']): Promise<Contact> {
  if ('contactId' in given) {
    const [found] = await getContacts(deps.db, tenantId, [given.contactId]);
    if (!found) throw new ProtocolFailure('notFound', `Contact ${given.contactId} not found.`, reason('contactUnavailable'));
    return found;
  }
  const handles: Handle[] = [];
  if (given.phone) handles.push({ kind: 'phone', value: given.phone });
  if (given.email) handles.push({ kind: 'email', value: given.email });
  return deps.writer.run(tenantId, async ({ trx, changes, now }) => {
    for (const h of handles) {
      const found = await findContactByHandle(trx, tenantId, h);
      if (found) return found;
    }
    const seq = await changes.nextSeq();
    const contact: Contact = {
      id: deps.newId(),
      name: given.name ?? given.email ?? given.phone ?? 'New contact',
      phone: given.phone ?? null,
      email: given.email ?? null,
      createdAt: now,
      seq,
    };
    await insertContact(trx, tenantId, contact, handles);
    await changes.record({ seq, type: 'contact.upserted', contact });
    return contact;
  });
}

/** Contacts whose name, phone or email contains the query (phone digits compared without punctuation). */
export async function searchContacts(db: Kysely<DB>, tenantId: string, query: string, limit: number): Promise<Contact[]> {
  // LIKE wildcards typed by the agent are taken out rather than escaped (portable across dialects).
  const like = `%${query.toLowerCase().replace(/[%_]/g, '')}%`;
  const digits = query.replace(/[^0-9]/g, '');
  const rows = await db
    .selectFrom('contacts')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['name']), 'like', like),
        eb(eb.fn('lower', ['email']), 'like', like),
        ...(digits.length >= 3
          ? [eb('id', 'in', eb.selectFrom('contact_handles').select('contact_id').where('tenant_id', '=', tenantId).where('kind', '=', 'phone').where('value', 'like', `%${digits}%`))]
          : []),
      ]),
    )
    .orderBy('name')
    .limit(limit)
    .execute();
  return rows.map(toContact);
}
