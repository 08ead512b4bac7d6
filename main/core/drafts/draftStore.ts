// What the agent is typing, per conversation, in the cache file: restored when the agent comes
// back to the conversation, also after a restart; removed when the message is sent.
import type Database from 'better-sqlite3';

export class DraftStore {
  private readonly s;

  constructor(db: Database.Database) {
    this.s = {
      get: db.prepare<[string], { body: string }>('SELECT body FROM drafts WHERE conversation_id = ?'),
      put: db.prepare<[string, string, number]>('INSERT OR REPLACE INTO drafts (conversation_id, body, updated_at) VALUES (?, ?, ?)'),
      clear: db.prepare<[string]>('DELETE FROM drafts WHERE conversation_id = ?'),
    };
  }

  get(conversationId: string): string | null {
    return this.s.get.get(conversationId)?.body ?? null;
  }

  /** Saves a draft; an empty (or blank) one is removed. Returns whether anything changed. */
  save(conversationId: string, body: string, now: number): boolean {
    if (body.trim() === '') return this.s.clear.run(conversationId).changes > 0;
    if (this.get(conversationId) === body) return false;
    this.s.put.run(conversationId, body, now);
    return true;
  }

  clear(conversationId: string): boolean {
    return this.s.clear.run(conversationId).changes > 0;
  }
}
