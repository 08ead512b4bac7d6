// Contiguous history ranges of one conversation: seq intervals in which every message of the
// conversation is cached. The thread shows only the run that reaches the newest message, so a hole
// (a page never fetched) is never drawn as if the history were continuous.

/** `to: null` is the open range: the change log keeps it complete up to the sync cursor. */
export interface SeqRange {
  from: number;
  to: number | null;
}

const end = (r: SeqRange) => (r.to === null ? Number.POSITIVE_INFINITY : r.to);

/** Adds a range and merges everything that overlaps or touches; result sorted by `from`. */
export function mergeRanges(ranges: readonly SeqRange[], added: SeqRange): SeqRange[] {
  const all = [...ranges, added].sort((a, b) => a.from - b.from);
  const out: SeqRange[] = [];
  for (const r of all) {
    const last = out[out.length - 1];
    if (last && r.from <= end(last) + 1) {
      if (end(r) > end(last)) last.to = r.to;
    } else {
      out.push({ ...r });
    }
  }
  return out;
}

/** The range holding the newest cached messages: the open one if any, else the highest. */
export function newestRun(ranges: readonly SeqRange[]): SeqRange | null {
  let best: SeqRange | null = null;
  for (const r of ranges) if (!best || end(r) > end(best)) best = r;
  return best;
}
