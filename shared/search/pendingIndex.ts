// A queue of full-text index changes, netted before it is applied. Triggers on a content table
// record every insert, update and delete (a delete with the values it was indexed with, which an
// FTS5 external-content index needs to remove a row); the writer applies the queue at the end of
// its transaction in bulk. Written inside a trigger, FTS5 flushes a small segment at every
// savepoint instead. Used by the desktop cache (main/core/search/indexer.ts) and the backend
// (server/db/messageIndexQueue.ts).

export interface PendingRow {
  id: number;
  row: number;
  /** The values to remove (as the queue stores them), or null for "index the current values". */
  old: string | null;
}

export interface NetChanges {
  /** Rows to remove from the index, with the values they were indexed with. */
  removals: { row: number; old: string }[];
  /** Rows to index with their current values. */
  additions: number[];
}

/**
 * Nets a queue in order: a row's first entry tells whether it was indexed before (a removal comes
 * first), its last whether it must be indexed now (an addition comes last). A row added and
 * removed in the same transaction touches nothing.
 */
export function netPending(rows: readonly PendingRow[]): NetChanges {
  const byRow = new Map<number, { first: PendingRow; last: PendingRow }>();
  for (const r of rows) {
    const seen = byRow.get(r.row);
    if (seen) seen.last = r;
    else byRow.set(r.row, { first: r, last: r });
  }
  const removals: NetChanges['removals'] = [];
  const additions: number[] = [];
  for (const [row, { first, last }] of byRow) {
    if (first.old !== null) removals.push({ row, old: first.old });
    if (last.old === null) additions.push(row);
  }
  return { removals, additions };
}
