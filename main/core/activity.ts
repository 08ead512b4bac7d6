// Ephemeral activity as the core knows it: which customers are online and who is typing where.
// Never stored: it is rebuilt from the server on every connect and expires on its own, so a lost
// "stopped typing" cannot leave an indicator behind.
// The renderer shows activity only for the conversations it asks about (`activity.get`, repeated
// while a thread is open), so those are the ones watched: a push that changes nothing watched is
// not forwarded (every new customer comes online with their first message, a burst in busy hours).
import type { Activity } from '../../shared/protocol';

/** A typing indicator not renewed by the server within this time is dropped. */
const TYPING_STALE_MS = 8_000;
/**
 * A conversation asked about within this time is watched. The renderer asks every 10 s while it
 * shows one, and again when its window comes back into view; a hidden window's timers may run as
 * rarely as once a minute.
 */
export const WATCH_MS = 75_000;

export class ActivityState {
  private readonly online = new Map<string, number>();
  private readonly typing = new Map<string, Map<string | null, number>>();
  /** Conversation id → its customer and until when it is watched. */
  private readonly watched = new Map<string, { contactId: string; until: number }>();

  constructor(private readonly now: () => number) {}

  /** Replaces presence with the server's list (on connect). */
  resetPresence(online: readonly { contactId: string; at: number }[]): void {
    this.online.clear();
    for (const p of online) this.online.set(p.contactId, p.at);
    this.typing.clear();
  }

  clear(): void {
    this.online.clear();
    this.typing.clear();
  }

  /** A conversation whose activity was just asked for: changes to it are told for a while. */
  watch(conversationId: string, contactId: string): void {
    const now = this.now();
    for (const [id, w] of this.watched) if (w.until <= now) this.watched.delete(id);
    this.watched.set(conversationId, { contactId, until: now + WATCH_MS });
  }

  /** Applies a push; returns the watched conversations it changed. */
  apply(activity: Activity): string[] {
    if (activity.type === 'presence') return this.applyPresence([activity]);
    if (activity.type === 'presences') return this.applyPresence(activity.changes);
    let who = this.typing.get(activity.conversationId);
    if (!who) this.typing.set(activity.conversationId, (who = new Map()));
    if (activity.typing) who.set(activity.agentId, this.now());
    else who.delete(activity.agentId);
    if (who.size === 0) this.typing.delete(activity.conversationId);
    return this.isWatched(activity.conversationId) ? [activity.conversationId] : [];
  }

  isOnline(contactId: string): boolean {
    return this.online.has(contactId);
  }

  typingIn(conversationId: string, exceptAgentId: string): (string | null)[] {
    const who = this.typing.get(conversationId);
    if (!who) return [];
    const fresh = this.now() - TYPING_STALE_MS;
    return [...who.entries()].filter(([id, at]) => at >= fresh && id !== exceptAgentId).map(([id]) => id);
  }

  private applyPresence(changes: readonly { contactId: string; online: boolean; at: number }[]): string[] {
    const changed = new Set<string>();
    for (const { contactId, online, at } of changes) {
      if (online === this.online.has(contactId)) continue;
      if (online) this.online.set(contactId, at);
      else this.online.delete(contactId);
      changed.add(contactId);
    }
    if (changed.size === 0) return [];
    const ids: string[] = [];
    for (const [conversationId, w] of this.watched) {
      if (changed.has(w.contactId) && this.isWatched(conversationId)) ids.push(conversationId);
    }
    return ids;
  }

  private isWatched(conversationId: string): boolean {
    const w = this.watched.get(conversationId);
    if (!w) return false;
    if (w.until > this.now()) return true;
    this.watched.delete(conversationId);
    return false;
  }
}
