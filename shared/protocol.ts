// The wire protocol between the core (client) and the messaging backend (server/).
// HTTP carries login and channel webhooks; socket.io carries sync and live events.
// Both sides validate with these schemas, so a payload either parses or is rejected with a clear
// error; nothing half-valid reaches storage.
import { z } from 'zod';
import { reasonSchema } from './reasons';
import { MAX_TEMPLATE_PARAM_LENGTH } from './channels/whatsapp';
import {
  agentProfileSchema,
  agentSchema,
  callOutcomeSchema,
  attributeNameSchema,
  cannedMessageSchema,
  CANNED_SCOPES,
  agentStatusSchema,
  type Channel,
  contactSchema,
  conversationSchema,
  deliveryStatusSchema,
  MAX_ATTACHMENTS_PER_MESSAGE,
  MAX_MESSAGE_BODY,
  messageSchema,
  reactionEmojiSchema,
  queueSchema,
  tagSchema,
  transcriptLineSchema,
  workflowLabelSchema,
  workflowSettingsSchema,
} from './domain';
import { searchFiltersSchema } from './search/filters';
import { MAX_QUERY_LENGTH } from './search/query';

/** An approved WhatsApp template and the values of its placeholders, in order. */
export const templateRequestSchema = z.object({
  id: z.string().min(1).max(100),
  params: z.array(z.string().max(MAX_TEMPLATE_PARAM_LENGTH)).max(10),
});

// ---------------------------------------------------------------------------------------------
// HTTP

export const HTTP = {
  login: '/api/login',
  health: '/api/health',
  /** `/webhooks/:tenant/:channel`, authenticated by the `x-webhook-secret` header. */
  webhook: (tenant: string, channel: string) => `/webhooks/${tenant}/${channel}`,
  /** `/webhooks/:tenant/:channel/activity`: the customer is typing or came online / left. */
  activityWebhook: (tenant: string, channel: string) => `/webhooks/${tenant}/${channel}/activity`,
  /** `/api/attachments/:id`: PUT uploads (with `?conversationId=`), GET downloads; bearer token. */
  attachment: (id: string) => `/api/attachments/${id}`,
} as const;

/** Headers of an attachment upload besides Content-Type and Content-Length. */
export const ATTACHMENT_HEADERS = {
  /** The file's name, URI-encoded. */
  fileName: 'x-file-name',
} as const;

export const WEBHOOK_SECRET_HEADER = 'x-webhook-secret';

export const loginRequestSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(320),
  password: z.string().min(1).max(200),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const loginResponseSchema = z.object({
  token: z.string().min(1),
  agent: agentSchema,
  tenant: z.object({ id: z.string(), slug: z.string(), name: z.string() }),
});
export type LoginResponse = z.infer<typeof loginResponseSchema>;

/** Error body of every non-2xx HTTP answer. */
export const httpErrorSchema = z.object({ error: z.object({ code: z.string(), message: z.string(), reason: reasonSchema.optional() }) });

// Inbound webhooks, one shape per channel, as the (simulated) carriers post them.
// `externalId` is the carrier's message id: a carrier retry with the same id is stored once.
const externalId = z.string().min(1).max(200);
const phone = z.string().regex(/^\+?[0-9 ()-]{5,30}$/, 'a phone number');
const text = z.string().min(1).max(MAX_MESSAGE_BODY);
const displayName = z.string().min(1).max(200).optional();

export const webhookSchemas = {
  whatsapp: z.object({ externalId, from: phone, profileName: displayName, text }),
  sms: z.object({ externalId, from: phone, text }),
  email: z.object({
    externalId,
    from: z.string().email().max(320),
    fromName: displayName,
    subject: z.string().max(500).optional(),
    text,
  }),
  portal: z.object({ externalId, email: z.string().email().max(320), name: displayName, text }),
  messenger: z.object({ externalId, psid: z.string().min(1).max(100), name: displayName, text }),
  voice: z.object({
    externalId,
    from: phone,
    durationSec: z.number().int().nonnegative().max(86_400),
    transcript: z.array(transcriptLineSchema).max(2_000),
    outcome: callOutcomeSchema.default('completed'),
    summary: z.string().max(2_000).optional(),
  }),
} as const satisfies Record<Channel, z.ZodType>;

/** A carrier's typing or presence signal; `from` is the phone, email or psid, as in the message webhook. */
export const activityWebhookSchema = z
  .object({
    from: z.string().min(1).max(320),
    typing: z.boolean().optional(),
    online: z.boolean().optional(),
  })
  .refine((a) => a.typing !== undefined || a.online !== undefined, 'typing or online is required');

export const webhookResponseSchema = z.object({
  conversationId: z.string(),
  messageId: z.string(),
  /** True when the carrier retried a message that was already stored. */
  duplicate: z.boolean(),
});

// ---------------------------------------------------------------------------------------------
// Change log

export const changeEventSchema = z.discriminatedUnion('type', [
  z.object({ seq: z.number().int().positive(), type: z.literal('contact.upserted'), contact: contactSchema }),
  z.object({
    seq: z.number().int().positive(),
    type: z.literal('conversation.upserted'),
    conversation: conversationSchema,
  }),
  z.object({ seq: z.number().int().positive(), type: z.literal('message.created'), message: messageSchema }),
  /** An edit, deletion or reaction: the whole message at revision `message.revSeq` (= seq). */
  z.object({ seq: z.number().int().positive(), type: z.literal('message.updated'), message: messageSchema }),
  z.object({
    seq: z.number().int().positive(),
    type: z.literal('message.status'),
    messageId: z.string(),
    conversationId: z.string(),
    status: deliveryStatusSchema,
  }),
  z.object({
    seq: z.number().int().positive(),
    type: z.literal('conversation.read'),
    conversationId: z.string(),
    agentId: z.string(),
    /** Everything in the conversation with seq <= readSeq counts as read by that agent. */
    readSeq: z.number().int().nonnegative(),
  }),
  z.object({ seq: z.number().int().positive(), type: z.literal('canned.upserted'), canned: cannedMessageSchema }),
  z.object({ seq: z.number().int().positive(), type: z.literal('canned.deleted'), id: z.string() }),
  /** A change this agent may not see (another agent's personal canned message): only moves the cursor. */
  z.object({ seq: z.number().int().positive(), type: z.literal('hidden') }),
  /** An agent's profile changed (status, capacity, queues); every agent of the tenant gets it. */
  z.object({ seq: z.number().int().positive(), type: z.literal('agent.upserted'), agent: agentProfileSchema }),
  /** Pins are per agent: a client applies only its own agent's. */
  z.object({
    seq: z.number().int().positive(),
    type: z.literal('conversation.pinned'),
    conversationId: z.string(),
    agentId: z.string(),
    pinned: z.boolean(),
  }),
]);
export type ChangeEvent = z.infer<typeof changeEventSchema>;
export type ChangeEventType = ChangeEvent['type'];

// ---------------------------------------------------------------------------------------------
// Workflow mutations. Each carries a client id (idempotency key); each answers with the state the
// server committed. Contested ones (accept) answer `conflict` with who won, in plain words.

export const MAX_NOTE_LENGTH = 2_000;
const clientId = z.string().uuid();
const entityId = z.string().min(1).max(100);
const optionalNote = z.string().trim().max(MAX_NOTE_LENGTH).optional();

export const transferTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('agent'), agentId: entityId }),
  z.object({ kind: z.literal('queue'), queueId: entityId }),
]);
export type TransferTarget = z.infer<typeof transferTargetSchema>;

/** Channels an agent can start a conversation on. */
export const START_CHANNELS = ['sms', 'email', 'whatsapp'] as const;
export type StartChannel = (typeof START_CHANNELS)[number];

export const newContactSchema = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    phone: phone.optional(),
    email: z.string().trim().toLowerCase().email().max(320).optional(),
  })
  .refine((c) => c.phone !== undefined || c.email !== undefined, 'a phone number or an email address');

const conversationResult = z.object({ conversation: conversationSchema });

function workflowRequests() {
  return {
    'conversation.accept': {
      request: z.object({ clientId, conversationId: entityId }),
      response: conversationResult,
    },
    'conversation.transfer': {
      request: z.object({ clientId, conversationId: entityId, to: transferTargetSchema, note: optionalNote }),
      response: conversationResult,
    },
    'conversation.resolve': {
      request: z.object({ clientId, conversationId: entityId, reason: z.string().min(1).max(100), note: optionalNote }),
      response: conversationResult,
    },
    'conversation.reopen': {
      request: z.object({ clientId, conversationId: entityId }),
      response: conversationResult,
    },
    /** pending: waiting on the customer; active: back on the agent's plate. */
    'conversation.setStatus': {
      request: z.object({ clientId, conversationId: entityId, status: z.enum(['pending', 'active']) }),
      response: conversationResult,
    },
    /** Adds and removes merge with concurrent edits by others (no whole-list overwrite). */
    'conversation.tag': {
      request: z.object({
        clientId,
        conversationId: entityId,
        addTags: z.array(tagSchema).max(50).default([]),
        removeTags: z.array(tagSchema).max(50).default([]),
        addLabels: z.array(workflowLabelSchema).max(10).default([]),
        removeLabels: z.array(workflowLabelSchema).max(10).default([]),
      }),
      response: conversationResult,
    },
    'conversation.pin': {
      request: z.object({ clientId, conversationId: entityId, pinned: z.boolean() }),
      response: z.object({ pinned: z.boolean() }),
    },
    'agent.setStatus': {
      request: z.object({ clientId, status: agentStatusSchema }),
      response: z.object({ agent: agentProfileSchema }),
    },
    /** An agent writes first: to a known contact or a new number/address. Opens assigned to them. */
    'conversation.start': {
      request: z.object({
        clientId,
        contact: z.union([z.object({ contactId: entityId }), newContactSchema]),
        channel: z.enum(START_CHANNELS),
        subject: z.string().trim().max(500).optional(),
        body: z.string().trim().min(1).max(MAX_MESSAGE_BODY),
        /** Required on WhatsApp, where only an approved template may open a conversation; the server renders it. */
        template: templateRequestSchema.optional(),
      }),
      response: z.object({ conversation: conversationSchema, contact: contactSchema, message: messageSchema }),
    },
    /** Contacts by name, phone or email, for starting a conversation. */
    'contacts.search': {
      request: z.object({ query: z.string().trim().min(1).max(200), limit: z.number().int().positive().max(50).default(10) }),
      response: z.object({ contacts: z.array(contactSchema) }),
    },
  } as const;
}

// ---------------------------------------------------------------------------------------------
// socket.io: requests the client makes with an acknowledgement callback.
// The socket authenticates with `auth: { token }` in the handshake.

export const protocolErrorCodes = [
  'unauthorized',
  'invalid',
  'notFound',
  'forbidden',
  'conflict',
  'internal',
] as const;
export type ProtocolErrorCode = (typeof protocolErrorCodes)[number];

/** `message` is English for logs and API clients; `reason` (optional, newer servers) is what a console translates. */
export const protocolErrorSchema = z.object({ code: z.enum(protocolErrorCodes), message: z.string(), reason: reasonSchema.optional() });
export type ProtocolError = z.infer<typeof protocolErrorSchema>;

export const ackSchema = <T extends z.ZodType>(value: T) =>
  z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: protocolErrorSchema }),
  ]);

export const DEFAULT_PULL_LIMIT = 1_000;
export const MAX_PULL_LIMIT = 5_000;

/** A page of a consistent-enough snapshot; see `sync.snapshot`. */
export const snapshotPageSchema = z.object({
  /** The head seq the snapshot was started at; catch-up continues from here. */
  atSeq: z.number().int().nonnegative(),
  /** The tenant's agents and queues (every page carries them; they are small). */
  agents: z.array(agentProfileSchema),
  queues: z.array(queueSchema),
  workflow: workflowSettingsSchema,
  /** Conversations the requesting agent has pinned (every page carries them). */
  pins: z.array(z.string()),
  conversations: z.array(conversationSchema),
  contacts: z.array(contactSchema),
  messages: z.array(messageSchema),
  /** Per conversation, for the requesting agent: its read marker and unread inbound count. */
  reads: z.array(
    z.object({
      conversationId: z.string(),
      readSeq: z.number().int().nonnegative(),
      unreadCount: z.number().int().nonnegative(),
    }),
  ),
  /** The team's canned messages and the agent's personal ones (every page carries them). */
  canned: z.array(cannedMessageSchema).optional(),
  /** Conversations in the whole snapshot (for progress: "12,400 of 50,000"). */
  totalConversations: z.number().int().nonnegative(),
  /** Opaque; pass back to get the next page. Null on the last page. */
  nextCursor: z.string().nullable(),
});
export type SnapshotPage = z.infer<typeof snapshotPageSchema>;

export const socketRequests = {
  /** Events with seq > after, in seq order. `mustRefetch` when `after` is older than retention. */
  'sync.pull': {
    request: z.object({
      after: z.number().int().nonnegative(),
      limit: z.number().int().positive().max(MAX_PULL_LIMIT).default(DEFAULT_PULL_LIMIT),
    }),
    response: z.discriminatedUnion('mustRefetch', [
      z.object({
        mustRefetch: z.literal(false),
        events: z.array(changeEventSchema),
        head: z.number().int().nonnegative(),
        hasMore: z.boolean(),
      }),
      z.object({ mustRefetch: z.literal(true), head: z.number().int().nonnegative() }),
    ]),
  },
  /**
   * Bootstrap snapshot, paged. Without a cursor it starts a new snapshot at the current head.
   * Rows carry their own `seq`, so rows newer than `atSeq` are fine: the client applies change
   * events last-writer-wins by seq and converges.
   */
  'sync.snapshot': {
    request: z.object({
      cursor: z.string().max(500).nullable().default(null),
      /** Conversations per page. */
      limit: z.number().int().positive().max(2_000).default(500),
      /** Window: open conversations plus those active in the last `windowDays` days. */
      windowDays: z.number().int().positive().max(3_650).default(90),
      /** Most recent messages per conversation included. */
      messagesPerConversation: z.number().int().nonnegative().max(200).default(50),
    }),
    response: snapshotPageSchema,
  },
  /** Older history of one conversation, newest first from `beforeSeq` (exclusive). */
  'history.page': {
    request: z.object({
      conversationId: z.string().min(1).max(100),
      beforeSeq: z.number().int().positive(),
      limit: z.number().int().positive().max(500).default(50),
    }),
    response: z.object({ messages: z.array(messageSchema), hasMore: z.boolean() }),
  },
  /**
   * Full-text search over all of the tenant's history (no retention or cache window), newest
   * first, with each hit's conversation and contact so the client can open it.
   */
  'search.messages': {
    request: z.object({
      query: z.string().max(MAX_QUERY_LENGTH * 4),
      filters: searchFiltersSchema.default({}),
      limit: z.number().int().positive().max(100).default(30),
    }),
    response: z.object({
      hits: z.array(
        z.object({ message: messageSchema, conversation: conversationSchema, contact: contactSchema.nullable() }),
      ),
    }),
  },
  /**
   * Idempotent by clientId: a repeat answers with the first result and stores nothing new. The body
   * may be empty when files are attached (it is their caption) or a template is sent (the server
   * writes the text from the approved template; WhatsApp outside its 24-hour window takes nothing
   * else).
   */
  'message.send': {
    request: z
      .object({
        clientId: z.string().uuid(),
        conversationId: z.string().min(1).max(100),
        kind: z.enum(['text', 'note']).default('text'),
        body: z.string().trim().max(MAX_MESSAGE_BODY).default(''),
        replyToId: z.string().min(1).max(100).nullable().default(null),
        /** Files uploaded before (HTTP.attachment), sent with this message. */
        attachmentIds: z.array(z.string().min(1).max(100)).max(MAX_ATTACHMENTS_PER_MESSAGE).default([]),
        template: templateRequestSchema.nullable().default(null),
      })
      .refine((r) => r.body !== '' || r.attachmentIds.length > 0 || r.template !== null, {
        message: 'a message needs text, a file or a template',
        path: ['body'],
      })
      .refine((r) => r.kind === 'text' || (r.template === null && r.attachmentIds.length === 0), {
        message: 'notes carry text only',
        path: ['kind'],
      }),
    response: z.object({ message: messageSchema }),
  },
  /** The author changes the body of their own message; idempotent by clientId. */
  'message.edit': {
    request: z.object({
      clientId: z.string().uuid(),
      messageId: z.string().min(1).max(100),
      body: z.string().trim().min(1).max(MAX_MESSAGE_BODY),
    }),
    response: z.object({ message: messageSchema }),
  },
  /** The author deletes their own message: it stays in the timeline as "message deleted". */
  'message.delete': {
    request: z.object({ clientId: z.string().uuid(), messageId: z.string().min(1).max(100) }),
    response: z.object({ message: messageSchema }),
  },
  /** Sets (`on`) or clears the agent's reaction with `emoji` on any message. */
  'message.react': {
    request: z.object({
      clientId: z.string().uuid(),
      messageId: z.string().min(1).max(100),
      emoji: reactionEmojiSchema,
      on: z.boolean(),
    }),
    response: z.object({ message: messageSchema }),
  },
  /** The agent is (still) typing in a conversation, or stopped. Ephemeral: nothing is stored. */
  'activity.typing': {
    request: z.object({ conversationId: z.string().min(1).max(100), typing: z.boolean() }),
    response: z.object({ ok: z.literal(true) }),
  },
  /** The tenant's customers online now; a client asks on every connect, then follows pushes. */
  'activity.presence': {
    request: z.object({}),
    response: z.object({ online: z.array(z.object({ contactId: z.string(), at: z.number().int().nonnegative() })) }),
  },
  'conversation.markRead': {
    request: z.object({
      clientId: z.string().uuid(),
      conversationId: z.string().min(1).max(100),
      readSeq: z.number().int().nonnegative(),
    }),
    response: z.object({ readSeq: z.number().int().nonnegative() }),
  },
  /** Creates (no id) or replaces a canned message; team ones need the supervisor role. */
  'canned.save': {
    request: z.object({
      clientId: z.string().uuid(),
      canned: cannedMessageSchema.pick({ title: true, shortcut: true, category: true, body: true }).extend({
        id: z.string().min(1).max(100).nullable(),
        scope: z.enum(CANNED_SCOPES),
      }),
    }),
    response: z.object({ canned: cannedMessageSchema }),
  },
  'canned.delete': {
    request: z.object({ clientId: z.string().uuid(), id: z.string().min(1).max(100) }),
    response: z.object({ id: z.string() }),
  },
  /** Sets (a string) or removes (null) custom attributes of a contact. */
  'contact.setAttributes': {
    request: z.object({
      clientId: z.string().uuid(),
      contactId: z.string().min(1).max(100),
      attributes: z.record(attributeNameSchema, z.string().trim().max(500).nullable()),
    }),
    response: z.object({ contact: contactSchema }),
  },
  'contact.givePoints': {
    request: z.object({
      clientId: z.string().uuid(),
      contactId: z.string().min(1).max(100),
      points: z.number().int().min(1).max(100_000),
      reason: z.string().trim().min(1).max(200),
    }),
    response: z.object({ contact: contactSchema }),
  },
  'contact.addNote': {
    request: z.object({
      clientId: z.string().uuid(),
      contactId: z.string().min(1).max(100),
      body: z.string().trim().min(1).max(5_000),
    }),
    response: z.object({ contact: contactSchema }),
  },
  ...workflowRequests(),
} as const;
export type SocketRequestName = keyof typeof socketRequests;
export type SocketRequest<N extends SocketRequestName> = z.input<(typeof socketRequests)[N]['request']>;
export type SocketResponse<N extends SocketRequestName> = z.infer<(typeof socketRequests)[N]['response']>;

/** A customer came online or went offline. */
export const presenceChangeSchema = z.object({ contactId: z.string(), online: z.boolean(), at: z.number().int().nonnegative() });
export type PresenceChange = z.infer<typeof presenceChangeSchema>;

/** Typing and presence: ephemeral, pushed as they happen, never in the change log. */
export const activitySchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('typing'),
    conversationId: z.string(),
    /** The agent typing; null for the customer. */
    agentId: z.string().nullable(),
    typing: z.boolean(),
    at: z.number().int().nonnegative(),
  }),
  /** One change: what a backend that pushes presence changes one at a time sends. */
  presenceChangeSchema.extend({ type: z.literal('presence') }),
  /** Presence changes gathered over a short window, at most one per customer (server/activity/hub.ts). */
  z.object({ type: z.literal('presences'), changes: z.array(presenceChangeSchema).min(1) }),
]);
export type Activity = z.infer<typeof activitySchema>;

/** Server → client pushes. */
export const socketPushes = {
  /** Newly committed change events of the agent's tenant, in seq order. */
  'sync.events': z.object({ events: z.array(changeEventSchema) }),
  activity: activitySchema,
} as const;
