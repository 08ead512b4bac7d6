// Conflict rules for server rows. Every row version carries the seq of the change that produced
// it; applying versions in any order must end in the newest one. A row version replaces the stored
// one only if it is strictly newer in server order, and a delivery status moves only with a higher
// status seq (a late "sent" never undoes "read"): both are checked in the cache's statements
// (`apply.ts`), so a write needs no read before it. What stays a pure decision is here.

/**
 * Whether a newly stored message adds one to the agent's unread count: only customer messages the
 * agent has not read yet (seq beyond the read marker). Duplicates never reach here because
 * messages are insert-if-absent.
 */
export function countsAsUnread(direction: string, messageSeq: number, readSeq: number): boolean {
  return direction === 'inbound' && messageSeq > readSeq;
}
