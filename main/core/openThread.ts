// The thread on screen (`thread.watch`) rides with the change notices that concern it, read right
// after the change is applied. A new message then reaches the window in the notice itself, instead
// of a notice, a request and an answer, each of which waited its turn behind the live traffic in
// the host and in the window.
import type { ChangeNotice, OpenThread } from '../../shared/ipc/contract';

export interface WatchedThread {
  conversationId: string;
  limit: number;
}

/** A change to the conversation, or to the outbox, whose entries are the thread's unsent messages. */
export function concernsThread(notice: ChangeNotice, watched: WatchedThread): boolean {
  return notice.outbox || notice.conversationIds.includes(watched.conversationId);
}

/** `read` answers null when the thread cannot be read (logged out, not cached): the notice goes without it. */
export function withOpenThread(notice: ChangeNotice, watched: WatchedThread | null, read: (watched: WatchedThread) => OpenThread | null): ChangeNotice {
  if (!watched || !concernsThread(notice, watched)) return notice;
  const open = read(watched);
  return open ? { ...notice, open } : notice;
}
