// Ordering of live events against the sync cursor, as pure logic. Pushed events may arrive twice,
// out of order, or with holes (a dropped packet, a malformed event that was skipped); only a
// contiguous run starting right after the cursor may be applied.
import type { ChangeEvent } from '../../../shared/protocol';

export interface ApplyPlan {
  /** Events to apply now, in seq order, starting at cursor + 1 without holes. */
  ready: ChangeEvent[];
  /** Events beyond a hole stay buffered; a pull is needed to fill it. */
  gap: boolean;
}

/** Buffers live events until they can be applied in order. */
export class LiveBuffer {
  private readonly events = new Map<number, ChangeEvent>();

  /** Beyond this many buffered events a pull is cheaper than holding them (e.g. a long catch-up). */
  constructor(private readonly capacity = 10_000) {}

  get size(): number {
    return this.events.size;
  }

  /** Returns false when the buffer overflowed and was dropped: the caller must pull. */
  add(events: readonly ChangeEvent[]): boolean {
    for (const e of events) this.events.set(e.seq, e);
    if (this.events.size > this.capacity) {
      this.events.clear();
      return false;
    }
    return true;
  }

  /** Takes the events that can be applied after `cursor`; drops those already applied. */
  take(cursor: number): ApplyPlan {
    const plan = planApply([...this.events.values()], cursor);
    this.events.clear();
    for (const e of plan.rest) this.events.set(e.seq, e);
    return { ready: plan.ready, gap: plan.rest.length > 0 };
  }

  clear(): void {
    this.events.clear();
  }
}

/** Splits events into the contiguous run after `cursor` and the rest beyond a hole. */
export function planApply(
  events: readonly ChangeEvent[],
  cursor: number,
): { ready: ChangeEvent[]; rest: ChangeEvent[] } {
  const sorted = [...events].filter((e) => e.seq > cursor).sort((a, b) => a.seq - b.seq);
  const ready: ChangeEvent[] = [];
  let expected = cursor + 1;
  let i = 0;
  for (; i < sorted.length; i++) {
    const e = sorted[i] as ChangeEvent;
    if (e.seq < expected) continue; // a duplicate of one already taken
    if (e.seq !== expected) break;
    ready.push(e);
    expected++;
  }
  const rest = sorted.slice(i).filter((e, j, all) => j === 0 || e.seq !== all[j - 1]?.seq);
  return { ready, rest };
}
