// Applies the `search_pending` queue (see schema.ts) to the FTS5 indexes, inside the write
// transaction that filled it: removals one by one (each needs its old values), additions in one
// INSERT ... SELECT per index, and a wholesale reset when most of a table was deleted (a wipe).
import type Database from 'better-sqlite3';
import { isCjkSql } from '../../../shared/search/messageIndex';
import { netPending, type NetChanges, type PendingRow as QueuedRow } from '../../../shared/search/pendingIndex';
import { SOURCES } from './schema';

/** A queued row and the table it belongs to. */
interface PendingRow extends QueuedRow {
  source: string;
}

/** Below this many removals a table is never reset wholesale. */
const RESET_THRESHOLD = 1_000;

interface IndexTarget {
  /** FTS5 table. */
  fts: string;
  columns: readonly string[];
  /** The content rows: `row_id` plus the columns. */
  content: string;
}

const TARGETS: Record<string, IndexTarget> = {
  [SOURCES.message]: { fts: 'messages_fts', columns: ['body'], content: 'SELECT rowid AS row_id, body FROM messages' },
  [SOURCES.contact]: { fts: 'contacts_fts', columns: ['name', 'email', 'phone_digits'], content: 'SELECT * FROM contacts_search' },
  [SOURCES.conversation]: { fts: 'conversations_fts', columns: ['subject'], content: 'SELECT * FROM conversations_search' },
};

const CONTENT_TABLES: Record<string, string> = {
  [SOURCES.message]: 'messages',
  [SOURCES.contact]: 'contacts',
  [SOURCES.conversation]: 'conversations',
};

export class SearchIndexer {
  private readonly s;
  private readonly perTarget;

  constructor(private readonly db: Database.Database) {
    this.s = {
      pending: db.prepare<[], PendingRow>('SELECT id, source, row, old FROM search_pending ORDER BY id'),
      clear: db.prepare<[number]>('DELETE FROM search_pending WHERE id <= ?'),
      cjkRow: db.prepare<[number], { one: number }>('SELECT 1 AS one FROM messages_cjk_rows WHERE rowid = ?'),
      cjkRemove: db.prepare<[number, string]>("INSERT INTO messages_cjk (messages_cjk, rowid, body) VALUES ('delete', ?, ?)"),
      cjkRowRemove: db.prepare<[number]>('DELETE FROM messages_cjk_rows WHERE rowid = ?'),
      cjkAddRows: db.prepare<[string]>(
        `INSERT OR IGNORE INTO messages_cjk_rows (rowid, body) SELECT m.rowid, m.body FROM json_each(?) j JOIN messages m ON m.rowid = j.value
         WHERE ${isCjkSql('m.body')}`,
      ),
      cjkAdd: db.prepare<[string]>(
        `INSERT INTO messages_cjk (rowid, body) SELECT r.rowid, r.body FROM json_each(?) j JOIN messages_cjk_rows r ON r.rowid = j.value`,
      ),
      cjkReset: db.prepare("INSERT INTO messages_cjk (messages_cjk) VALUES ('delete-all')"),
      cjkRowsReset: db.prepare('DELETE FROM messages_cjk_rows'),
    };
    this.perTarget = Object.fromEntries(
      Object.entries(TARGETS).map(([source, t]) => {
        const cols = t.columns.join(', ');
        const marks = t.columns.map(() => '?').join(', ');
        return [
          source,
          {
            remove: db.prepare(`INSERT INTO ${t.fts} (${t.fts}, rowid, ${cols}) VALUES ('delete', ?, ${marks})`),
            add: db.prepare<[string]>(
              `INSERT INTO ${t.fts} (rowid, ${cols}) SELECT c.row_id, ${t.columns.map((c) => `c.${c}`).join(', ')}
               FROM json_each(?) j JOIN (${t.content}) c ON c.row_id = j.value`,
            ),
            reset: db.prepare(`INSERT INTO ${t.fts} (${t.fts}) VALUES ('delete-all')`),
            addAll: db.prepare(`INSERT INTO ${t.fts} (rowid, ${cols}) SELECT row_id, ${cols} FROM (${t.content})`),
            count: db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM ${CONTENT_TABLES[source]}`),
          },
        ];
      }),
    );
  }

  /** Brings every index up to date with the rows written so far in this transaction. */
  flush(): void {
    const pending = this.s.pending.all();
    const last = pending[pending.length - 1];
    if (!last) return;
    for (const source of Object.keys(TARGETS)) {
      const rows = pending.filter((p) => p.source === source);
      if (rows.length > 0) this.apply(source, netPending(rows));
    }
    this.s.clear.run(last.id);
  }

  private apply(source: string, changes: NetChanges): void {
    const t = this.perTarget[source];
    if (!t) return;
    const isMessages = source === SOURCES.message;
    if (changes.removals.length >= RESET_THRESHOLD && changes.removals.length >= t.count.get()!.n) {
      // Most of the table is gone: rebuilding from what is left is cheaper than removing each row.
      t.reset.run();
      t.addAll.run();
      if (isMessages) {
        this.s.cjkReset.run();
        this.s.cjkRowsReset.run();
        this.db.exec(`INSERT INTO messages_cjk_rows (rowid, body) SELECT rowid, body FROM messages WHERE ${isCjkSql('body')}`);
        this.db.exec('INSERT INTO messages_cjk (rowid, body) SELECT rowid, body FROM messages_cjk_rows');
      }
      return;
    }
    for (const { row, old } of changes.removals) {
      const values = JSON.parse(old) as string[];
      t.remove.run(row, ...values);
      if (isMessages && this.s.cjkRow.get(row)) {
        this.s.cjkRemove.run(row, values[0] ?? '');
        this.s.cjkRowRemove.run(row);
      }
    }
    if (changes.additions.length === 0) return;
    const rows = JSON.stringify(changes.additions);
    t.add.run(rows);
    if (isMessages) {
      this.s.cjkAddRows.run(rows);
      this.s.cjkAdd.run(rows);
    }
  }
}
