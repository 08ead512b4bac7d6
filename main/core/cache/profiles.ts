// Contact profiles and conversation links in the cache, stored next to their rows as JSON and
// written only when the row itself won last-writer-wins.
import type Database from 'better-sqlite3';
import { contactProfileSchema, conversationLinkSchema, type Channel, type ContactProfile, type ConversationLink, type ConversationStatus } from '../../../shared/domain';
import type { PastConversation } from '../../../shared/ipc/contract';
import { parseJsonAs } from '../../../shared/parseJson';

export class ProfileStore {
  private readonly s;

  constructor(db: Database.Database) {
    this.s = {
      putProfile: db.prepare<[string, string]>('INSERT OR REPLACE INTO contact_profiles (contact_id, profile) VALUES (?, ?)'),
      dropProfile: db.prepare<[string]>('DELETE FROM contact_profiles WHERE contact_id = ?'),
      profile: db.prepare<[string], { profile: string }>('SELECT profile FROM contact_profiles WHERE contact_id = ?'),
      putLink: db.prepare<[string, string]>('INSERT OR REPLACE INTO conversation_links (conversation_id, link) VALUES (?, ?)'),
      dropLink: db.prepare<[string]>('DELETE FROM conversation_links WHERE conversation_id = ?'),
      dropLinks: db.prepare<[string]>('DELETE FROM conversation_links WHERE conversation_id IN (SELECT value FROM json_each(?))'),
      link: db.prepare<[string], { link: string }>('SELECT link FROM conversation_links WHERE conversation_id = ?'),
      others: db.prepare<[string, string], { id: string; channel: string; status: string; subject: string | null; preview: string; last_message_at: number }>(
        `SELECT id, channel, status, subject, preview, last_message_at FROM conversations
         WHERE contact_id = ? AND id <> ? ORDER BY last_message_at DESC LIMIT 50`,
      ),
    };
  }

  setProfile(contactId: string, profile: ContactProfile | undefined): void {
    if (profile) this.s.putProfile.run(contactId, JSON.stringify(profile));
    else this.s.dropProfile.run(contactId);
  }

  setLink(conversationId: string, link: ConversationLink | null | undefined): void {
    if (link) this.s.putLink.run(conversationId, JSON.stringify(link));
    else this.s.dropLink.run(conversationId);
  }

  /** Drops the links of many conversations in one statement (a catch-up's batch). */
  dropLinks(conversationIds: readonly string[]): void {
    if (conversationIds.length > 0) this.s.dropLinks.run(JSON.stringify(conversationIds));
  }

  /** Stored JSON is re-validated: a file written by another version must not crash the panel. */
  profile(contactId: string): ContactProfile | undefined {
    const raw = this.s.profile.get(contactId)?.profile;
    if (raw === undefined) return undefined;
    return parseJsonAs(contactProfileSchema, raw) ?? undefined;
  }

  link(conversationId: string): ConversationLink | null {
    const raw = this.s.link.get(conversationId)?.link;
    if (raw === undefined) return null;
    return parseJsonAs(conversationLinkSchema, raw);
  }

  /** The contact's other cached conversations, newest first (the customer panel's history). */
  otherConversations(contactId: string, exceptId: string): PastConversation[] {
    return this.s.others.all(contactId, exceptId).map((r) => ({
      id: r.id,
      channel: r.channel as Channel,
      status: r.status as ConversationStatus,
      subject: r.subject,
      preview: r.preview,
      lastMessageAt: r.last_message_at,
    }));
  }
}

export const WIPE_PROFILES_SQL = 'DELETE FROM contact_profiles; DELETE FROM conversation_links;';
