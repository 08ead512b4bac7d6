// Storage rows → domain objects. Numbers go through Number() because other dialects return
// 64-bit integers as strings.
import type { Selectable } from 'kysely';
import {
  callRecordSchema,
  type CannedMessage,
  type Channel,
  type Contact,
  type ContactProfile,
  type ConversationLink,
  type Conversation,
  type ConversationStatus,
  type DeliveryStatus,
  type Message,
  type MessageDirection,
  type MessageKind,
  type WorkflowLabel,
} from '../../shared/domain';
import { parseMessageExtras, serializeMessageExtras } from '../../shared/messageExtras';
import type { CannedMessagesTable, ContactsTable, ConversationsTable, MessagesTable } from '../db/schema';

const nullableNumber = (v: number | null) => (v === null ? null : Number(v));

export function toContact(row: Selectable<ContactsTable>): Contact {
  return {
    id: row.id,
    name: row.name,
    phone: row.phone,
    email: row.email,
    createdAt: Number(row.created_at),
    seq: Number(row.seq),
    ...(row.profile_json === null ? {} : { profile: JSON.parse(row.profile_json) as ContactProfile }),
  };
}

export function toConversation(row: Selectable<ConversationsTable>): Conversation {
  return {
    id: row.id,
    contactId: row.contact_id,
    channel: row.channel as Channel,
    status: row.status as ConversationStatus,
    queueId: row.queue_id,
    assigneeId: row.assignee_id,
    subject: row.subject,
    createdAt: Number(row.created_at),
    lastMessageAt: Number(row.last_message_at),
    lastMessagePreview: row.last_message_preview,
    lastMessageDirection: row.last_message_direction as MessageDirection | null,
    waitingSince: nullableNumber(row.waiting_since),
    lastInboundAt: nullableNumber(row.last_inbound_at),
    tags: JSON.parse(row.tags) as string[],
    labels: JSON.parse(row.labels) as WorkflowLabel[],
    previousConversationId: row.previous_conversation_id,
    closureReason: row.closure_reason,
    seq: Number(row.seq),
    linkedRecord: row.linked_record_json === null ? null : (JSON.parse(row.linked_record_json) as ConversationLink),
  };
}

export function toMessage(row: Selectable<MessagesTable>): Message {
  return {
    id: row.id,
    clientId: row.client_id,
    conversationId: row.conversation_id,
    seq: Number(row.seq),
    direction: row.direction as MessageDirection,
    kind: row.kind as MessageKind,
    channel: row.channel as Channel,
    authorAgentId: row.author_agent_id,
    body: row.body,
    createdAt: Number(row.created_at),
    status: row.status as DeliveryStatus | null,
    statusSeq: Number(row.status_seq),
    call: row.call_json === null ? null : callRecordSchema.parse(JSON.parse(row.call_json)),
    ...parseMessageExtras(row.extra_json),
    revSeq: Number(row.rev_seq),
  };
}

export function fromConversation(tenantId: string, c: Conversation): Selectable<ConversationsTable> {
  return {
    id: c.id,
    tenant_id: tenantId,
    contact_id: c.contactId,
    channel: c.channel,
    status: c.status,
    queue_id: c.queueId,
    assignee_id: c.assigneeId,
    subject: c.subject,
    created_at: c.createdAt,
    last_message_at: c.lastMessageAt,
    last_message_preview: c.lastMessagePreview,
    last_message_direction: c.lastMessageDirection,
    waiting_since: c.waitingSince,
    last_inbound_at: c.lastInboundAt,
    linked_record_json: c.linkedRecord ? JSON.stringify(c.linkedRecord) : null,
    tags: JSON.stringify(c.tags),
    labels: JSON.stringify(c.labels),
    previous_conversation_id: c.previousConversationId,
    closure_reason: c.closureReason,
    seq: c.seq,
  };
}

export function fromMessage(
  tenantId: string,
  m: Message,
  externalId: string | null,
): Selectable<MessagesTable> {
  return {
    id: m.id,
    tenant_id: tenantId,
    conversation_id: m.conversationId,
    client_id: m.clientId,
    external_id: externalId,
    seq: m.seq,
    direction: m.direction,
    kind: m.kind,
    channel: m.channel,
    author_agent_id: m.authorAgentId,
    body: m.body,
    created_at: m.createdAt,
    status: m.status,
    status_seq: m.statusSeq,
    call_json: m.call === null ? null : JSON.stringify(m.call),
    extra_json: serializeMessageExtras(m),
    rev_seq: m.revSeq,
  };
}

export function fromContact(tenantId: string, c: Contact): Selectable<ContactsTable> {
  return {
    id: c.id,
    tenant_id: tenantId,
    name: c.name,
    phone: c.phone,
    email: c.email,
    created_at: c.createdAt,
    seq: c.seq,
    profile_json: c.profile ? JSON.stringify(c.profile) : null,
  };
}

export function toCanned(row: Selectable<CannedMessagesTable>): CannedMessage {
  return {
    id: row.id,
    scope: row.scope as CannedMessage['scope'],
    ownerAgentId: row.owner_agent_id,
    title: row.title,
    shortcut: row.shortcut,
    category: row.category,
    body: row.body,
    updatedAt: Number(row.updated_at),
    seq: Number(row.seq),
  };
}

export function fromCanned(tenantId: string, c: CannedMessage): Selectable<CannedMessagesTable> {
  return {
    id: c.id,
    tenant_id: tenantId,
    scope: c.scope,
    owner_agent_id: c.ownerAgentId,
    title: c.title,
    shortcut: c.shortcut,
    category: c.category,
    body: c.body,
    updated_at: c.updatedAt,
    seq: c.seq,
  };
}
