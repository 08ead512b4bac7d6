// The cache's full-text indexes: the message indexes shared with the backend
// (shared/search/messageIndex.ts), plus contacts and conversation subjects, all FTS5
// external-content tables.
//
// - contacts_fts: trigram over name, email and the phone's digits, so a phone number typed in any
//   formatting and any part of a name or address is found.
// - conversations_fts: subjects.
//
// Triggers on messages, contacts and conversations record every insert, update and delete in
// `search_pending` (a delete with the old indexed values, which external content needs to remove
// a row), whatever path wrote it: snapshot pages, change events, history pages, the outbox's
// optimistic rows, wipes. The store applies that queue to the indexes at the end of every write
// transaction (indexer.ts), in bulk: an FTS5 write inside a trigger would flush a tiny segment per
// row and make a bootstrap several times slower. Queue and rows commit together, so the indexes
// are never behind after a commit, even across a crash.
import { isCjkSql, MESSAGE_INDEX_BACKFILL, MESSAGE_INDEX_TABLES } from '../../../shared/search/messageIndex';

/** Queue sources: which table a pending row belongs to. */
export const SOURCES = { message: 'm', contact: 'k', conversation: 'c' } as const;

/** The digits of a phone number in SQL; matches normalizePhone() for the separators people use. */
const phoneDigitsSql = (col: string) =>
  [' ', '-', '(', ')', '+', '.', '/', '\u00a0'].reduce((expr, ch) => `replace(${expr}, '${ch}', '')`, `coalesce(${col}, '')`);

/** Old indexed values of a row, as JSON, in the FTS table's column order. */
const OLD_VALUES = {
  m: 'json_array(old.body)',
  k: `json_array(old.name, coalesce(old.email, ''), ${phoneDigitsSql('old.phone')})`,
  c: `json_array(coalesce(old.subject, ''))`,
};

function queueTriggers(table: string, source: keyof typeof OLD_VALUES, columns: string, when = ''): string {
  const enqueue = (row: string, old: string) => `INSERT INTO search_pending (source, row, old) VALUES ('${source}', ${row}, ${old});`;
  return `
  CREATE TRIGGER ${table}_search_insert AFTER INSERT ON ${table} BEGIN ${enqueue('new.rowid', 'NULL')} END;
  CREATE TRIGGER ${table}_search_delete AFTER DELETE ON ${table} BEGIN ${enqueue('old.rowid', OLD_VALUES[source])} END;
  CREATE TRIGGER ${table}_search_update AFTER UPDATE OF ${columns} ON ${table} ${when} BEGIN
    ${enqueue('old.rowid', OLD_VALUES[source])}
    ${enqueue('new.rowid', 'NULL')}
  END;`;
}

export const SEARCH_MIGRATION = `
  ${MESSAGE_INDEX_TABLES.map((s) => `${s};`).join('\n')}
  ${MESSAGE_INDEX_BACKFILL.map((s) => `${s};`).join('\n')}

  CREATE VIEW contacts_search AS
    SELECT rowid AS row_id, name, coalesce(email, '') AS email, ${phoneDigitsSql('phone')} AS phone_digits FROM contacts;
  CREATE VIRTUAL TABLE contacts_fts USING fts5(
    name, email, phone_digits, content = 'contacts_search', content_rowid = 'row_id',
    tokenize = 'trigram remove_diacritics 1', columnsize = 0
  );
  INSERT INTO contacts_fts (contacts_fts) VALUES ('rebuild');

  CREATE VIEW conversations_search AS SELECT rowid AS row_id, coalesce(subject, '') AS subject FROM conversations;
  CREATE VIRTUAL TABLE conversations_fts USING fts5(
    subject, content = 'conversations_search', content_rowid = 'row_id',
    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3', columnsize = 0
  );
  INSERT INTO conversations_fts (conversations_fts) VALUES ('rebuild');

  -- old is NULL for "index the row's current values", else the JSON array of values to remove.
  CREATE TABLE search_pending (id INTEGER PRIMARY KEY, source TEXT NOT NULL, row INTEGER NOT NULL, old TEXT);
  ${queueTriggers('messages', 'm', 'body')}
  ${queueTriggers('contacts', 'k', 'name, email, phone')}
  -- Conversations are rewritten on every message; reindex only when the subject really changed.
  ${queueTriggers('conversations', 'c', 'subject', 'WHEN old.subject IS NOT new.subject')}

  -- A contact's conversations, newest first: search opens a contact's latest conversation.
  CREATE INDEX conversations_contact ON conversations (contact_id, last_message_at DESC);
`;

/** The condition on a contact's name that the partial index below covers (see planContacts). */
export const CJK_NAME_SQL = (column: string) => isCjkSql(column);

/** Contacts with CJK in their name: a one- or two-character CJK search scans only those. */
export const CONTACT_CJK_NAME_INDEX = `CREATE INDEX contacts_cjk_name ON contacts (name) WHERE ${CJK_NAME_SQL('name')};`;
