// Query keys are derived from the contract: ['desk', method, request]. TanStack matches keys by
// prefix and object subset, so ['desk', 'thread.get', { conversationId }] also matches every page
// size of that thread. Push notices are mapped to the keys they make stale in one place.
import type { QueryKey } from '@tanstack/react-query';
import type { ChangeNotice, MethodName, RequestOf } from '../../../shared/ipc/contract';

export const DESK = 'desk';

export function deskKey<M extends MethodName>(method: M, request: RequestOf<M>): QueryKey {
  return [DESK, method, request];
}

/** Matches every query of a method, optionally narrowed to requests containing `partial`. */
export function deskKeyPrefix<M extends MethodName>(method: M, partial?: Partial<RequestOf<M>>): QueryKey {
  return partial ? [DESK, method, partial] : [DESK, method];
}

/** Queries over many conversations, which a burst of changes refreshes at a bounded rate. */
const LIST_METHODS: ReadonlySet<unknown> = new Set<MethodName>(['inbox.list', 'inbox.counts', 'team.get', 'search.local']);

export function isListKey(queryKey: QueryKey): boolean {
  return LIST_METHODS.has(queryKey[1]);
}

export function invalidationsFor(notice: ChangeNotice): QueryKey[] {
  const keys: QueryKey[] = [];
  // The team's loads and statuses change with assignments, so the transfer list follows the inbox.
  if (notice.inbox) keys.push(deskKeyPrefix('inbox.list'), deskKeyPrefix('inbox.counts'), deskKeyPrefix('team.get'));
  // Search results reflect the cache: any change to conversations or messages can change them.
  if (notice.inbox || notice.conversationIds.length > 0) keys.push(deskKeyPrefix('search.local'));
  for (const conversationId of notice.conversationIds) {
    keys.push(
      deskKeyPrefix('thread.get', { conversationId }),
      deskKeyPrefix('conversation.get', { conversationId }),
      deskKeyPrefix('search.thread', { conversationId }),
    );
  }
  if (notice.outbox) {
    // Outbox state is shown on messages in the thread, so an outbox change can restyle any open
    // thread; only the mounted thread query actually refetches.
    keys.push(deskKeyPrefix('outbox.list'), deskKeyPrefix('diagnostics.get'), deskKeyPrefix('thread.get'));
  }
  if (notice.canned) keys.push(deskKeyPrefix('canned.list'));
  return keys;
}
