// Table types for the Kysely query builder. Column names are snake_case in storage; mapping to the
// camelCase domain shapes lives in store/rows.ts.
export interface SchemaMigrationsTable {
  version: number;
  name: string;
  applied_at: number;
}

export interface TenantsTable {
  id: string;
  slug: string;
  name: string;
  webhook_secret_hash: string;
  created_at: number;
}

/** One row per tenant: the seq counter (the per-tenant write lock) and the change-log floor. */
export interface TenantCountersTable {
  tenant_id: string;
  last_seq: number;
  /** Events are guaranteed to be in the change log from log_floor + 1 on. */
  log_floor: number;
}

export interface AgentsTable {
  id: string;
  tenant_id: string;
  name: string;
  email: string;
  password_hash: string;
  created_at: number;
  /** 'agent' or 'supervisor' (may edit the team's canned messages). */
  role: string;
  status: string;
  capacity: number;
  seq: number;
}

export interface AgentQueuesTable {
  tenant_id: string;
  agent_id: string;
  queue_id: string;
}

/** Per-agent pinned conversations. */
export interface PinsTable {
  tenant_id: string;
  agent_id: string;
  conversation_id: string;
  seq: number;
}

export interface SessionsTable {
  token_hash: string;
  agent_id: string;
  tenant_id: string;
  created_at: number;
}

export interface QueuesTable {
  id: string;
  tenant_id: string;
  name: string;
  position: number;
  routing: string;
  last_assigned_agent_id: string | null;
}

export interface ContactsTable {
  id: string;
  tenant_id: string;
  name: string;
  phone: string | null;
  email: string | null;
  created_at: number;
  seq: number;
  /** JSON of the ContactProfile; null: empty. */
  profile_json: string | null;
}

/** How a channel identifies a customer: a phone number, an email address or a Messenger psid. */
export type HandleKind = 'phone' | 'email' | 'psid';

export interface ContactHandlesTable {
  tenant_id: string;
  kind: HandleKind;
  value: string;
  contact_id: string;
}

export interface ConversationsTable {
  id: string;
  tenant_id: string;
  contact_id: string;
  channel: string;
  status: string;
  queue_id: string;
  assignee_id: string | null;
  subject: string | null;
  created_at: number;
  last_message_at: number;
  last_message_preview: string;
  last_message_direction: string | null;
  waiting_since: number | null;
  last_inbound_at: number | null;
  /** JSON of the ConversationLink; null: a general enquiry. */
  linked_record_json: string | null;
  /** JSON arrays of strings. */
  tags: string;
  labels: string;
  previous_conversation_id: string | null;
  closure_reason: string | null;
  seq: number;
}

export interface MessagesTable {
  id: string;
  tenant_id: string;
  conversation_id: string;
  client_id: string | null;
  /** Carrier message id: inbound dedupe key, and the handle receipts refer to for outbound. */
  external_id: string | null;
  seq: number;
  direction: string;
  kind: string;
  channel: string;
  author_agent_id: string | null;
  body: string;
  created_at: number;
  status: string | null;
  status_seq: number;
  /** JSON of the call record (duration and transcript) for kind 'call'. */
  call_json: string | null;
  /** JSON of replyTo, editedAt, deletedAt, reactions, attachments, automated; NULL when all default. */
  extra_json: string | null;
  /** seq of the last edit, deletion or reaction. */
  rev_seq: number;
}

/** An uploaded file; the bytes live in the data directory under the id. */
export interface AttachmentsTable {
  id: string;
  tenant_id: string;
  uploaded_by: string | null;
  /** The customer who uploaded it on the portal (migration 007). */
  uploaded_by_contact: string | null;
  name: string;
  mime_type: string;
  size: number;
  kind: string;
  sha256: string;
  /** The message that carries it, once sent; an attachment is sent at most once. */
  message_id: string | null;
  created_at: number;
}

export interface ReadMarkersTable {
  tenant_id: string;
  conversation_id: string;
  agent_id: string;
  read_seq: number;
  seq: number;
}

export interface ChangeLogTable {
  tenant_id: string;
  seq: number;
  type: string;
  /** The full change event as JSON. */
  payload: string;
  created_at: number;
}

export interface IdempotencyTable {
  tenant_id: string;
  client_id: string;
  agent_id: string;
  operation: string;
  /** JSON of the first answer, returned verbatim to repeats. */
  result: string;
  created_at: number;
}

/** Portal settings of a tenant, created on first use. */
export interface PortalSettingsTable {
  tenant_id: string;
  /** HMAC key of the tenant's magic links (base64url). */
  signing_secret: string;
  reply_within_minutes: number;
}

/** A customer signed in to the portal: the cookie's token, stored as SHA-256. */
export interface PortalSessionsTable {
  token_hash: string;
  tenant_id: string;
  contact_id: string;
  created_at: number;
  expires_at: number;
}

export interface CannedMessagesTable {
  id: string;
  tenant_id: string;
  scope: string;
  owner_agent_id: string | null;
  title: string;
  shortcut: string;
  category: string;
  body: string;
  updated_at: number;
  seq: number;
}

export interface DB {
  schema_migrations: SchemaMigrationsTable;
  tenants: TenantsTable;
  tenant_counters: TenantCountersTable;
  agents: AgentsTable;
  agent_queues: AgentQueuesTable;
  pins: PinsTable;
  sessions: SessionsTable;
  queues: QueuesTable;
  contacts: ContactsTable;
  contact_handles: ContactHandlesTable;
  conversations: ConversationsTable;
  messages: MessagesTable;
  read_markers: ReadMarkersTable;
  change_log: ChangeLogTable;
  idempotency: IdempotencyTable;
  attachments: AttachmentsTable;
  portal_settings: PortalSettingsTable;
  portal_sessions: PortalSessionsTable;
  canned_messages: CannedMessagesTable;
}
