// Domain model shared by the backend, the core and the renderer.
// Schemas double as validators for anything that crosses a process or network boundary:
// a malformed server payload must fail loudly here, not corrupt the cache.
import { z } from 'zod';

export const CHANNELS = ['whatsapp', 'sms', 'email', 'portal', 'messenger', 'voice'] as const;
export const channelSchema = z.enum(CHANNELS);
export type Channel = z.infer<typeof channelSchema>;

export const CONVERSATION_STATUSES = ['queued', 'assigned', 'resolved'] as const;
export const conversationStatusSchema = z.enum(CONVERSATION_STATUSES);
export type ConversationStatus = z.infer<typeof conversationStatusSchema>;

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

export const agentSchema = z.object({
  id,
  name: z.string().min(1).max(200),
  email: z.string().email().max(320),
});
export type Agent = z.infer<typeof agentSchema>;

export const queueSchema = z.object({ id, name: z.string().min(1).max(200) });
export type Queue = z.infer<typeof queueSchema>;

export const contactSchema = z.object({
  id,
  name: z.string().min(1).max(200),
  phone: z.string().max(40).nullable(),
  email: z.string().max(320).nullable(),
  createdAt: epochMs,
  /** seq of the change that produced this version; last writer wins in server order. */
  seq: z.number().int().nonnegative(),
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
  seq: z.number().int().nonnegative(),
});
export type Conversation = z.infer<typeof conversationSchema>;

export const transcriptLineSchema = z.object({
  speaker: z.enum(['customer', 'agent']),
  atSec: z.number().nonnegative(),
  text: z.string().max(10_000),
});
export type TranscriptLine = z.infer<typeof transcriptLineSchema>;

export const callRecordSchema = z.object({
  durationSec: z.number().int().nonnegative(),
  transcript: z.array(transcriptLineSchema).max(2_000),
});
export type CallRecord = z.infer<typeof callRecordSchema>;

export const MAX_MESSAGE_BODY = 10_000;

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
});
export type Message = z.infer<typeof messageSchema>;
