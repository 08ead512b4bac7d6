// Canned messages in the cache (synced like any other row, last writer wins by seq) and this
// agent's local usage counts, which rank suggestions.
import type Database from 'better-sqlite3';
import type { CannedMessage } from '../../../shared/domain';

interface CannedRow {
  id: string;
  scope: string;
  owner_agent_id: string | null;
  title: string;
  shortcut: string;
  category: string;
  body: string;
  updated_at: number;
  seq: number;
  uses: number | null;
}

export interface CannedWithUsage extends CannedMessage {
  uses: number;
}

const toCanned = (r: CannedRow): CannedWithUsage => ({
  id: r.id,
  scope: r.scope as CannedMessage['scope'],
  ownerAgentId: r.owner_agent_id,
  title: r.title,
  shortcut: r.shortcut,
  category: r.category,
  body: r.body,
  updatedAt: r.updated_at,
  seq: r.seq,
  uses: r.uses ?? 0,
});

export class CannedStore {
  private readonly s;

  constructor(private readonly db: Database.Database) {
    this.s = {
      seq: db.prepare<[string], { seq: number }>('SELECT seq FROM canned WHERE id = ?'),
      put: db.prepare(
        `INSERT OR REPLACE INTO canned (id, scope, owner_agent_id, title, shortcut, category, body, updated_at, seq)
         VALUES (@id, @scope, @ownerAgentId, @title, @shortcut, @category, @body, @updatedAt, @seq)`,
      ),
      delete: db.prepare<[string]>('DELETE FROM canned WHERE id = ?'),
      list: db.prepare<[{ self: string }], CannedRow>(
        `SELECT c.*, u.uses FROM canned c LEFT JOIN canned_usage u ON u.canned_id = c.id
         WHERE c.scope = 'team' OR c.owner_agent_id = @self ORDER BY c.category, c.title`,
      ),
      use: db.prepare<[string, number]>(
        `INSERT INTO canned_usage (canned_id, uses, last_used_at) VALUES (?, 1, ?)
         ON CONFLICT (canned_id) DO UPDATE SET uses = uses + 1, last_used_at = excluded.last_used_at`,
      ),
    };
  }

  upsert(canned: CannedMessage): boolean {
    const current = this.s.seq.get(canned.id)?.seq;
    if (current !== undefined && current > canned.seq) return false;
    this.s.put.run(canned);
    return true;
  }

  /** Writes the row whatever its seq: local edits waiting in the outbox, and their undo. */
  replace(canned: CannedMessage): void {
    this.s.put.run(canned);
  }

  remove(id: string): void {
    this.s.delete.run(id);
  }

  /** A snapshot carries the complete list: what it lacks was deleted meanwhile. */
  replaceAll(list: readonly CannedMessage[]): void {
    this.db.exec('DELETE FROM canned');
    for (const canned of list) this.s.put.run(canned);
  }

  /** The team's canned messages and the agent's own. */
  list(selfId: string): CannedWithUsage[] {
    return this.s.list.all({ self: selfId }).map(toCanned);
  }

  recordUse(id: string, now: number): void {
    this.s.use.run(id, now);
  }
}
