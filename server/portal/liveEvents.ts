// Live updates for signed-in customers. The write path publishes every committed change event; the
// hub tells each connected customer which of *their* conversations changed, and nothing else: the
// page fetches what it shows through the API, which applies the same access rules as any request.
// Internal notes and agents' read markers concern only the desk and are never announced. An agent
// typing in a customer's conversation reaches that customer, with the agent's name.
import type { PortalTyping } from '../../shared/portal';
import type { ChangeEvent } from '../../shared/protocol';
import type { Publisher } from '../sync/writer';

export interface PortalSubscriber {
  contactId: string;
  changed(conversationIds: string[]): void;
  typing(event: PortalTyping): void;
  /** Ends the customer's stream (the server is shutting down). */
  close(): void;
}

export interface PortalHub extends Publisher {
  subscribe(tenantId: string, subscriber: PortalSubscriber): () => void;
  /** An agent started or stopped typing in `conversationId`. */
  typing(tenantId: string, conversationId: string, agentId: string, typing: boolean): void;
  /** Connected customers, over all tenants. */
  size(): number;
  /** Ends every stream. */
  close(): void;
}

/** Conversations whose customer-visible state these events change. */
export function customerVisibleChanges(events: readonly ChangeEvent[]): string[] {
  const ids = new Set<string>();
  const withMessage = new Set<string>();
  for (const event of events) {
    if (event.type === 'message.created') {
      withMessage.add(event.message.conversationId);
      if (event.message.kind !== 'note' && event.message.direction !== 'system') ids.add(event.message.conversationId);
    } else if (event.type === 'message.updated') {
      // An edit, deletion or reaction; the customer sees edits and deletions of replies.
      if (event.message.kind !== 'note' && event.message.direction !== 'system') ids.add(event.message.conversationId);
    } else if (event.type === 'message.status') {
      ids.add(event.conversationId);
    } else if (event.type === 'conversation.read') {
      // The customer's own messages show read by staff.
      ids.add(event.conversationId);
    }
  }
  // A conversation change on its own (assigned, resolved) is news; one that only follows a note
  // or a system line is not.
  for (const event of events) {
    if (event.type === 'conversation.upserted' && !withMessage.has(event.conversation.id)) ids.add(event.conversation.id);
  }
  return [...ids];
}

export function createPortalHub(deps: {
  owners: (tenantId: string, conversationIds: string[]) => Promise<Map<string, string>>;
  staffName: (tenantId: string, agentId: string) => Promise<string | null>;
  onError: (error: unknown) => void;
}): PortalHub {
  const byTenant = new Map<string, Set<PortalSubscriber>>();
  return {
    subscribe(tenantId, subscriber) {
      const set = byTenant.get(tenantId) ?? new Set();
      set.add(subscriber);
      byTenant.set(tenantId, set);
      return () => {
        set.delete(subscriber);
        if (set.size === 0 && byTenant.get(tenantId) === set) byTenant.delete(tenantId);
      };
    },
    typing(tenantId, conversationId, agentId, typing) {
      const subscribers = byTenant.get(tenantId);
      if (!subscribers || subscribers.size === 0) return;
      Promise.all([deps.owners(tenantId, [conversationId]), deps.staffName(tenantId, agentId)]).then(([owners, staffName]) => {
        const owner = owners.get(conversationId);
        for (const subscriber of subscribers) if (subscriber.contactId === owner) subscriber.typing({ conversationId, typing, staffName });
      }, deps.onError);
    },
    size: () => [...byTenant.values()].reduce((n, set) => n + set.size, 0),
    close() {
      for (const set of byTenant.values()) for (const subscriber of set) subscriber.close();
      byTenant.clear();
    },
    publish(tenantId, events) {
      const subscribers = byTenant.get(tenantId);
      if (!subscribers || subscribers.size === 0) return;
      const changed = customerVisibleChanges(events);
      if (changed.length === 0) return;
      deps.owners(tenantId, changed).then((owners) => {
        for (const subscriber of subscribers) {
          const own = changed.filter((id) => owners.get(id) === subscriber.contactId);
          if (own.length > 0) subscriber.changed(own);
        }
      }, deps.onError);
    },
  };
}
