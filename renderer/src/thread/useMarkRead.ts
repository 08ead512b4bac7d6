import { useEffect } from 'react';
import type { ThreadMessage } from '../../../shared/ipc/contract';
import { useDeskMutation } from '../api/hooks';

export function newestInboundId(messages: ThreadMessage[]): string | null {
  for (let i = messages.length - 1; i >= 0; i--) {
    if (messages[i]!.direction === 'inbound') return messages[i]!.id;
  }
  return null;
}

/**
 * The open conversation counts as read: once its messages are on screen, and again whenever a new
 * customer message arrives while it is open.
 */
export function useMarkRead(conversationId: string, messages: ThreadMessage[], loaded: boolean): void {
  const { mutate } = useDeskMutation('conversation.markRead');
  const newest = newestInboundId(messages);
  useEffect(() => {
    if (loaded) mutate({ conversationId });
  }, [conversationId, newest, loaded, mutate]);
}
