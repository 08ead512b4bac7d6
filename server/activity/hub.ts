// Ephemeral activity: who is typing in which conversation and which customers are online. It is
// not durable state (no seq, no change log): it lives in memory, expires by itself, and reaches the
// tenant's sockets as `activity` pushes. A client that connects asks for the current presence.
// Presence comes in bursts (every new customer comes online with their first message, and those
// not heard from lapse together), so its changes go out at most once per PRESENCE_PUSH_MS per
// tenant: the first after a quiet spell at once, the rest of the burst together at the window's end.
import type { Activity, PresenceChange } from '../../shared/protocol';

/** A typing indicator that is not renewed within this time goes away (a closed tab, a lost socket). */
export const TYPING_TTL_MS = 6_000;
/** A customer not heard from within this time counts as offline. */
export const PRESENCE_TTL_MS = 90_000;
/** At most one presence push per tenant within this time. */
export const PRESENCE_PUSH_MS = 1_000;

export type ActivityListener = (tenantId: string, activity: Activity) => void;

export interface ActivityHub {
  /** `agentId` null: the customer. */
  typing(tenantId: string, conversationId: string, agentId: string | null, typing: boolean): void;
  presence(tenantId: string, contactId: string, online: boolean): void;
  /** The tenant's customers online now, with the time they were last seen. */
  online(tenantId: string): { contactId: string; at: number }[];
  subscribe(listener: ActivityListener): () => void;
  close(): void;
}

export function createActivityHub(options: {
  now: () => number;
  schedule?: (fn: () => void, ms: number) => () => void;
}): ActivityHub {
  const schedule =
    options.schedule ??
    ((fn: () => void, ms: number) => {
      const timer = setTimeout(fn, ms);
      timer.unref();
      return () => clearTimeout(timer);
    });
  const listeners = new Set<ActivityListener>();
  const typingTimers = new Map<string, () => void>();
  const present = new Map<string, { tenantId: string; contactId: string; at: number; cancel: () => void }>();
  /**
   * Per tenant whose push window is open: the changes held for its end, by contact, each with the
   * state the last push gave the clients.
   */
  const held = new Map<string, { changes: Map<string, { change: PresenceChange; pushed: boolean }>; cancel: () => void }>();
  const emit = (tenantId: string, activity: Activity) => {
    for (const listener of listeners) listener(tenantId, activity);
  };
  const openWindow = (tenantId: string) => {
    held.set(tenantId, { changes: new Map(), cancel: schedule(() => closeWindow(tenantId), PRESENCE_PUSH_MS) });
  };
  const closeWindow = (tenantId: string) => {
    const window = held.get(tenantId);
    held.delete(tenantId);
    if (!window || window.changes.size === 0) return;
    openWindow(tenantId);
    emit(tenantId, { type: 'presences', changes: [...window.changes.values()].map(({ change }) => change) });
  };
  const pushPresence = (tenantId: string, change: PresenceChange) => {
    const window = held.get(tenantId);
    if (!window) {
      openWindow(tenantId);
      emit(tenantId, { type: 'presences', changes: [change] });
      return;
    }
    const before = window.changes.get(change.contactId);
    // Back where the last push left this customer: there is nothing to tell.
    if (before && before.pushed === change.online) window.changes.delete(change.contactId);
    else window.changes.set(change.contactId, { change, pushed: before ? before.pushed : !change.online });
  };

  const hub: ActivityHub = {
    typing(tenantId, conversationId, agentId, typing) {
      const key = `${tenantId}\u0000${conversationId}\u0000${agentId ?? ''}`;
      const wasTyping = typingTimers.has(key);
      typingTimers.get(key)?.();
      typingTimers.delete(key);
      if (typing) typingTimers.set(key, schedule(() => hub.typing(tenantId, conversationId, agentId, false), TYPING_TTL_MS));
      // Renewals are silent; only starts and stops reach the clients.
      if (typing !== wasTyping) emit(tenantId, { type: 'typing', conversationId, agentId, typing, at: options.now() });
    },
    presence(tenantId, contactId, online) {
      const key = `${tenantId}\u0000${contactId}`;
      const before = present.get(key);
      before?.cancel();
      present.delete(key);
      const at = options.now();
      if (online) {
        present.set(key, { tenantId, contactId, at, cancel: schedule(() => hub.presence(tenantId, contactId, false), PRESENCE_TTL_MS) });
      }
      if (online !== (before !== undefined)) pushPresence(tenantId, { contactId, online, at });
    },
    online(tenantId) {
      return [...present.values()].filter((p) => p.tenantId === tenantId).map(({ contactId, at }) => ({ contactId, at }));
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      for (const cancel of typingTimers.values()) cancel();
      typingTimers.clear();
      for (const p of present.values()) p.cancel();
      present.clear();
      for (const window of held.values()) window.cancel();
      held.clear();
      listeners.clear();
    },
  };
  return hub;
}
