import { useEffect, useMemo } from 'react';
import { rateLimited } from '../../../shared/rateLimit';
import type { ThreadMessage } from '../../../shared/ipc/contract';
import { useDeskApi } from '../api/ApiContext';

export function newestInboundId(messages: ThreadMessage[]): string | null {
  for (let i = messages.length - 1; i >= 0; i--) {
    if (messages[i]!.direction === 'inbound') return messages[i]!.id;
  }
  return null;
}

/**
 * While customer messages stream into the open conversation, it is marked read at most this often:
 * each mark is an outbox entry (two synced transactions) and a write on the server.
 */
export const MARK_READ_INTERVAL_MS = 1_000;

/**
 * The open conversation counts as read: once its messages are on screen, and again whenever a new
 * customer message arrives while it is open, at most once per interval during a stream (the first
 * at once, the last always marked; leaving the conversation marks what is pending at once). A
 * plain call rather than a mutation: a mutation's state (pending, then done) would render the
 * whole thread twice more for each new message, and nothing shows that state. A failed mark is
 * harmless; the next message or the next opening marks the conversation again.
 */
export function useMarkRead(conversationId: string, messages: ThreadMessage[], loaded: boolean): void {
  const api = useDeskApi();
  const newest = newestInboundId(messages);
  const marker = useMemo(
    () =>
      rateLimited(() => void api['conversation.markRead']({ conversationId }), MARK_READ_INTERVAL_MS, {
        now: () => performance.now(),
        schedule: (fn, ms) => {
          const timer = setTimeout(fn, ms);
          return () => clearTimeout(timer);
        },
      }),
    [api, conversationId],
  );
  useEffect(() => () => marker.flush(), [marker]);
  useEffect(() => {
    if (loaded) marker.request();
  }, [marker, newest, loaded]);
}
