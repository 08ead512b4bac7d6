// Schemas of the two files. The cache (main) is disposable and rebuilt from the server; the outbox
// (attached as `outbox`) holds the agent's unsent work and is never thrown away with the cache.
import { CJK_ROW_TEXT } from '../../../shared/search/messageIndex';
import { CONTACT_CJK_NAME_INDEX, SEARCH_MIGRATION } from '../search/schema';
import type { Migration } from './migrations';

export const CACHE_MIGRATIONS: readonly Migration[] = [
  `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE agents (id TEXT PRIMARY KEY, name TEXT NOT NULL, email TEXT NOT NULL);
  CREATE TABLE queues (id TEXT PRIMARY KEY, name TEXT NOT NULL);
  CREATE TABLE contacts (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, phone TEXT, email TEXT,
    created_at INTEGER NOT NULL, seq INTEGER NOT NULL
  );
  CREATE TABLE conversations (
    id TEXT PRIMARY KEY, contact_id TEXT NOT NULL, channel TEXT NOT NULL, status TEXT NOT NULL,
    queue_id TEXT NOT NULL, assignee_id TEXT, subject TEXT, created_at INTEGER NOT NULL,
    last_message_at INTEGER NOT NULL, preview TEXT NOT NULL, last_direction TEXT,
    seq INTEGER NOT NULL
  );
  -- Partial indexes whose WHERE matches the inbox views exactly, so the first page of a view is an
  -- index range scan even over tens of thousands of conversations.
  CREATE INDEX conversations_open ON conversations (last_message_at DESC, id DESC)
    WHERE status <> 'resolved';
  CREATE INDEX conversations_mine ON conversations (assignee_id, last_message_at DESC, id DESC)
    WHERE status <> 'resolved';
  CREATE INDEX conversations_status ON conversations (status, last_message_at DESC, id DESC);
  -- The logged-in agent's read marker per conversation. Kept apart from conversations because a
  -- read event may arrive for a conversation the cache does not hold yet.
  CREATE TABLE reads (
    conversation_id TEXT PRIMARY KEY, read_seq INTEGER NOT NULL, unread_count INTEGER NOT NULL
  );
  -- seq is NULL only for optimistic rows (local = 1) written before the server acknowledged them;
  -- such a row's id is its client id, so the server's echo finds and replaces it.
  CREATE TABLE messages (
    id TEXT PRIMARY KEY, client_id TEXT, conversation_id TEXT NOT NULL, seq INTEGER,
    direction TEXT NOT NULL, kind TEXT NOT NULL, channel TEXT NOT NULL, author_agent_id TEXT,
    body TEXT NOT NULL, created_at INTEGER NOT NULL, status TEXT, status_seq INTEGER NOT NULL,
    call TEXT, local INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX messages_thread ON messages (conversation_id, seq);
  CREATE UNIQUE INDEX messages_client_id ON messages (client_id) WHERE client_id IS NOT NULL;
  -- Per conversation, seq intervals in which every message is cached; to_seq NULL means "open":
  -- kept current by the change log up to the cursor.
  CREATE TABLE ranges (
    conversation_id TEXT NOT NULL, from_seq INTEGER NOT NULL, to_seq INTEGER,
    PRIMARY KEY (conversation_id, from_seq)
  ) WITHOUT ROWID;
  `,
  // Replies, edits, deletions, reactions, attachments, bot flag (JSON, NULL when all default; see
  // shared/messageExtras.ts) and the revision they are at; the customer's last message time.
  `
  ALTER TABLE messages ADD COLUMN extra TEXT;
  ALTER TABLE messages ADD COLUMN rev_seq INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE conversations ADD COLUMN last_inbound_at INTEGER;
  `,
  SEARCH_MIGRATION,
  `
  -- A contact's profile (address, attributes, linked records) and a conversation's linked record,
  -- as JSON, next to their rows and replaced with them (last writer wins by the row's seq).
  CREATE TABLE contact_profiles (contact_id TEXT PRIMARY KEY, profile TEXT NOT NULL);
  CREATE TABLE conversation_links (conversation_id TEXT PRIMARY KEY, link TEXT NOT NULL);
  CREATE TABLE canned (
    id TEXT PRIMARY KEY, scope TEXT NOT NULL, owner_agent_id TEXT, title TEXT NOT NULL,
    shortcut TEXT NOT NULL, category TEXT NOT NULL, body TEXT NOT NULL, updated_at INTEGER NOT NULL,
    seq INTEGER NOT NULL
  );
  -- How often this agent used each canned message here: suggestions rank frequent ones higher.
  CREATE TABLE canned_usage (canned_id TEXT PRIMARY KEY, uses INTEGER NOT NULL, last_used_at INTEGER NOT NULL);
  -- What the agent is typing, per conversation; kept until sent or cleared.
  CREATE TABLE drafts (conversation_id TEXT PRIMARY KEY, body TEXT NOT NULL, updated_at INTEGER NOT NULL);
  `,
  // 5: conversation workflow. Rows cached before it lack the new fields, so the cache downloads
  // itself again (the outbox stays).
  `
  ALTER TABLE conversations ADD COLUMN waiting_since INTEGER;
  ALTER TABLE conversations ADD COLUMN tags TEXT NOT NULL DEFAULT '[]';
  ALTER TABLE conversations ADD COLUMN labels TEXT NOT NULL DEFAULT '[]';
  ALTER TABLE conversations ADD COLUMN previous_id TEXT;
  ALTER TABLE conversations ADD COLUMN closure_reason TEXT;
  UPDATE conversations SET status = 'active' WHERE status = 'assigned';
  DROP INDEX conversations_open;
  DROP INDEX conversations_mine;
  CREATE INDEX conversations_open ON conversations (last_message_at DESC, id DESC)
    WHERE status IN ('queued', 'active', 'pending');
  CREATE INDEX conversations_mine ON conversations (assignee_id, last_message_at DESC, id DESC)
    WHERE status IN ('queued', 'active', 'pending');
  -- Attention: open conversations whose customer waits for our reply, oldest wait first.
  CREATE INDEX conversations_waiting ON conversations (waiting_since, id)
    WHERE waiting_since IS NOT NULL AND status IN ('queued', 'active', 'pending');
  ALTER TABLE agents ADD COLUMN status TEXT NOT NULL DEFAULT 'available';
  ALTER TABLE agents ADD COLUMN capacity INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE agents ADD COLUMN queue_ids TEXT NOT NULL DEFAULT '[]';
  ALTER TABLE agents ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE queues ADD COLUMN routing TEXT NOT NULL DEFAULT 'manual';
  -- The logged-in agent's pinned conversations.
  CREATE TABLE pins (conversation_id TEXT PRIMARY KEY, seq INTEGER NOT NULL);
  INSERT OR REPLACE INTO meta (key, value)
    SELECT 'snapshot', '{"cursor":null,"atSeq":null,"done":0,"total":0,"wipe":true}'
    WHERE EXISTS (SELECT 1 FROM meta WHERE key IN ('last_seq', 'snapshot'));
  DELETE FROM meta WHERE key = 'last_seq';
  `,
  // The short-CJK scan reads the text kept beside each CJK row id (shared/search/messageIndex.ts).
  CJK_ROW_TEXT.map((statement) => `${statement};`).join('\n'),
  CONTACT_CJK_NAME_INDEX,
  `
  -- The Resolved view, newest first, straight from an index: an IN over two statuses cannot walk
  -- conversations_status in last_message_at order, so every closed conversation was sorted.
  CREATE INDEX conversations_closed ON conversations (last_message_at DESC, id DESC)
    WHERE status IN ('resolved', 'abandoned');
  `,
  `
  -- The Queued and Pending views from indexes of their own: every new message moves its
  -- conversation in each index that holds it, and the index of all statuses held every one.
  CREATE INDEX conversations_queued ON conversations (last_message_at DESC, id DESC) WHERE status = 'queued';
  CREATE INDEX conversations_pending ON conversations (last_message_at DESC, id DESC) WHERE status = 'pending';
  DROP INDEX conversations_status;
  `,
  `
  -- How many conversations hold each status, apart for those whose customer waits for us: every
  -- inbox view without a filter but Mine is a sum of these, so its tab badge and list total need
  -- no count over its index (milliseconds per view at 50k conversations, and each change notice
  -- asks for every tab again). Triggers keep it, so no writer can forget it. (No INSERT OR IGNORE
  -- in them: the conflict policy of the upsert that fires a trigger overrides the trigger's own.)
  CREATE TABLE view_tally (
    status TEXT NOT NULL, waiting INTEGER NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (status, waiting)
  ) WITHOUT ROWID;
  INSERT INTO view_tally (status, waiting, n)
    SELECT status, waiting_since IS NOT NULL, count(*) FROM conversations GROUP BY 1, 2;
  CREATE TRIGGER view_tally_insert AFTER INSERT ON conversations BEGIN
    INSERT INTO view_tally (status, waiting, n) SELECT NEW.status, NEW.waiting_since IS NOT NULL, 0
      WHERE NOT EXISTS (SELECT 1 FROM view_tally WHERE status = NEW.status AND waiting = (NEW.waiting_since IS NOT NULL));
    UPDATE view_tally SET n = n + 1 WHERE status = NEW.status AND waiting = (NEW.waiting_since IS NOT NULL);
  END;
  CREATE TRIGGER view_tally_delete AFTER DELETE ON conversations BEGIN
    UPDATE view_tally SET n = n - 1 WHERE status = OLD.status AND waiting = (OLD.waiting_since IS NOT NULL);
  END;
  CREATE TRIGGER view_tally_update AFTER UPDATE OF status, waiting_since ON conversations
    WHEN OLD.status IS NOT NEW.status OR (OLD.waiting_since IS NULL) <> (NEW.waiting_since IS NULL)
  BEGIN
    UPDATE view_tally SET n = n - 1 WHERE status = OLD.status AND waiting = (OLD.waiting_since IS NOT NULL);
    INSERT INTO view_tally (status, waiting, n) SELECT NEW.status, NEW.waiting_since IS NOT NULL, 0
      WHERE NOT EXISTS (SELECT 1 FROM view_tally WHERE status = NEW.status AND waiting = (NEW.waiting_since IS NOT NULL));
    UPDATE view_tally SET n = n + 1 WHERE status = NEW.status AND waiting = (NEW.waiting_since IS NOT NULL);
  END;
  `,
  `
  -- The Attention view newest first, straight from an index: its rows were found through the
  -- waiting index (in order of wait) and sorted, joins and all, for every page (90 ms of CPU for
  -- the first page with 10k customers waiting), and a page could not start at a cursor by a seek.
  CREATE INDEX conversations_attention ON conversations (last_message_at DESC, id DESC)
    WHERE waiting_since IS NOT NULL AND status IN ('queued', 'active', 'pending');
  `,
];

export const OUTBOX_MIGRATIONS: readonly Migration[] = [
  `
  CREATE TABLE outbox.meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  -- position keeps the send order; id is the client id (UUIDv7) the server deduplicates by.
  CREATE TABLE outbox.entries (
    position INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, kind TEXT NOT NULL,
    conversation_id TEXT, payload TEXT NOT NULL, state TEXT NOT NULL, attempts INTEGER NOT NULL,
    created_at INTEGER NOT NULL, error TEXT
  );
  `,
  // Why the server refused an entry, as a code the renderer translates (shared/reasons.ts, JSON).
  'ALTER TABLE outbox.entries ADD COLUMN error_reason TEXT;',
];
