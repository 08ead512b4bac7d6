// DDL of the message full-text indexes, the same in the desktop cache and the backend's SQLite:
// FTS5 external-content tables over `messages`.
//
// - messages_fts: unicode61 with diacritics removed ("resume" finds "résumé"), prefix indexes for
//   search-as-you-type. Results are ordered newest first, never ranked, so no column sizes are kept.
// - messages_cjk: trigram over the messages that contain Chinese, Japanese or Korean text (written
//   without spaces, so words cannot be told apart); messages_cjk_rows lists them, so a one- or
//   two-character query (too short for trigrams) scans only those.
//
// Both keep the word index through a trigger-fed queue applied once per write transaction (the
// cache: main/core/search/schema.ts, the backend: server/db/messageIndexQueue.ts; the netting is
// pendingIndex.ts): FTS5 flushes its pending writes at every savepoint, so a direct trigger costs
// a small segment write per row. The backend keeps direct triggers for the CJK index, which holds
// only messages with CJK text.
//
// External content refers to the implicit rowid of `messages`: neither database is VACUUMed, which
// is what keeps those rowids stable.
import type { MessagePlan } from './plan';

/** Code point ranges of CJK scripts as a GLOB character class (SQLite's GLOB is UTF-8 aware). */
const CJK_CLASS = `'*[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff66-\uff9f]*'`;

/** SQL: `text` contains CJK. The byte-length test skips the GLOB for plain ASCII text. */
export const isCjkSql = (text: string) => `(octet_length(${text}) <> length(${text}) AND ${text} GLOB ${CJK_CLASS})`;

export const MESSAGE_INDEX_TABLES: readonly string[] = [
  `CREATE VIRTUAL TABLE messages_fts USING fts5(
    body, content = 'messages', content_rowid = 'rowid',
    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3', columnsize = 0
  )`,
  `CREATE VIRTUAL TABLE messages_cjk USING fts5(
    body, content = 'messages', content_rowid = 'rowid', tokenize = 'trigram remove_diacritics 1', columnsize = 0
  )`,
  `CREATE TABLE messages_cjk_rows (rowid INTEGER PRIMARY KEY)`,
];

/** Indexes the rows already present when the indexes are created. */
export const MESSAGE_INDEX_BACKFILL: readonly string[] = [
  `INSERT INTO messages_fts (messages_fts) VALUES ('rebuild')`,
  `INSERT INTO messages_cjk_rows (rowid) SELECT rowid FROM messages WHERE ${isCjkSql('body')}`,
  `INSERT INTO messages_cjk (rowid, body) SELECT m.rowid, m.body FROM messages_cjk_rows r JOIN messages m ON m.rowid = r.rowid`,
];

const directTriggers = [
  `CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN
    INSERT INTO messages_fts (rowid, body) VALUES (new.rowid, new.body);
  END`,
  `CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
    INSERT INTO messages_fts (messages_fts, rowid, body) VALUES ('delete', old.rowid, old.body);
  END`,
  `CREATE TRIGGER messages_fts_update AFTER UPDATE OF body ON messages BEGIN
    INSERT INTO messages_fts (messages_fts, rowid, body) VALUES ('delete', old.rowid, old.body);
    INSERT INTO messages_fts (rowid, body) VALUES (new.rowid, new.body);
  END`,
  `CREATE TRIGGER messages_cjk_insert AFTER INSERT ON messages WHEN ${isCjkSql('new.body')} BEGIN
    INSERT INTO messages_cjk (rowid, body) VALUES (new.rowid, new.body);
    INSERT INTO messages_cjk_rows (rowid) VALUES (new.rowid);
  END`,
  `CREATE TRIGGER messages_cjk_delete AFTER DELETE ON messages WHEN ${isCjkSql('old.body')} BEGIN
    INSERT INTO messages_cjk (messages_cjk, rowid, body) VALUES ('delete', old.rowid, old.body);
    DELETE FROM messages_cjk_rows WHERE rowid = old.rowid;
  END`,
  `CREATE TRIGGER messages_cjk_update_old AFTER UPDATE OF body ON messages WHEN ${isCjkSql('old.body')} BEGIN
    INSERT INTO messages_cjk (messages_cjk, rowid, body) VALUES ('delete', old.rowid, old.body);
    DELETE FROM messages_cjk_rows WHERE rowid = old.rowid;
  END`,
  `CREATE TRIGGER messages_cjk_update_new AFTER UPDATE OF body ON messages WHEN ${isCjkSql('new.body')} BEGIN
    INSERT INTO messages_cjk (rowid, body) VALUES (new.rowid, new.body);
    INSERT INTO messages_cjk_rows (rowid) VALUES (new.rowid);
  END`,
];

/**
 * Second version, applied by a later migration on both sides: `messages_cjk_rows` keeps a copy of
 * each CJK message's text, so the one- and two-character scan reads one small table newest first
 * instead of fetching a message row for every candidate.
 */
export const CJK_ROW_TEXT: readonly string[] = [
  `ALTER TABLE messages_cjk_rows ADD COLUMN body TEXT NOT NULL DEFAULT ''`,
  `UPDATE messages_cjk_rows SET body = coalesce((SELECT m.body FROM messages m WHERE m.rowid = messages_cjk_rows.rowid), '')`,
];

/** The backend's triggers that fill `messages_cjk_rows`, recreated to copy the text too. */
export const CJK_ROW_TEXT_TRIGGERS: readonly string[] = [
  'DROP TRIGGER messages_cjk_insert',
  'DROP TRIGGER messages_cjk_update_new',
  `CREATE TRIGGER messages_cjk_insert AFTER INSERT ON messages WHEN ${isCjkSql('new.body')} BEGIN
    INSERT INTO messages_cjk (rowid, body) VALUES (new.rowid, new.body);
    INSERT INTO messages_cjk_rows (rowid, body) VALUES (new.rowid, new.body);
  END`,
  `CREATE TRIGGER messages_cjk_update_new AFTER UPDATE OF body ON messages WHEN ${isCjkSql('new.body')} BEGIN
    INSERT INTO messages_cjk (rowid, body) VALUES (new.rowid, new.body);
    INSERT INTO messages_cjk_rows (rowid, body) VALUES (new.rowid, new.body);
  END`,
];

/** The backend's indexes as migration 004 created them: tables, direct triggers, backfill. */
export const MESSAGE_INDEX_STATEMENTS: readonly string[] = [...MESSAGE_INDEX_TABLES, ...directTriggers, ...MESSAGE_INDEX_BACKFILL];

/** One- and two-character CJK queries scan at most this many of the newest CJK messages. */
export const CJK_SCAN_WINDOW = 20_000;

/** The lowest rowid of the short-CJK scan window (bind as @floor; 0 when the window is the whole list). */
export const CJK_FLOOR_SQL = `SELECT coalesce((SELECT rowid FROM messages_cjk_rows ORDER BY rowid DESC LIMIT 1 OFFSET ${CJK_SCAN_WINDOW - 1}), 0) AS floor`;

/**
 * FROM clause for a plan's candidate messages, aliased `f` with `f.rowid`; the caller joins
 * `messages m ON m.rowid = f.rowid` and adds the plan's MATCH or LIKE conditions.
 */
export function messageSourceFrom(kind: MessagePlan['kind']): string {
  switch (kind) {
    case 'words':
      return 'messages_fts f';
    case 'trigram':
      return 'messages_cjk f';
    case 'cjkScan':
      // Read newest first and stop at LIMIT; the window's floor bounds a query that finds little.
      // Its LIKE conditions go on `f.body` (CJK_ROW_TEXT), the copy kept beside each row id.
      return `messages_cjk_rows f`;
  }
}

/** The MATCH target of an index plan. */
export const matchTable = (kind: 'words' | 'trigram') => (kind === 'words' ? 'messages_fts' : 'messages_cjk');
