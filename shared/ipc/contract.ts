// The IPC contract: the one place where renderer ↔ main methods and push events are named.
// Preload, the ipcMain wiring, the host bridge and the renderer client all derive from these maps;
// no channel string is written anywhere else.
import { z } from 'zod';
import type {
  Agent,
  AgentProfile,
  Channel,
  Contact,
  Conversation,
  ConversationStatus,
  Message,
  Queue,
  WorkflowLabel,
} from '../domain';
import {
  agentStatusSchema,
  CHANNELS,
  channelSchema,
  conversationStatusSchema,
  MAX_ATTACHMENTS_PER_MESSAGE,
  MAX_MESSAGE_BODY,
  reactionEmojiSchema,
  tagSchema,
  workflowLabelSchema,
} from '../domain';
import { profileChangeSchema } from '../contactChange';
import { CANNED_SCOPES, cannedMessageSchema, type CannedMessage } from '../domain';
import { ATTACHMENT_CHUNK_BYTES, MAX_ATTACHMENT_BYTES } from '../attachments';
import { MAX_NOTE_LENGTH, newContactSchema, START_CHANNELS, templateRequestSchema, transferTargetSchema } from '../protocol';
import { settingsPatchSchema, type Settings } from '../settings';
import { notificationTextsSchema, type DeskNotification } from '../notifications';
import { searchFiltersSchema, type SearchFilters } from '../search/filters';
import type { Highlighted } from '../search/highlight';
import { MAX_QUERY_LENGTH } from '../search/query';
import { inboxCursorSchema } from './inboxCursor';
import type { Result } from './result';
import type { Reason } from '../reasons';
import type { SystemEvent } from '../systemEvents';

// ---------------------------------------------------------------------------------------------
// View types: what the renderer receives. Shaped for display, computed by the core.

export interface Session {
  agent: Agent;
  tenantName: string;
  serverUrl: string;
}

/**
 * all: open (queued, active, pending); mine: open and assigned to me; attention: open with the
 * customer waiting for our reply; resolved: resolved and abandoned.
 */
export const INBOX_VIEWS = ['mine', 'queued', 'all', 'attention', 'pending', 'resolved'] as const;
export type InboxView = (typeof INBOX_VIEWS)[number];

/** latest: most recent activity first; oldestWaiting: customers waiting on us first, longest wait first. */
export const INBOX_SORTS = ['latest', 'oldestWaiting'] as const;
export type InboxSort = (typeof INBOX_SORTS)[number];

const epochMs = z.number().int().nonnegative();
const entityId = z.string().min(1).max(100);

export const inboxFilterSchema = z
  .object({
    channels: z.array(channelSchema).max(CHANNELS.length).optional(),
    statuses: z.array(conversationStatusSchema).max(5).optional(),
    tag: tagSchema.optional(),
    label: workflowLabelSchema.optional(),
    assigneeId: entityId.optional(),
    queueId: entityId.optional(),
    /** Last activity within [from, to] (epoch ms). */
    from: epochMs.optional(),
    to: epochMs.optional(),
    unreadOnly: z.boolean().optional(),
  })
  .strict();
export type InboxFilter = z.infer<typeof inboxFilterSchema>;

export interface InboxRow {
  conversationId: string;
  contactName: string;
  channel: Channel;
  status: ConversationStatus;
  assigneeName: string | null;
  lastMessageAt: number;
  preview: string;
  /** An email's subject, shown under the name. */
  subject: string | null;
  /** The preview is the agent side's message: shown as "You: ...". */
  previewFromAgent: boolean;
  unreadCount: number;
  /** What the agent has typed and not sent here, if anything. */
  draft?: string | null;
  /** Since when the customer waits for our reply; null when the agent side spoke last. */
  waitingSince: number | null;
  tags: string[];
  labels: WorkflowLabel[];
  pinned: boolean;
}

export type InboxCounts = Record<InboxView, number>;

/** An agent as the transfer list and the status menu show them. */
export interface AgentView extends Omit<AgentProfile, 'seq'> {
  /** Active and pending conversations assigned now. */
  load: number;
}

export interface Team {
  agents: AgentView[];
  queues: Queue[];
  closureReasons: string[];
  /** Predefined tags followed by the others in use, for pickers and the tag filter. */
  tags: string[];
}

/** Outbox state of a message the agent wrote that the server has not acknowledged yet. */
export type OutboxState = 'waiting' | 'sending' | 'failed';

export interface ThreadMessage extends Message {
  authorName: string | null;
  /** `error` is English for logs; `errorReason` is what the renderer shows. */
  outbox: { state: OutboxState; error: string | null; errorReason?: Reason | null; entryId: string } | null;
}

export interface ThreadPage {
  /** Oldest first. */
  messages: ThreadMessage[];
  /** Older messages exist (in the cache or on the server). */
  hasOlder: boolean;
}

/** Bytes of a file sent with a message the outbox is transmitting. */
export interface UploadProgress {
  /** The outbox entry, which is also the optimistic message's id. */
  entryId: string;
  conversationId: string;
  sent: number;
  total: number;
}

/** Who is typing and whether the customer is online, right now (ephemeral). */
export interface ConversationActivity {
  customerOnline: boolean;
  /** Others typing: the customer (agentId null) or other agents. */
  typing: { agentId: string | null; name: string }[];
}

export interface ConversationDetail {
  conversation: Conversation;
  contact: Contact;
  assignee: Agent | null;
  queue: Queue | null;
  /** Pinned by me. */
  pinned: boolean;
  /** The earlier conversation this one follows, when the cache holds it. */
  previous: { id: string; status: ConversationStatus; lastMessageAt: number } | null;
  /**
   * My accept waits for the server: the conversation shows as mine, but another agent may have
   * been first, and then it is rolled back.
   */
  acceptWaiting: boolean;
}

/** A canned message with how often this agent used it (ranks suggestions). */
export interface CannedItem extends CannedMessage {
  uses: number;
}

/** Another conversation of the same contact, for the customer panel. */
export interface PastConversation {
  id: string;
  channel: Channel;
  status: ConversationStatus;
  subject: string | null;
  preview: string;
  lastMessageAt: number;
}

const cannedInput = cannedMessageSchema.pick({ title: true, shortcut: true, category: true, body: true }).extend({
  /** Null: a new canned message. */
  id: z.string().min(1).max(100).nullable(),
  scope: z.enum(CANNED_SCOPES),
});

export type ConnectionStatus = 'online' | 'connecting' | 'reconnecting' | 'offline';

export interface SyncProgress {
  phase: 'bootstrap' | 'catchup';
  done: number;
  total: number;
}

export interface ConnectionState {
  status: ConnectionStatus;
  /** Messages the agent wrote that the server has not acknowledged yet (read markers not counted). */
  unsent: number;
  /** Of `unsent`, those that failed (refused, or not sendable): they wait for the agent, not the network. */
  failed: number;
  sync: SyncProgress | null;
  /** Last connection error in plain words (English, for logs), if any. */
  lastError: string | null;
  /** The same as a code the renderer translates. */
  lastErrorReason?: Reason | null;
}

export interface OutboxEntryView {
  id: string;
  kind: string;
  conversationId: string | null;
  state: OutboxState;
  attempts: number;
  createdAt: number;
  error: string | null;
  errorReason?: Reason | null;
}

export interface Diagnostics {
  localSeq: number;
  serverHead: number | null;
  /** serverHead - localSeq, when the head is known. */
  syncLag: number | null;
  outboxDepth: number;
  oldestOutboxAgeMs: number | null;
  cachedConversations: number;
  cachedMessages: number;
  cacheFile: string;
}

export type { SearchFilters };

export interface SearchConversationHit {
  conversationId: string;
  contactName: Highlighted;
  subject: Highlighted | null;
  channel: Channel;
  status: ConversationStatus;
  assigneeName: string | null;
  lastMessageAt: number;
  /** Why it matched: its id was typed, its subject, or its contact. */
  reason: 'reference' | 'subject' | 'contact';
}

export interface SearchMessageHit {
  messageId: string;
  conversationId: string;
  seq: number | null;
  contactName: string;
  channel: Channel;
  direction: Message['direction'];
  kind: Message['kind'];
  createdAt: number;
  snippet: Highlighted;
  /** 'server': found by the backend's search over all history, not in the local cache. */
  source: 'local' | 'server';
  /**
   * A system line's event: the console shows the line worded in the agent's language, so it words
   * the snippet from this (and keeps the hit only where that text matches); null on other messages.
   */
  event: SystemEvent | null;
}

export interface SearchContactHit {
  contactId: string;
  name: Highlighted;
  phone: Highlighted | null;
  email: Highlighted | null;
  /** The contact's most recent cached conversation, opened when the hit is chosen. */
  conversationId: string | null;
}

export interface SearchResults {
  conversations: SearchConversationHit[];
  messages: SearchMessageHit[];
  contacts: SearchContactHit[];
}

export interface ThreadSearchMatch {
  messageId: string;
  seq: number | null;
}

/** A system line the console words itself (shared/systemEvents.ts), for it to match as shown. */
export interface ThreadSystemLine extends ThreadSearchMatch {
  event: SystemEvent;
}

// ---------------------------------------------------------------------------------------------
// Methods

/** Phantom marker for a response type: carries the type, no runtime value is used. */
const returns = <T>() => undefined as unknown as T;

const conversationId = z.string().min(1).max(100);
const messageId = z.string().min(1).max(100);
const attachmentId = z.string().min(1).max(100);
const empty = z.object({}).strict();

export interface Attention {
  /** Unread customer messages in the agent's own open conversations and the queue. */
  unread: number;
}

export interface DesktopSettings {
  launchAtLogin: boolean | null;
}

export interface AppInfo {
  version: string;
  /** 'electron' in the desktop app; 'host' when core runs under Node and the UI in a browser. */
  mode: 'electron' | 'host';
  /** Prefilled on the login screen: the embedded demo backend, or the configured team backend. */
  defaultServerUrl: string;
  /** The OS's preferred languages, most preferred first, where the core can ask the OS (Electron); empty otherwise. */
  systemLocales: string[];
}

export const contract = {
  'app.info': { request: empty, response: returns<AppInfo>() },
  'session.get': { request: empty, response: returns<Session | null>() },
  'session.login': {
    request: z.object({
      serverUrl: z.string().url().max(500),
      email: z.string().trim().email().max(320),
      password: z.string().min(1).max(200),
    }),
    response: returns<Session>(),
  },
  /** Fails with `unsentMessages` when messages are still unsent and `discardUnsent` is false. */
  'session.logout': {
    request: z.object({ discardUnsent: z.boolean().default(false) }),
    response: returns<{ discarded: number }>(),
  },
  /**
   * Pinned conversations first, then the view's rows in the chosen order, paged by key: up to
   * `limit` rows after the `after` cursor (from the start without it) and, with `until`, none
   * past that cursor's row, so a page once loaded can be fetched again as the same stretch of the
   * order. Cursors are a previous page's `next`, valid for the same sort.
   */
  'inbox.list': {
    request: z.object({
      view: z.enum(INBOX_VIEWS),
      // Optional rather than defaulted: callers that predate filters keep working unchanged.
      filter: inboxFilterSchema.optional(),
      sort: z.enum(INBOX_SORTS).optional(),
      after: inboxCursorSchema.optional(),
      until: inboxCursorSchema.optional(),
      limit: z.number().int().positive().max(500).default(50),
    }),
    /**
     * needAttention: rows of the filtered view whose customer waits for our reply. next: the
     * cursor of the last row when more rows follow it (within `until`), else null.
     */
    response: returns<{ rows: InboxRow[]; total: number; needAttention: number; next: string | null }>(),
  },
  'inbox.counts': { request: empty, response: returns<InboxCounts>() },
  'conversation.get': {
    request: z.object({ conversationId }),
    response: returns<ConversationDetail>(),
  },
  /** The newest `limit` cached messages, or those before `beforeSeq`. */
  'thread.get': {
    request: z.object({
      conversationId,
      limit: z.number().int().positive().max(500).default(50),
      beforeSeq: z.number().int().positive().optional(),
    }),
    response: returns<ThreadPage>(),
  },
  /**
   * The thread on screen (null: none). While it is set, the change notices that concern it carry
   * its newest page of `limit` messages and its details (`ChangeNotice.open`), so the window shows
   * a new message without asking for it. One per core: the last call wins.
   */
  'thread.watch': {
    request: z.object({ conversationId: conversationId.nullable(), limit: z.number().int().positive().max(500).default(50) }),
    response: returns<null>(),
  },
  /** Fetch older history from the server into the cache; `loaded`: messages of that page now cached. */
  'thread.loadOlder': {
    request: z.object({ conversationId }),
    response: returns<{ loaded: number; hasMore: boolean }>(),
  },
  /**
   * Queues a reply or an internal note. The body may be empty when files are attached (their
   * caption) or a template is sent; notes carry text only.
   */
  'message.send': {
    request: z
      .object({
        conversationId,
        body: z.string().trim().max(MAX_MESSAGE_BODY).default(''),
        // Optional rather than defaulted, so callers that only reply keep their simple shape.
        kind: z.enum(['text', 'note']).optional(),
        replyToId: z.string().min(1).max(100).nullable().optional(),
        /** Files staged with attachment.stage / attachment.chunk. */
        attachmentIds: z.array(z.string().min(1).max(100)).max(MAX_ATTACHMENTS_PER_MESSAGE).optional(),
        template: templateRequestSchema.nullable().optional(),
      })
      .refine((r) => r.body !== '' || (r.attachmentIds?.length ?? 0) > 0 || (r.template ?? null) !== null, {
        message: 'a message needs text, a file or a template',
        path: ['body'],
      }),
    response: returns<ThreadMessage>(),
  },
  'message.edit': {
    request: z.object({ messageId, body: z.string().trim().min(1).max(MAX_MESSAGE_BODY) }),
    response: returns<null>(),
  },
  'message.delete': { request: z.object({ messageId }), response: returns<null>() },
  'message.react': {
    request: z.object({ messageId, emoji: reactionEmojiSchema, on: z.boolean() }),
    response: returns<null>(),
  },
  /** Announces a file the agent attached; its bytes follow with attachment.chunk, in order. */
  'attachment.stage': {
    request: z.object({
      conversationId,
      name: z.string().trim().min(1).max(255),
      mimeType: z.string().max(100),
      size: z.number().int().nonnegative().max(MAX_ATTACHMENT_BYTES * 2),
    }),
    response: returns<{ attachmentId: string }>(),
  },
  'attachment.chunk': {
    request: z.object({
      attachmentId,
      index: z.number().int().nonnegative(),
      /** Base64 of at most ATTACHMENT_CHUNK_BYTES bytes. */
      data: z.string().max(Math.ceil(ATTACHMENT_CHUNK_BYTES / 3) * 4),
    }),
    response: returns<{ received: number }>(),
  },
  /** Chunk `index` of a file (base64), fetched from the server into the local copy if needed. */
  'attachment.read': {
    request: z.object({ attachmentId, index: z.number().int().nonnegative() }),
    response: returns<{ data: string; chunks: number; size: number }>(),
  },
  /** Desktop app: opens an http(s) or mailto link in the system browser, after checking it. */
  'link.open': { request: z.object({ url: z.string().max(4_000) }), response: returns<null>() },
  /** The agent is typing in (or stopped typing in) a conversation; dropped while offline. */
  'activity.typing': { request: z.object({ conversationId, typing: z.boolean() }), response: returns<null>() },
  'activity.get': { request: z.object({ conversationId }), response: returns<ConversationActivity>() },
  'conversation.markRead': { request: z.object({ conversationId }), response: returns<null>() },
  // Workflow: each goes through the outbox (applied at once, sent when online). A refusal by the
  // server (someone else accepted first) rolls back and arrives as a `sendFailed` notice.
  'team.get': { request: empty, response: returns<Team>() },
  'conversation.accept': { request: z.object({ conversationId }), response: returns<null>() },
  'conversation.transfer': {
    request: z.object({ conversationId, to: transferTargetSchema, note: z.string().trim().max(MAX_NOTE_LENGTH).optional() }),
    response: returns<null>(),
  },
  'conversation.resolve': {
    request: z.object({ conversationId, reason: z.string().min(1).max(100), note: z.string().trim().max(MAX_NOTE_LENGTH).optional() }),
    response: returns<null>(),
  },
  'conversation.reopen': { request: z.object({ conversationId }), response: returns<null>() },
  'conversation.setStatus': {
    request: z.object({ conversationId, status: z.enum(['pending', 'active']) }),
    response: returns<null>(),
  },
  'conversation.tag': {
    request: z.object({
      conversationId,
      addTags: z.array(tagSchema).max(50).default([]),
      removeTags: z.array(tagSchema).max(50).default([]),
      addLabels: z.array(workflowLabelSchema).max(10).default([]),
      removeLabels: z.array(workflowLabelSchema).max(10).default([]),
    }),
    response: returns<null>(),
  },
  'conversation.pin': { request: z.object({ conversationId, pinned: z.boolean() }), response: returns<null>() },
  'agent.setStatus': { request: z.object({ status: agentStatusSchema }), response: returns<null>() },
  /** Cached contacts, plus the server's matches when online. */
  'contacts.search': { request: z.object({ query: z.string().trim().min(1).max(200) }), response: returns<Contact[]>() },
  /** Starts a conversation; it exists in the inbox at once (id returned) and is sent when online. */
  'conversation.start': {
    request: z.object({
      contact: z.union([z.object({ contactId: entityId }), newContactSchema]),
      channel: z.enum(START_CHANNELS),
      subject: z.string().trim().max(500).optional(),
      body: z.string().trim().min(1).max(MAX_MESSAGE_BODY),
      /** Required on WhatsApp: the approved template (the body is its rendering, shown at once). */
      template: templateRequestSchema.optional(),
    }),
    response: returns<{ conversationId: string }>(),
  },
  'connection.get': { request: empty, response: returns<ConnectionState>() },
  'outbox.list': { request: empty, response: returns<OutboxEntryView[]>() },
  'outbox.retry': { request: z.object({ entryId: z.string().min(1).max(100) }), response: returns<null>() },
  'outbox.discard': { request: z.object({ entryId: z.string().min(1).max(100) }), response: returns<null>() },
  'diagnostics.get': { request: empty, response: returns<Diagnostics>() },
  /** Full-text search over the local cache: conversations, messages and contacts. */
  'search.local': {
    request: z.object({
      query: z.string().max(MAX_QUERY_LENGTH * 4),
      filters: searchFiltersSchema.default({}),
      limit: z.number().int().positive().max(100).default(20),
    }),
    response: returns<SearchResults>(),
  },
  /** The backend's search over all history; fails with `unreachable` without a connection. */
  'search.server': {
    request: z.object({
      query: z.string().max(MAX_QUERY_LENGTH * 4),
      filters: searchFiltersSchema.default({}),
      limit: z.number().int().positive().max(100).default(30),
    }),
    response: returns<{ messages: SearchMessageHit[] }>(),
  },
  /** The team's agents as cached, by name (the search's agent filter). */
  'agents.list': { request: empty, response: returns<Agent[]>() },
  /** Every cached message of one conversation that matches, oldest first. */
  'search.thread': {
    request: z.object({ conversationId, query: z.string().max(MAX_QUERY_LENGTH * 4) }),
    /**
     * `matches`: every cached message whose stored text matches; `systemLines`: every system line
     * the console words in the agent's language (unmatched: the console matches them as shown).
     */
    response: returns<{ matches: ThreadSearchMatch[]; systemLines: ThreadSystemLine[] }>(),
  },
  /**
   * Notices not yet shown, oldest first; taking them clears them. A notice raised before any window
   * listened (a cache rebuilt at start) waits here, so the agent always hears of it exactly once.
   */
  'notices.take': { request: empty, response: returns<Notice[]>() },
  /** The team's canned messages and the agent's own, with this agent's usage counts. */
  'canned.list': { request: empty, response: returns<CannedItem[]>() },
  /** Creates or replaces a canned message through the outbox: shown at once, sent when online. */
  'canned.save': { request: z.object({ canned: cannedInput }), response: returns<CannedMessage>() },
  'canned.delete': { request: z.object({ id: z.string().min(1).max(100) }), response: returns<null>() },
  /** Counts one use of a canned message on this device. */
  'canned.used': { request: z.object({ id: z.string().min(1).max(100) }), response: returns<null>() },
  /** The contact's other cached conversations, newest first. */
  'contact.conversations': {
    request: z.object({ contactId: z.string().min(1).max(100), exceptId: conversationId.optional() }),
    response: returns<PastConversation[]>(),
  },
  /** Changes a contact's profile through the outbox; shown at once, sent when online. */
  'contact.update': {
    request: z.object({ contactId: z.string().min(1).max(100), change: profileChangeSchema }),
    response: returns<null>(),
  },
  'draft.get': { request: z.object({ conversationId }), response: returns<string | null>() },
  /** Saves what the agent typed (an empty body removes the draft). */
  'draft.save': {
    request: z.object({ conversationId, body: z.string().max(MAX_MESSAGE_BODY) }),
    response: returns<null>(),
  },
  /** The agent's preferences on this device, defaults filled in. */
  'settings.get': { request: empty, response: returns<Settings>() },
  /** Changes some settings; answers with all of them as now stored. */
  'settings.update': { request: settingsPatchSchema, response: returns<Settings>() },
  /** Where the agent is looking: notifications about the conversation in front of them are suppressed. */
  'notifications.focus': {
    request: z.object({ focused: z.boolean(), conversationId: conversationId.nullable() }),
    response: returns<null>(),
  },
  /** Notification text templates in the agent's language (see shared/notifications.ts). */
  'notifications.texts': { request: notificationTextsSchema, response: returns<null>() },
  /**
   * Notifications for the page to show (host mode), oldest first; taking them clears them. Those
   * raised while no page was open wait here, so none is lost to a closed or reloading tab.
   */
  'notifications.take': { request: empty, response: returns<DeskNotification[]>() },
  /** Raises a test notification through the real path, regardless of preferences. */
  'notifications.test': { request: empty, response: returns<null>() },
  /** Unread messages needing the agent (badge, window title, tray). */
  'attention.get': { request: empty, response: returns<Attention>() },
  /**
   * The conversation to open, if a deep link or a notification click asked for one before a window
   * listened; taking it clears it.
   */
  'navigation.take': { request: empty, response: returns<string | null>() },
  /** Desktop integration; `launchAtLogin` is null where the runtime cannot offer it (host mode). */
  'desktop.get': { request: empty, response: returns<DesktopSettings>() },
  'desktop.set': { request: z.object({ launchAtLogin: z.boolean() }), response: returns<DesktopSettings>() },
  /** Translated labels for the desktop menus and tray (keys: shared/desktop.ts). */
  'desktop.labels': {
    request: z.object({ labels: z.record(z.string().max(100), z.string().max(200)).refine((labels) => Object.keys(labels).length <= 200) }),
    response: returns<null>(),
  },
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export const METHOD_NAMES = Object.keys(contract) as MethodName[];
/** What a caller passes (defaults may be omitted). */
export type RequestOf<M extends MethodName> = z.input<Contract[M]['request']>;
/** What a handler receives after validation (defaults filled in). */
export type ParsedRequestOf<M extends MethodName> = z.infer<Contract[M]['request']>;
export type ResponseOf<M extends MethodName> = Contract[M]['response'];

// ---------------------------------------------------------------------------------------------
// Push events, main → renderer

export interface ChangeNotice {
  /** The inbox lists/counts may have changed. */
  inbox: boolean;
  /** Conversations whose thread or detail changed. */
  conversationIds: string[];
  outbox: boolean;
  /** Canned messages changed. */
  canned?: boolean;
  /** An agent's name, status, capacity or queues changed. */
  team?: boolean;
  /**
   * The watched thread (`thread.watch`), read after the change: what `thread.get` (newest page)
   * and `conversation.get` would answer now. Present when this notice names it or the outbox
   * (whose entries are the thread's unsent messages).
   */
  open?: OpenThread;
}

export interface OpenThread {
  conversationId: string;
  limit: number;
  page: ThreadPage;
  detail: ConversationDetail;
}

export interface Notice {
  /** changeRefused: the server turned a workflow change down for good (someone else was first). */
  kind: 'cacheRecovered' | 'sendFailed' | 'changeRefused' | 'mustRefetch';
  /** English, for logs; the renderer words `reason` in the agent's language. */
  message: string;
  /** Why, as a code the renderer translates; absent when the server gave none (generic text). */
  reason?: Reason;
  /** sendFailed: whether a message or another change could not be saved. */
  subject?: 'message' | 'change';
}

export interface PushEvents {
  changed: ChangeNotice;
  /** Upload progress of files in the outbox. */
  upload: UploadProgress;
  /** Typing or presence changed in these conversations, of those asked about lately: refetch activity.get. */
  activity: { conversationIds: string[] };
  connection: ConnectionState;
  /** Something the agent should be told about once (a toast). */
  notice: Notice;
  session: Session | null;
  /** Run a keymap command (shared/keymap.ts), e.g. chosen from the desktop app's menu. */
  command: { id: string };
  /**
   * A notification was raised. `display` asks the renderer to show it (browser Notification API,
   * host mode); in the desktop app the main process has shown it natively and the renderer only
   * plays the sound.
   */
  notify: { notification: DeskNotification; display: boolean };
  /** Open this conversation (notification click, deep link); take it with `navigation.take`. */
  navigate: { conversationId: string };
  attention: Attention;
}
export type PushEventName = keyof PushEvents;
export const PUSH_EVENT_NAMES = [
  'changed',
  'connection',
  'notice',
  'session',
  'command',
  'notify',
  'navigate',
  'attention',
  'upload',
  'activity',
] as const satisfies readonly PushEventName[];

// ---------------------------------------------------------------------------------------------
// Derived names and API shapes

export const ipcChannel = (method: MethodName) => `desk:${method}` as const;
export const pushChannel = (event: PushEventName) => `desk-push:${event}` as const;

/** The API the renderer sees: one function per method, plus push subscriptions. */
export type DeskApi = {
  [M in MethodName]: (request: RequestOf<M>) => Promise<Result<ResponseOf<M>>>;
} & {
  on<E extends PushEventName>(event: E, listener: (payload: PushEvents[E]) => void): () => void;
};

/** What the core implements: validated requests in, plain values out (errors thrown as DeskError). */
export type DeskHandlers = {
  [M in MethodName]: (request: ParsedRequestOf<M>) => Promise<ResponseOf<M>>;
};
