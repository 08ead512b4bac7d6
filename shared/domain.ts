// Domain model shared by the backend, the core and the renderer.
// Schemas double as validators for anything that crosses a process or network boundary:
// a malformed server payload must fail loudly here, not corrupt the cache.
import { z } from 'zod';
import { systemEventSchema } from './systemEvents';

export const CHANNELS = ['whatsapp', 'sms', 'email', 'portal', 'messenger', 'voice'] as const;
export const channelSchema = z.enum(CHANNELS);
export type Channel = z.infer<typeof channelSchema>;

/**
 * queued: waiting for an agent; active: assigned and open; pending: waiting on the customer;
 * resolved: closed by an agent or by inactivity; abandoned: the customer left before an agent
 * accepted. Which moves are allowed is `shared/workflow/transitions.ts`.
 */
export const CONVERSATION_STATUSES = ['queued', 'active', 'pending', 'resolved', 'abandoned'] as const;
export const conversationStatusSchema = z.enum(CONVERSATION_STATUSES);
export type ConversationStatus = z.infer<typeof conversationStatusSchema>;
/** Statuses in which a conversation is still being worked; a customer message joins such a one. */
export const OPEN_STATUSES = ['queued', 'active', 'pending'] as const satisfies readonly ConversationStatus[];

/** An agent's availability: only `available` agents receive new conversations. */
export const AGENT_STATUSES = ['available', 'busy', 'away'] as const;
export const agentStatusSchema = z.enum(AGENT_STATUSES);
export type AgentStatus = z.infer<typeof agentStatusSchema>;

/** Workflow labels, highlighted in the inbox; tags are free-form besides these. */
export const WORKFLOW_LABELS = ['followUp', 'escalated', 'bug', 'feature'] as const;
export const workflowLabelSchema = z.enum(WORKFLOW_LABELS);
export type WorkflowLabel = z.infer<typeof workflowLabelSchema>;

/** How a queue hands out new conversations: only by Accept, or automatically. */
export const ROUTING_MODES = ['manual', 'roundRobin', 'leastLoaded'] as const;
export const routingModeSchema = z.enum(ROUTING_MODES);
export type RoutingMode = z.infer<typeof routingModeSchema>;

export const MAX_TAG_LENGTH = 40;
export const tagSchema = z.string().trim().min(1).max(MAX_TAG_LENGTH);

/** Who wrote a message: the customer, an agent, or the system (assignment, call ended, ...). */
export const messageDirectionSchema = z.enum(['inbound', 'outbound', 'system']);
export type MessageDirection = z.infer<typeof messageDirectionSchema>;

/** text: an ordinary message; note: internal, never sent to a customer; call: a voice-call record. */
export const messageKindSchema = z.enum(['text', 'note', 'call']);
export type MessageKind = z.infer<typeof messageKindSchema>;

/**
 * Delivery state of an outbound message. `pending` exists only on the client (optimistic row not
 * yet acknowledged); `failed` is a permanent rejection by the server or the carrier.
 */
export const deliveryStatusSchema = z.enum(['pending', 'sent', 'delivered', 'read', 'failed']);
export type DeliveryStatus = z.infer<typeof deliveryStatusSchema>;

const id = z.string().min(1).max(100);
/** Epoch milliseconds. */
const epochMs = z.number().int().nonnegative();

/** Agents with this role may create, edit and delete the team's canned messages. */
export const AGENT_ROLES = ['agent', 'supervisor'] as const;
export type AgentRole = (typeof AGENT_ROLES)[number];

export const agentSchema = z.object({
  id,
  name: z.string().min(1).max(200),
  email: z.string().email().max(320),
  /** Absent from older payloads: an ordinary agent. */
  role: z.enum(AGENT_ROLES).optional(),
});
export type Agent = z.infer<typeof agentSchema>;

export const queueSchema = z.object({ id, name: z.string().min(1).max(200), routing: routingModeSchema });
export type Queue = z.infer<typeof queueSchema>;

/** An agent as the team sees it: availability, queues worked and how many conversations at once. */
export const agentProfileSchema = agentSchema.extend({
  status: agentStatusSchema,
  /** Most active/pending conversations routing assigns at once. */
  capacity: z.number().int().min(0).max(1_000),
  queueIds: z.array(id).max(100),
  seq: z.number().int().nonnegative(),
});
export type AgentProfile = z.infer<typeof agentProfileSchema>;

/** Tenant-wide workflow settings: closure reasons offered when resolving, predefined tags. */
export const workflowSettingsSchema = z.object({
  closureReasons: z.array(z.string().min(1).max(100)).min(1).max(50),
  tags: z.array(tagSchema).max(200),
});
export type WorkflowSettings = z.infer<typeof workflowSettingsSchema>;

export const contactSchema = z.object({
  id,
  name: z.string().min(1).max(200),
  phone: z.string().max(40).nullable(),
  email: z.string().max(320).nullable(),
  createdAt: epochMs,
  /** seq of the change that produced this version; last writer wins in server order. */
  seq: z.number().int().nonnegative(),
  /** Address, attributes and linked records; absent from older payloads (read as EMPTY_PROFILE). */
  profile: z.lazy(() => contactProfileSchema).optional(),
});
export type Contact = z.infer<typeof contactSchema>;

export const conversationSchema = z.object({
  id,
  contactId: id,
  /** The channel the conversation started on; each message carries its own channel too. */
  channel: channelSchema,
  status: conversationStatusSchema,
  queueId: id,
  assigneeId: id.nullable(),
  subject: z.string().max(500).nullable(),
  createdAt: epochMs,
  lastMessageAt: epochMs,
  /** Plain-text preview of the last customer/agent message (notes and system lines excluded). */
  lastMessagePreview: z.string().max(500),
  lastMessageDirection: messageDirectionSchema.nullable(),
  /** When the customer last wrote (WhatsApp's 24-hour window and the inactivity timers run from here); null if never. */
  lastInboundAt: epochMs.nullable().default(null),
  /** Since when the customer waits for an agent's reply; null when the agent side spoke last. */
  waitingSince: epochMs.nullable(),
  tags: z.array(tagSchema).max(50),
  labels: z.array(workflowLabelSchema).max(WORKFLOW_LABELS.length),
  /** The contact's earlier conversation this one follows (a reply after it was resolved). */
  previousConversationId: id.nullable(),
  /** Set while resolved: the reason picked from the tenant's list, or the automatic one. */
  closureReason: z.string().max(100).nullable(),
  seq: z.number().int().nonnegative(),
  /** The linked record the conversation is about; null or absent: a general enquiry. */
  linkedRecord: z.lazy(() => conversationLinkSchema).nullable().optional(),
});
export type Conversation = z.infer<typeof conversationSchema>;

/** What a conversation holds before its first message: no preview, nobody waiting, no tags. */
export type ConversationBeforeFirstMessage = Pick<
  Conversation,
  'lastMessagePreview' | 'lastMessageDirection' | 'waitingSince' | 'lastInboundAt' | 'tags' | 'labels' | 'closureReason'
>;

/** Fresh arrays on every call, so no two conversations share a tag list. */
export function beforeFirstMessage(): ConversationBeforeFirstMessage {
  return { lastMessagePreview: '', lastMessageDirection: null, waitingSince: null, lastInboundAt: null, tags: [], labels: [], closureReason: null };
}

export const transcriptLineSchema = z.object({
  speaker: z.enum(['customer', 'agent']),
  atSec: z.number().nonnegative(),
  text: z.string().max(10_000),
});
export type TranscriptLine = z.infer<typeof transcriptLineSchema>;

export const CALL_OUTCOMES = ['completed', 'transferred', 'voicemail', 'failed'] as const;
export const callOutcomeSchema = z.enum(CALL_OUTCOMES);
export type CallOutcome = z.infer<typeof callOutcomeSchema>;

export const callRecordSchema = z.object({
  durationSec: z.number().int().nonnegative(),
  transcript: z.array(transcriptLineSchema).max(2_000),
  /** Completed, transferred to staff, voicemail, or failed. */
  outcome: callOutcomeSchema.default('completed'),
  /** A short summary of the call, when the carrier or an agent wrote one. */
  summary: z.string().max(2_000).nullable().default(null),
});
export type CallRecord = z.infer<typeof callRecordSchema>;

export const MAX_MESSAGE_BODY = 10_000;

/** The reactions agents (and customers, on channels that have them) can put on any message. */
export const REACTION_EMOJIS = ['👍', '❤️', '😂', '😮', '😢', '🔥'] as const;
export const reactionEmojiSchema = z.enum(REACTION_EMOJIS);
export type ReactionEmoji = z.infer<typeof reactionEmojiSchema>;

export const reactionSchema = z.object({
  emoji: reactionEmojiSchema,
  /** The agent who reacted; null for the customer. */
  agentId: id.nullable(),
});
export type Reaction = z.infer<typeof reactionSchema>;

export const ATTACHMENT_KINDS = ['image', 'document', 'video'] as const;
export const attachmentKindSchema = z.enum(ATTACHMENT_KINDS);
export type AttachmentKind = z.infer<typeof attachmentKindSchema>;

/** Metadata of a file sent with a message; the bytes are fetched by id (see shared/attachments.ts). */
export const attachmentSchema = z.object({
  /** Client-generated UUIDv7 for uploads by agents (the upload's idempotency key). */
  id,
  name: z.string().min(1).max(255),
  mimeType: z.string().min(1).max(100),
  size: z.number().int().nonnegative(),
  kind: attachmentKindSchema,
});
export type Attachment = z.infer<typeof attachmentSchema>;

export const MAX_ATTACHMENTS_PER_MESSAGE = 10;

/** The message a reply quotes, as it was when quoted (the original may be cached or not). */
export const replyToSchema = z.object({
  messageId: id,
  direction: messageDirectionSchema,
  authorAgentId: id.nullable(),
  /** The start of the quoted text, flattened. */
  excerpt: z.string().max(300),
});
export type ReplyTo = z.infer<typeof replyToSchema>;

/**
 * The customer's copy of an edited or deleted message: `updated` when the channel changed it too;
 * otherwise the customer still has the original, because the channel cannot change a sent message
 * (`unsupported`: SMS, email), only a recent one (`tooLate`), or the carrier refused (`failed`).
 */
export const CUSTOMER_COPY_STATES = ['updated', 'unsupported', 'tooLate', 'failed'] as const;
export const customerCopySchema = z.enum(CUSTOMER_COPY_STATES);
export type CustomerCopy = z.infer<typeof customerCopySchema>;

export const messageSchema = z.object({
  id,
  /** Client-generated UUIDv7 for agent messages; the idempotency key. Null for inbound/system. */
  clientId: z.string().max(100).nullable(),
  conversationId: id,
  /** The seq of the change that created the message: a tenant-wide, gap-free order. */
  seq: z.number().int().nonnegative(),
  direction: messageDirectionSchema,
  kind: messageKindSchema,
  channel: channelSchema,
  authorAgentId: id.nullable(),
  body: z.string().max(MAX_MESSAGE_BODY),
  createdAt: epochMs,
  /** Only outbound messages have a delivery status. */
  status: deliveryStatusSchema.nullable(),
  /** seq of the last status change, so that a late, older status never overwrites a newer one. */
  statusSeq: z.number().int().nonnegative(),
  call: callRecordSchema.nullable(),
  // The fields below default when absent, so rows written before they existed still parse.
  /** The message this one answers (a quote). */
  replyTo: replyToSchema.nullable().default(null),
  /** Set when the author edited the body. */
  editedAt: epochMs.nullable().default(null),
  /** Set when the author deleted the message; body and attachments are then emptied. */
  deletedAt: epochMs.nullable().default(null),
  reactions: z.array(reactionSchema).max(200).default([]),
  attachments: z.array(attachmentSchema).max(MAX_ATTACHMENTS_PER_MESSAGE).default([]),
  /** Written by an automation (bot, auto-reply), not a person: shown with a badge. */
  automated: z.boolean().default(false),
  /** What became of the customer's copy after the last edit or deletion; null: not changed since sent, or never sent. */
  customerCopy: customerCopySchema.nullable().default(null),
  /** What a system line records, for the console to word in the agent's language; null on other messages. */
  event: systemEventSchema.nullable().default(null),
  /** seq of the last change to body, edit/delete state or reactions (last writer wins). */
  revSeq: z.number().int().nonnegative().default(0),
});
export type Message = z.infer<typeof messageSchema>;

// ---------------------------------------------------------------------------------------------
// Linked records: typed business data the backend attaches to a contact (a garage's vehicles and
// work orders, a shop's orders and loyalty points, a field-service company's appointments), shown
// in the customer panel and usable as template variables ({{vehicle.registration}}, ...).
// New fields are optional on the wire so that older payloads still parse.

const shortText = z.string().max(200);

/** An amount in minor units (cents) with its ISO 4217 currency, formatted by the renderer. */
export const moneySchema = z.object({ minor: z.number().int(), currency: z.string().length(3) });
export type Money = z.infer<typeof moneySchema>;

export const vehicleSchema = z.object({
  id,
  registration: z.string().min(1).max(20),
  make: shortText,
  model: shortText,
  year: z.number().int().min(1900).max(2200).nullable(),
});
export type Vehicle = z.infer<typeof vehicleSchema>;

export const ORDER_KINDS = ['order', 'workOrder'] as const;
export const ORDER_STATUSES = ['open', 'scheduled', 'inProgress', 'shipped', 'completed', 'cancelled'] as const;
export const orderSchema = z.object({
  id,
  kind: z.enum(ORDER_KINDS),
  /** The number the customer knows it by ("WO-1042", "#58213"). */
  number: z.string().min(1).max(40),
  title: shortText,
  status: z.enum(ORDER_STATUSES),
  scheduledAt: epochMs.nullable(),
  amount: moneySchema.nullable(),
  /** The vehicle a work order is for. */
  vehicleId: id.nullable(),
  createdAt: epochMs,
});
export type Order = z.infer<typeof orderSchema>;

export const appointmentSchema = z.object({ id, at: epochMs, title: shortText, location: shortText.nullable() });
export type Appointment = z.infer<typeof appointmentSchema>;

export const voucherSchema = z.object({
  id,
  code: z.string().min(1).max(40),
  description: shortText,
  expiresAt: epochMs.nullable(),
  redeemed: z.boolean(),
});
export type Voucher = z.infer<typeof voucherSchema>;

export const contactNoteSchema = z.object({
  id,
  body: z.string().min(1).max(5_000),
  authorAgentId: id.nullable(),
  createdAt: epochMs,
});
export type ContactNote = z.infer<typeof contactNoteSchema>;

export const loyaltySchema = z.object({ points: z.number().int().nonnegative(), tier: shortText.nullable() });
export type Loyalty = z.infer<typeof loyaltySchema>;

export const LIFECYCLES = ['lead', 'customer', 'vip', 'churned'] as const;
export type Lifecycle = (typeof LIFECYCLES)[number];

/** Attribute names are identifiers so that they can be template variables ({{membership}}). */
export const ATTRIBUTE_NAME = /^[a-z][a-z0-9_]{0,39}$/;
export const attributeNameSchema = z.string().regex(ATTRIBUTE_NAME, 'lower-case letters, digits and _');
export const attributesSchema = z.record(attributeNameSchema, z.string().max(500));

export const channelIdentitySchema = z.object({ channel: channelSchema, handle: z.string().min(1).max(320) });
export type ChannelIdentity = z.infer<typeof channelIdentitySchema>;

export const contactProfileSchema = z.object({
  address: z.string().max(500).nullable(),
  lifecycle: z.enum(LIFECYCLES).nullable(),
  identities: z.array(channelIdentitySchema).max(20),
  /** Custom attributes, edited inline by agents. */
  attributes: attributesSchema,
  vehicles: z.array(vehicleSchema).max(50),
  orders: z.array(orderSchema).max(200),
  appointments: z.array(appointmentSchema).max(100),
  loyalty: loyaltySchema.nullable(),
  vouchers: z.array(voucherSchema).max(100),
  notes: z.array(contactNoteSchema).max(500),
});
export type ContactProfile = z.infer<typeof contactProfileSchema>;

export const EMPTY_PROFILE: ContactProfile = {
  address: null,
  lifecycle: null,
  identities: [],
  attributes: {},
  vehicles: [],
  orders: [],
  appointments: [],
  loyalty: null,
  vouchers: [],
  notes: [],
};

/**
 * What a conversation is about: one of its contact's linked records, with a display label so that
 * a reader without the contact (the customer portal) can show it. Null: a general enquiry.
 */
export const conversationLinkSchema = z.object({
  type: z.enum(['vehicle', 'order', 'appointment']),
  id,
  /** "AB12 CDE · Ford Focus", "WO-1042 · Brake service". */
  label: shortText,
});
export type ConversationLink = z.infer<typeof conversationLinkSchema>;

// ---------------------------------------------------------------------------------------------
// Canned messages

export const CANNED_SCOPES = ['personal', 'team'] as const;
export type CannedScope = (typeof CANNED_SCOPES)[number];
export const cannedMessageSchema = z.object({
  id,
  scope: z.enum(CANNED_SCOPES),
  /** The owner of a personal canned message; null for team ones. */
  ownerAgentId: id.nullable(),
  title: z.string().trim().min(1).max(120),
  /** Typed after `/` in the composer: letters, digits, - and _. */
  shortcut: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,29}$/, 'lower-case letters, digits, - and _'),
  category: z.string().trim().min(1).max(60),
  body: z.string().trim().min(1).max(MAX_MESSAGE_BODY),
  updatedAt: epochMs,
  seq: z.number().int().nonnegative(),
});
export type CannedMessage = z.infer<typeof cannedMessageSchema>;

export type MessageExtras = Pick<
  Message,
  'replyTo' | 'editedAt' | 'deletedAt' | 'reactions' | 'attachments' | 'automated' | 'revSeq' | 'customerCopy' | 'event'
>;

/** The fields a message has before anyone replies to, edits, deletes or reacts to it. */
export function plainMessageFields(): MessageExtras {
  return { replyTo: null, editedAt: null, deletedAt: null, reactions: [], attachments: [], automated: false, revSeq: 0, customerCopy: null, event: null };
}
