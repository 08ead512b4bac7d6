// Writing workflow changes inside a write transaction: a conversation's new state, a system line
// in its timeline, and routing of waiting conversations to agents with room.
import type { Kysely } from 'kysely';
import type { AgentProfile, AgentStatus, Conversation, RoutingMode } from '../../shared/domain';
import { OPEN_STATUSES, plainMessageFields } from '../../shared/domain';
import { nextStatus, type WorkflowAction } from '../../shared/workflow/transitions';
import { compiled, fixedLimit } from '../db/compiled';
import type { DB } from '../db/schema';
import { ProtocolFailure } from '../errors';
import { reason } from '../../shared/reasons';
import { appendMessage } from '../operations/appendMessage';
import { saveConversation } from '../store/conversations';
import { listAgents } from '../store/directory';
import { toConversation } from '../store/rows';
import type { WriteContext } from '../sync/writer';
import { planAssignments, type RoutingCandidate } from './routing';
import { type SystemLine, systemLine } from './systemLines';

/** The status after `action`, or a `conflict` naming what stands in the way. */
export function requireTransition(conversation: Conversation, action: WorkflowAction): Conversation['status'] {
  const next = nextStatus(conversation.status, action);
  if (next === null) {
    throw new ProtocolFailure(
      'conflict',
      `This conversation is ${conversation.status}; it cannot be changed that way (${action}).`,
      reason('statusForbids', { status: conversation.status }),
    );
  }
  return next;
}

/** Saves a changed conversation under a new seq and records the change. */
export async function saveChanged(ctx: WriteContext, tenantId: string, conversation: Conversation): Promise<Conversation> {
  const seq = await ctx.changes.nextSeq();
  const saved = { ...conversation, seq };
  await saveConversation(ctx.trx, tenantId, saved);
  await ctx.changes.record({ seq, type: 'conversation.upserted', conversation: saved });
  return saved;
}

/**
 * Saves `conversation` together with a line in its timeline: a system line (its event for the
 * console to word, its English body for everyone else), or an internal note by `noteAuthorId`.
 * The conversation row and its change event come with the message.
 */
export async function appendLine(
  ctx: WriteContext,
  tenantId: string,
  conversation: Conversation,
  line: SystemLine | { body: string; noteAuthorId: string },
  newId: () => string,
): Promise<Conversation> {
  const note = 'noteAuthorId' in line;
  const channel = conversation.channel;
  const { conversation: saved } = await appendMessage(
    ctx,
    tenantId,
    conversation,
    {
      id: newId(),
      clientId: null,
      conversationId: conversation.id,
      direction: note ? 'outbound' : 'system',
      kind: note ? 'note' : 'text',
      channel,
      authorAgentId: note ? line.noteAuthorId : null,
      body: line.body,
      createdAt: ctx.now,
      status: null,
      call: null,
      ...plainMessageFields(),
      event: note ? null : line.event,
    },
    null,
  );
  return saved;
}

/** The agent's name, or null when the tenant has no such agent: events leave it out, the console words it. */
export async function agentName(db: Kysely<DB>, tenantId: string, agentId: string): Promise<string | null> {
  const row = await db.selectFrom('agents').select('name').where('tenant_id', '=', tenantId).where('id', '=', agentId).executeTakeFirst();
  return row?.name ?? null;
}

/** Every agent of the tenant with the number of active/pending conversations assigned to them. */
export async function routingCandidates(db: Kysely<DB>, tenantId: string): Promise<(RoutingCandidate & AgentProfile)[]> {
  const [agents, loads] = await Promise.all([
    listAgents(db, tenantId),
    db
      .selectFrom('conversations')
      .select(['assignee_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('tenant_id', '=', tenantId)
      .where('status', 'in', ['active', 'pending'])
      .where('assignee_id', 'is not', null)
      .groupBy('assignee_id')
      .execute(),
  ]);
  const load = new Map(loads.map((l) => [l.assignee_id, Number(l.n)]));
  return agents.map((a) => ({ ...a, load: load.get(a.id) ?? 0 }));
}

/** At most this many conversations are routed in one transaction; the sweep picks up the rest. */
const ROUTE_BATCH = 100;

const routedQueues = compiled((db, p: { tenantId: string }) =>
  db.selectFrom('queues').select(['id', 'routing', 'last_assigned_agent_id']).where('tenant_id', '=', p.tenantId).where('routing', '<>', 'manual'),
);

const oldestQueued = compiled((db, p: { tenantId: string; queueId: string }) =>
  db
    .selectFrom('conversations')
    .selectAll()
    .where('tenant_id', '=', p.tenantId)
    .where('status', '=', 'queued')
    .where('queue_id', '=', p.queueId)
    .orderBy('created_at')
    .orderBy('id')
    .limit(fixedLimit(ROUTE_BATCH)),
);

/**
 * Gives waiting conversations of automatically routed queues (oldest first) to agents with room,
 * each with a system line. Runs after anything that adds work to a queue or frees an agent.
 */
export async function routeWaiting(ctx: WriteContext, tenantId: string, newId: () => string): Promise<number> {
  const queueRows = await routedQueues.all(ctx.trx, { tenantId });
  if (queueRows.length === 0) return 0;
  // One query per routed queue, each reading only that queue's oldest waiting rows from its index,
  // then merged oldest first. A single query over all routed queues walked every queued
  // conversation by age, those waiting in manual queues included, once per inbound message.
  const perQueue = await Promise.all(queueRows.map((q) => oldestQueued.all(ctx.trx, { tenantId, queueId: q.id })));
  const rows = perQueue
    .flat()
    .sort((a, b) => a.created_at - b.created_at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, ROUTE_BATCH);
  if (rows.length === 0) return 0;
  const candidates = await routingCandidates(ctx.trx, tenantId);
  const queues = new Map(queueRows.map((q) => [q.id, { mode: q.routing as RoutingMode, lastAssignedId: q.last_assigned_agent_id }]));
  const plan = planAssignments(
    rows.map((r) => ({ conversationId: r.id, queueId: r.queue_id })),
    queues,
    candidates,
  );
  for (const row of rows) {
    const agentId = plan.get(row.id);
    if (agentId === undefined) continue;
    const conversation = toConversation(row);
    const name = candidates.find((c) => c.id === agentId)?.name ?? null;
    await appendLine(
      ctx,
      tenantId,
      { ...conversation, status: requireTransition(conversation, 'assign'), assigneeId: agentId },
      systemLine('routed', { to: name }),
      newId,
    );
    await ctx.trx.updateTable('queues').set({ last_assigned_agent_id: agentId }).where('id', '=', row.queue_id).execute();
  }
  return plan.size;
}

/** Saves an agent's new status under a new seq and tells every agent of the tenant. */
export async function saveAgentStatus(ctx: WriteContext, tenantId: string, agentId: string, status: AgentStatus): Promise<AgentProfile> {
  const seq = await ctx.changes.nextSeq();
  await ctx.trx.updateTable('agents').set({ status, seq }).where('tenant_id', '=', tenantId).where('id', '=', agentId).execute();
  const agent = (await listAgents(ctx.trx, tenantId)).find((a) => a.id === agentId);
  if (!agent) throw new ProtocolFailure('notFound', `Agent ${agentId} not found.`, reason('agentUnavailable'));
  await ctx.changes.record({ seq, type: 'agent.upserted', agent });
  return agent;
}

export const isOpen = (c: Conversation) => (OPEN_STATUSES as readonly string[]).includes(c.status);
