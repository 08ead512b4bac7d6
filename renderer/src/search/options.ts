// The global search's results as one keyboard-navigable list: arrows move through every group in
// the order shown, Enter opens the active one. Pure.
import type { SearchMessageHit, SearchResults } from '../../../shared/ipc/contract';

export type SearchGroup = 'conversations' | 'messages' | 'contacts' | 'server';

export interface SearchOption {
  /** Unique among the options; also the option element's id suffix. */
  key: string;
  group: SearchGroup;
  conversationId: string;
  /** Scroll the opened conversation to this message. */
  messageId: string | null;
}

export function searchOptions(local: SearchResults | undefined, server: readonly SearchMessageHit[] | undefined): SearchOption[] {
  const options: SearchOption[] = [];
  for (const c of local?.conversations ?? []) {
    options.push({ key: `c:${c.conversationId}`, group: 'conversations', conversationId: c.conversationId, messageId: null });
  }
  for (const m of local?.messages ?? []) {
    options.push({ key: `m:${m.messageId}`, group: 'messages', conversationId: m.conversationId, messageId: m.messageId });
  }
  // A contact without a cached conversation has nothing to open; it is listed but not selectable.
  for (const k of local?.contacts ?? []) {
    if (k.conversationId !== null) options.push({ key: `k:${k.contactId}`, group: 'contacts', conversationId: k.conversationId, messageId: null });
  }
  for (const m of server ?? []) {
    options.push({ key: `s:${m.messageId}`, group: 'server', conversationId: m.conversationId, messageId: m.messageId });
  }
  return options;
}

/** The next active index, wrapping around; -1 when there is nothing to select. */
export function moveActive(count: number, active: number, by: 1 | -1): number {
  if (count === 0) return -1;
  if (active < 0) return by === 1 ? 0 : count - 1;
  return (active + by + count) % count;
}
