// The customer portal's HTTP API: what the server's portal routes answer and what the portal page
// (portal/) sends. A customer sees only their own conversations, never internal notes or the
// desk's system lines, and staff only by name.
import { z } from 'zod';
import { attachmentSchema, callRecordSchema, channelSchema, conversationLinkSchema, MAX_ATTACHMENTS_PER_MESSAGE } from './domain';

/** Pages and API of one tenant's portal live under `/portal/<tenant slug>/`. */
export const PORTAL = {
  root: (tenant: string) => `/portal/${tenant}/`,
  compose: (tenant: string) => `/portal/${tenant}/new`,
  /** Exchanges a magic-link token (`?token=`) for the session cookie, then redirects to root. */
  signIn: (tenant: string) => `/portal/${tenant}/sign-in`,
  thread: (tenant: string, conversationId: string) => `/portal/${tenant}/conversations/${encodeURIComponent(conversationId)}`,
  api: (tenant: string, rest: string) => `/portal/${tenant}/api/${rest}`,
  /**
   * A file: `PUT` uploads one for the customer's next message (raw body, Content-Type and the
   * ATTACHMENT_HEADERS.fileName header), `GET` fetches one of the customer's conversations.
   */
  attachment: (tenant: string, id: string) => `/portal/${tenant}/api/attachments/${encodeURIComponent(id)}`,
  /** Built files (scripts, styles) shared by every tenant's portal. */
  assets: '/portal/assets/',
} as const;

export const PORTAL_SESSION_COOKIE = 'portal_session';

/** Longest message a customer can write in the portal. */
export const PORTAL_MAX_TEXT = 5_000;

/** `?signIn=` on the portal root after a failed sign-in. */
export const SIGN_IN_FAILURES = ['invalid', 'expired'] as const;
export type SignInFailure = (typeof SIGN_IN_FAILURES)[number];

/**
 * Delivery state of a customer's own message as the portal shows it: stored (`sent`), with an
 * agent (`delivered`: the conversation is assigned), read by staff (`read`).
 */
export const portalStatusSchema = z.enum(['sent', 'delivered', 'read']);
export type PortalStatus = z.infer<typeof portalStatusSchema>;

/**
 * What the conversation is about, as the customer sees it on the card and in the thread header:
 * the conversation's linked record without its internal id ("AB12 CDE · Ford Focus").
 */
export const portalLinkedRecordSchema = conversationLinkSchema.pick({ type: true, label: true });
export type PortalLinkedRecord = z.infer<typeof portalLinkedRecordSchema>;

/** A file on a message the customer may see: fetched from PORTAL.attachment. */
export const portalAttachmentSchema = attachmentSchema;
export type PortalAttachment = z.infer<typeof portalAttachmentSchema>;

export const portalMessageSchema = z.object({
  id: z.string(),
  seq: z.number().int().nonnegative(),
  /** `customer`: written by the signed-in customer on any channel; `staff`: a team reply. */
  from: z.enum(['customer', 'staff']),
  kind: z.enum(['text', 'call']),
  channel: channelSchema,
  body: z.string(),
  createdAt: z.number().int().nonnegative(),
  /** The staff member's name on staff messages. */
  staffName: z.string().nullable(),
  /** Only on the customer's own messages. */
  status: portalStatusSchema.nullable(),
  /** Deleted by its author: the body is gone. */
  deleted: z.boolean(),
  /** Changed by its author after it was sent. */
  edited: z.boolean(),
  attachments: z.array(portalAttachmentSchema),
  call: callRecordSchema.nullable(),
});
export type PortalMessage = z.infer<typeof portalMessageSchema>;

export const portalConversationSchema = z.object({
  id: z.string(),
  channel: channelSchema,
  open: z.boolean(),
  linkedRecord: portalLinkedRecordSchema.nullable(),
  lastMessage: z
    .object({ from: z.enum(['customer', 'staff']), channel: channelSchema, preview: z.string(), createdAt: z.number() })
    .nullable(),
  /** Staff messages the customer has not read yet. */
  unreadCount: z.number().int().nonnegative(),
});
export type PortalConversation = z.infer<typeof portalConversationSchema>;

export const portalMeSchema = z.object({
  customer: z.object({ name: z.string() }),
  team: z.object({ name: z.string() }),
  /** The reply time the team aims for. */
  replyWithinMinutes: z.number().int().positive(),
});
export type PortalMe = z.infer<typeof portalMeSchema>;

export const portalConversationListSchema = z.object({ conversations: z.array(portalConversationSchema) });

export const portalThreadSchema = z.object({
  conversation: portalConversationSchema,
  messages: z.array(portalMessageSchema),
});
export type PortalThread = z.infer<typeof portalThreadSchema>;

export const portalSendRequestSchema = z.object({
  /** UUID the page generates per message: a retried send is stored once. */
  clientId: z.string().uuid(),
  /** May be empty when files are attached. */
  text: z.string().trim().max(PORTAL_MAX_TEXT),
  /** Files uploaded before (PORTAL.attachment), sent with this message. */
  attachmentIds: z.array(z.string().uuid()).max(MAX_ATTACHMENTS_PER_MESSAGE).default([]),
}).refine((r) => r.text !== '' || r.attachmentIds.length > 0, { path: ['text'], message: 'Write a message or attach a file.' });
export type PortalSendRequest = z.infer<typeof portalSendRequestSchema>;
/** What the page sends (`attachmentIds` may be left out). */
export type PortalSendInput = z.input<typeof portalSendRequestSchema>;

export const portalSendResponseSchema = z.object({ conversationId: z.string(), message: portalMessageSchema });

export const portalReadRequestSchema = z.object({ upToSeq: z.number().int().nonnegative() });

/** The Server-Sent Event that says these of the customer's conversations changed. */
export const PORTAL_CHANGED_EVENT = 'changed';
export const portalChangedSchema = z.object({ conversationIds: z.array(z.string()) });

/** The Server-Sent Event that says someone of the team started or stopped typing in a conversation. */
export const PORTAL_TYPING_EVENT = 'typing';
export const portalTypingSchema = z.object({ conversationId: z.string(), typing: z.boolean(), staffName: z.string().nullable() });
export type PortalTyping = z.infer<typeof portalTypingSchema>;

/** The customer is (still) typing in a conversation, or stopped: `POST …/conversations/:id/typing`. */
export const portalTypingRequestSchema = z.object({ typing: z.boolean() });

/** A sign-in link for a demo customer, printed by `npm start`. */
export const portalDemoLinkSchema = z.object({ name: z.string(), about: z.string(), url: z.string() });
export type PortalDemoLink = z.infer<typeof portalDemoLinkSchema>;
