// Automatic assignment: which agent a queue's next conversation goes to. Pure: the candidates and
// their current load come in, a choice comes out.
import type { AgentStatus, RoutingMode } from '../../shared/domain';

export interface RoutingCandidate {
  id: string;
  status: AgentStatus;
  /** Most active/pending conversations the agent takes at once. */
  capacity: number;
  /** Active and pending conversations assigned right now. */
  load: number;
  queueIds: readonly string[];
}

/** Only available agents who work the queue and have room take new conversations. */
export function eligible(queueId: string, candidates: readonly RoutingCandidate[]): RoutingCandidate[] {
  return candidates.filter((c) => c.status === 'available' && c.queueIds.includes(queueId) && c.load < c.capacity);
}

/**
 * The agent for the queue's next conversation, or null (manual queue, or nobody has room).
 * Round robin goes to the next eligible agent after `lastAssignedId` in id order, wrapping around;
 * least-loaded goes to the agent with the fewest open conversations, then the lowest share of their
 * capacity, then id order (stable and testable).
 */
export function pickAgent(
  mode: RoutingMode,
  queueId: string,
  candidates: readonly RoutingCandidate[],
  lastAssignedId: string | null,
): string | null {
  if (mode === 'manual') return null;
  const pool = eligible(queueId, candidates).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (pool.length === 0) return null;
  if (mode === 'roundRobin') {
    const next = lastAssignedId === null ? undefined : pool.find((c) => c.id > lastAssignedId);
    return (next ?? pool[0]!).id;
  }
  const best = pool.reduce((a, b) => {
    if (a.load !== b.load) return a.load < b.load ? a : b;
    return a.load / a.capacity <= b.load / b.capacity ? a : b;
  });
  return best.id;
}

/**
 * Hands out several waiting conversations in order (oldest first), counting each assignment into
 * the load before the next pick. Returns conversation id → agent id for those that found one.
 */
export function planAssignments(
  waiting: readonly { conversationId: string; queueId: string }[],
  queues: ReadonlyMap<string, { mode: RoutingMode; lastAssignedId: string | null }>,
  candidates: readonly RoutingCandidate[],
): Map<string, string> {
  const loads = candidates.map((c) => ({ ...c }));
  const last = new Map([...queues].map(([id, q]) => [id, q.lastAssignedId]));
  const plan = new Map<string, string>();
  for (const w of waiting) {
    const queue = queues.get(w.queueId);
    if (!queue) continue;
    const agentId = pickAgent(queue.mode, w.queueId, loads, last.get(w.queueId) ?? null);
    if (agentId === null) continue;
    plan.set(w.conversationId, agentId);
    last.set(w.queueId, agentId);
    const agent = loads.find((c) => c.id === agentId)!;
    agent.load++;
  }
  return plan;
}
