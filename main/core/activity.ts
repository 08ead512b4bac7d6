// Ephemeral activity as the core knows it: which customers are online and who is typing where.
// Never stored: it is rebuilt from the server on every connect and expires on its own, so a lost
// "stopped typing" cannot leave an indicator behind.
import type { Activity } from '../../shared/protocol';

/** A typing indicator not renewed by the server within this time is dropped. */
const TYPING_STALE_MS = 8_000;

export interface ConversationActivity {
  /** Agents (by id) and the customer (null) typing now. */
  typing: (string | null)[];
}

export class ActivityState {
  private readonly online = new Map<string, number>();
  private readonly typing = new Map<string, Map<string | null, number>>();

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

  /** Applies a push; returns the conversation or contact it concerns. */
  apply(activity: Activity): { conversationId: string } | { contactId: string } {
    if (activity.type === 'presence') {
      if (activity.online) this.online.set(activity.contactId, activity.at);
      else this.online.delete(activity.contactId);
      return { contactId: activity.contactId };
    }
    let who = this.typing.get(activity.conversationId);
    if (!who) this.typing.set(activity.conversationId, (who = new Map()));
    if (activity.typing) who.set(activity.agentId, this.now());
    else who.delete(activity.agentId);
    if (who.size === 0) this.typing.delete(activity.conversationId);
    return { conversationId: activity.conversationId };
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
}
