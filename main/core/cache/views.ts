// Mapping of cache rows to the view types the renderer receives. Pure: rows in, views out.
import type {
  Channel,
  Contact,
  Conversation,
  ConversationStatus,
  DeliveryStatus,
  Message,
  MessageDirection,
  MessageKind,
  WorkflowLabel,
} from '../../../shared/domain';
import { parseMessageExtras } from '../../../shared/messageExtras';
import type { InboxRow, OutboxState, ThreadMessage } from '../../../shared/ipc/contract';
import { reasonFromJson } from '../../../shared/reasons';

export interface InboxSqlRow {
  id: string;
  subject: string | null;
  channel: string;
  status: string;
  last_message_at: number;
  preview: string;
  last_direction: string | null;
  contact_name: string | null;
  assignee_name: string | null;
  unread: number;
  draft?: string | null;
  waiting_since: number | null;
  tags: string;
  labels: string;
  pinned: number;
}

export function toInboxRow(r: InboxSqlRow): InboxRow {
  return {
    conversationId: r.id,
    contactName: r.contact_name ?? '',
    channel: r.channel as Channel,
    status: r.status as ConversationStatus,
    assigneeName: r.assignee_name,
    lastMessageAt: r.last_message_at,
    subject: r.subject,
    preview: r.preview,
    previewFromAgent: r.last_direction === 'outbound',
    unreadCount: r.unread,
    draft: r.draft ?? null,
    waitingSince: r.waiting_since,
    tags: JSON.parse(r.tags) as string[],
    labels: JSON.parse(r.labels) as WorkflowLabel[],
    pinned: r.pinned === 1,
  };
}

export interface ConversationSqlRow {
  id: string;
  contact_id: string;
  channel: string;
  status: string;
  queue_id: string;
  assignee_id: string | null;
  subject: string | null;
  created_at: number;
  last_message_at: number;
  preview: string;
  last_direction: string | null;
  waiting_since: number | null;
  last_inbound_at: number | null;
  tags: string;
  labels: string;
  previous_id: string | null;
  closure_reason: string | null;
  seq: number;
}

export function toConversation(r: ConversationSqlRow): Conversation {
  return {
    id: r.id,
    contactId: r.contact_id,
    channel: r.channel as Channel,
    status: r.status as ConversationStatus,
    queueId: r.queue_id,
    assigneeId: r.assignee_id,
    subject: r.subject,
    createdAt: r.created_at,
    lastMessageAt: r.last_message_at,
    lastMessagePreview: r.preview,
    lastMessageDirection: r.last_direction as MessageDirection | null,
    waitingSince: r.waiting_since,
    lastInboundAt: r.last_inbound_at,
    tags: JSON.parse(r.tags) as string[],
    labels: JSON.parse(r.labels) as WorkflowLabel[],
    previousConversationId: r.previous_id,
    closureReason: r.closure_reason,
    seq: r.seq,
  };
}

export interface ContactSqlRow {
  id: string;
  name: string;
  phone: string | null;
  email: string | null;
  created_at: number;
  seq: number;
}

export function toContact(r: ContactSqlRow): Contact {
  return { id: r.id, name: r.name, phone: r.phone, email: r.email, createdAt: r.created_at, seq: r.seq };
}

export interface MessageSqlRow {
  id: string;
  client_id: string | null;
  conversation_id: string;
  seq: number | null;
  direction: string;
  kind: string;
  channel: string;
  author_agent_id: string | null;
  body: string;
  created_at: number;
  status: string | null;
  status_seq: number;
  call: string | null;
  extra: string | null;
  rev_seq: number;
  local: number;
  author_name: string | null;
  outbox_state: string | null;
  outbox_error: string | null;
  outbox_error_reason: string | null;
}

/**
 * An optimistic row has no server seq yet: it is reported as seq 0 and always listed after the
 * server's messages. `inFlight` is the outbox entry the sender is transmitting right now.
 */
export function toThreadMessage(r: MessageSqlRow, inFlight: string | null): ThreadMessage {
  const message: Message = {
    id: r.id,
    clientId: r.client_id,
    conversationId: r.conversation_id,
    seq: r.seq ?? 0,
    direction: r.direction as MessageDirection,
    kind: r.kind as MessageKind,
    channel: r.channel as Channel,
    authorAgentId: r.author_agent_id,
    body: r.body,
    createdAt: r.created_at,
    status: r.status as DeliveryStatus | null,
    statusSeq: r.status_seq,
    call: r.call === null ? null : (JSON.parse(r.call) as Message['call']),
    ...parseMessageExtras(r.extra),
    revSeq: r.rev_seq,
  };
  const outbox =
    r.local === 1 && r.outbox_state !== null
      ? {
          state: (r.id === inFlight ? 'sending' : r.outbox_state) as OutboxState,
          error: r.outbox_error,
          errorReason: reasonFromJson(r.outbox_error_reason),
          entryId: r.id,
        }
      : null;
  return { ...message, authorName: r.author_name, outbox };
}
