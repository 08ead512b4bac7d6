// A conversation's details as the window shows them: the cached row, the contact's profile with
// the agent's unsent edits laid over it, the linked record, and whether the agent's accept is
// still unconfirmed. Read by `conversation.get` and for the watched thread's change notices
// (openThread.ts), so both answer the same.
import type { ConversationDetail } from '../../shared/ipc/contract';
import { withPendingChanges, type PendingChange } from './cache/pendingProfile';
import type { ContactPayload } from './outbox/kinds';
import type { OutboxEntry } from './outbox/store';
import type { Store } from './store';

function pendingChanges(outbox: readonly OutboxEntry[], contactId: string): PendingChange[] {
  return outbox
    .filter((e) => e.kind === 'contact.update' && e.state === 'waiting' && (e.payload as ContactPayload).contactId === contactId)
    .map((e) => ({ id: e.id, createdAt: e.createdAt, payload: e.payload as ContactPayload }));
}

/** Null when the conversation is not cached. */
export function readConversationDetail(store: Store, conversationId: string, selfId: string): ConversationDetail | null {
  const found = store.queries.detail(conversationId);
  if (!found) return null;
  // Read once: it is read for every change notice about the thread on screen.
  const outbox = store.outbox.list();
  const { profiles } = store.applier;
  const profile = withPendingChanges(profiles.profile(found.contact.id), pendingChanges(outbox, found.contact.id), selfId);
  return {
    ...found,
    contact: profile ? { ...found.contact, profile } : found.contact,
    conversation: { ...found.conversation, linkedRecord: profiles.link(conversationId) },
    acceptWaiting: outbox.some((e) => e.kind === 'conversation.accept' && e.conversationId === conversationId),
  };
}
