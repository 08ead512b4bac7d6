// What the notification center reads from the cache: a conversation's deciding fields before a
// batch is applied, names for the text, the queued conversations for reminders, and the unread
// count for the badge. Prepared once per cache connection.
import type Database from 'better-sqlite3';
import type { ConversationFacts } from './derive';

export class NotificationFacts {
  private readonly s;

  constructor(db: Database.Database) {
    this.s = {
      facts: db.prepare<[string], { status: string; assignee_id: string | null; queue_id: string }>(
        'SELECT status, assignee_id, queue_id FROM conversations WHERE id = ?',
      ),
      contactName: db.prepare<[string], { name: string | null }>(
        'SELECT ct.name FROM conversations c LEFT JOIN contacts ct ON ct.id = c.contact_id WHERE c.id = ?',
      ),
      agentName: db.prepare<[string], { name: string }>('SELECT name FROM agents WHERE id = ?'),
      queueIds: db.prepare<[string], { queue_ids: string }>('SELECT queue_ids FROM agents WHERE id = ?'),
      queued: db.prepare<[], { id: string; queue_id: string }>(
        "SELECT id, queue_id FROM conversations WHERE status = 'queued' AND assignee_id IS NULL",
      ),
      // What needs the agent: their own open conversations and the unassigned ones waiting.
      unread: db.prepare<[{ self: string }], { n: number }>(
        `SELECT coalesce(sum(r.unread_count), 0) AS n FROM reads r JOIN conversations c ON c.id = r.conversation_id
         WHERE r.unread_count > 0 AND c.status IN ('queued', 'active', 'pending') AND (c.assignee_id = @self OR c.assignee_id IS NULL)`,
      ),
    };
  }

  conversation(id: string): ConversationFacts | null {
    const row = this.s.facts.get(id);
    return row ? { status: row.status, assigneeId: row.assignee_id, queueId: row.queue_id } : null;
  }

  contactName(conversationId: string): string | null {
    return this.s.contactName.get(conversationId)?.name ?? null;
  }

  agentName(agentId: string): string | null {
    return this.s.agentName.get(agentId)?.name ?? null;
  }

  /** The queues an agent works, or null while the team has not synced that agent yet. */
  queueIds(agentId: string): string[] | null {
    const row = this.s.queueIds.get(agentId);
    return row ? (JSON.parse(row.queue_ids) as string[]) : null;
  }

  queued(): { id: string; queueId: string }[] {
    return this.s.queued.all().map((row) => ({ id: row.id, queueId: row.queue_id }));
  }

  unread(self: string): number {
    return this.s.unread.get({ self })?.n ?? 0;
  }
}
