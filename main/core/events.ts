// Push events to the renderer: typed listeners, plus the coalescing of change notices so that a
// burst of applied batches becomes one `changed` push.
import type { ChangeNotice, PushEventName, PushEvents } from '../../shared/ipc/contract';
import type { ChangeSummary } from './cache/apply';

type Listener<E extends PushEventName> = (payload: PushEvents[E]) => void;

export class PushEmitter {
  private readonly listeners = new Map<PushEventName, Set<Listener<PushEventName>>>();

  on<E extends PushEventName>(event: E, listener: Listener<E>): () => void {
    let set = this.listeners.get(event);
    if (!set) {
      set = new Set();
      this.listeners.set(event, set);
    }
    set.add(listener as Listener<PushEventName>);
    return () => set.delete(listener as Listener<PushEventName>);
  }

  emit<E extends PushEventName>(event: E, payload: PushEvents[E]): void {
    for (const listener of this.listeners.get(event) ?? []) {
      try {
        listener(payload);
      } catch {
        // A failing subscriber must not break sync; each subscriber handles its own errors.
      }
    }
  }
}

/** Merges change summaries until flushed. */
export class ChangeCollector {
  private pending: { inbox: boolean; conversationIds: Set<string>; outbox: boolean; canned: boolean; team: boolean } | null = null;

  add(summary: ChangeSummary, outbox = false): boolean {
    if (!summary.inbox && summary.conversationIds.size === 0 && !outbox && !summary.canned && !summary.team) return false;
    const p = (this.pending ??= { inbox: false, conversationIds: new Set(), outbox: false, canned: false, team: false });
    p.inbox ||= summary.inbox;
    p.canned ||= Boolean(summary.canned);
    p.team ||= Boolean(summary.team);
    p.outbox ||= outbox;
    // A catch-up batch can touch thousands of conversations: a set keeps the merge linear.
    for (const id of summary.conversationIds) p.conversationIds.add(id);
    return true;
  }

  take(): ChangeNotice | null {
    const p = this.pending;
    this.pending = null;
    return (
      p && {
        inbox: p.inbox,
        conversationIds: [...p.conversationIds],
        outbox: p.outbox,
        ...(p.canned ? { canned: true } : {}),
        ...(p.team ? { team: true } : {}),
      }
    );
  }
}
