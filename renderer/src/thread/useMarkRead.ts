import { useEffect } from 'react';
import type { ThreadMessage } from '../../../shared/ipc/contract';
import { useDeskApi } from '../api/ApiContext';

export function newestInboundId(messages: ThreadMessage[]): string | null {
  for (let i = messages.length - 1; i >= 0; i--) {
    if (messages[i]!.direction === 'inbound') return messages[i]!.id;
  }
  return null;
}

/**
 * The open conversation counts as read: once its messages are on screen, and again whenever a new
 * customer message arrives while it is open. A plain call rather than a mutation: a mutation's
 * state (pending, then done) would render the whole thread twice more for each new message, and
 * nothing shows that state. A failed mark is harmless; the next message or the next opening marks
 * the conversation again.
 */
export function useMarkRead(conversationId: string, messages: ThreadMessage[], loaded: boolean): void {
  const api = useDeskApi();
  const newest = newestInboundId(messages);
  useEffect(() => {
    if (loaded) void api['conversation.markRead']({ conversationId });
  }, [api, conversationId, newest, loaded]);
}
