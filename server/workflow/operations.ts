// The workflow requests: accept, transfer, resolve, reopen, pending/active, tags and labels, pins,
// agent status. Each is idempotent by client id, validates its transition against the shared table
// inside the writing transaction (so contested actions have exactly one winner), and records a
// system line for every assignment, transfer and status change.
import type { Kysely } from 'kysely';
import type { Conversation } from '../../shared/domain';
import type { SocketResponse } from '../../shared/protocol';
import type { DB } from '../db/schema';
import { ProtocolFailure } from '../errors';
import { reason } from '../../shared/reasons';
import { priorResult } from '../operations/idempotent';
import { getConversation } from '../store/conversations';
import type { Session } from '../store/directory';
import { saveResult } from '../store/idempotency';
import type { WriteContext, Writer } from '../sync/writer';
import type { ParsedRequest } from '../socket/handlers';
import { agentName, appendLine, requireTransition, routeWaiting, saveAgentStatus, saveChanged } from './changes';
import type { WorkflowConfig } from './settings';
import { type SystemLine, systemLine } from './systemLines';

export interface WorkflowDeps {
  db: Kysely<DB>;
  writer: Writer;
  newId: () => string;
  workflow: WorkflowConfig;
}

type ConversationResult = { conversation: Conversation };

/** Runs one idempotent mutation of one conversation inside a write transaction. */
async function mutate<R>(
  deps: WorkflowDeps,
  session: Session,
  request: { clientId: string; conversationId: string },
  operation: string,
  body: (ctx: WriteContext, conversation: Conversation, actor: string | null) => Promise<R>,
): Promise<R> {
  const { tenantId, agentId } = session;
  return deps.writer.run(tenantId, async (ctx) => {
    const earlier = await priorResult<R>(ctx.trx, tenantId, request.clientId, operation);
    if (earlier) return earlier;
    const conversation = await getConversation(ctx.trx, tenantId, request.conversationId);
    if (!conversation) throw new ProtocolFailure('notFound', `Conversation ${request.conversationId} not found.`, reason('conversationUnavailable'));
    const result = await body(ctx, conversation, await agentName(ctx.trx, tenantId, agentId));
    await saveResult(ctx.trx, { tenantId, clientId: request.clientId, agentId, operation, result, now: ctx.now });
    return result;
  });
}

export function accept(deps: WorkflowDeps, session: Session, request: ParsedRequest<'conversation.accept'>): Promise<ConversationResult> {
  return mutate(deps, session, request, 'conversation.accept', async (ctx, conversation, actor) => {
    if (conversation.assigneeId === session.agentId && conversation.status === 'active') return { conversation };
    // The race's loser learns who won, in words.
    if (conversation.assigneeId !== null && (conversation.status === 'active' || conversation.status === 'pending')) {
      const winner = await agentName(ctx.trx, session.tenantId, conversation.assigneeId);
      if (winner === null) throw new ProtocolFailure('conflict', 'Another agent already accepted this conversation.', reason('alreadyAcceptedUnknown'));
      throw new ProtocolFailure('conflict', `${winner} already accepted this conversation.`, reason('alreadyAccepted', { agent: winner }));
    }
    const status = requireTransition(conversation, 'accept');
    const saved = await appendLine(ctx, session.tenantId, { ...conversation, status, assigneeId: session.agentId }, systemLine('accepted', { agent: actor }), deps.newId);
    return { conversation: saved };
  });
}

export function transfer(deps: WorkflowDeps, session: Session, request: ParsedRequest<'conversation.transfer'>): Promise<ConversationResult> {
  const { tenantId } = session;
  return mutate(deps, session, request, 'conversation.transfer', async (ctx, conversation, actor) => {
    let next: Conversation;
    let line: SystemLine;
    if (request.to.kind === 'agent') {
      const target = await ctx.trx.selectFrom('agents').select(['id', 'name']).where('tenant_id', '=', tenantId).where('id', '=', request.to.agentId).executeTakeFirst();
      if (!target) throw new ProtocolFailure('notFound', `Agent ${request.to.agentId} not found.`, reason('agentUnavailable'));
      if (target.id === conversation.assigneeId && conversation.status !== 'queued') {
        throw new ProtocolFailure('invalid', `This conversation is already assigned to ${target.name}.`, reason('alreadyAssigned', { agent: target.name }));
      }
      next = { ...conversation, status: requireTransition(conversation, 'transferToAgent'), assigneeId: target.id };
      line = systemLine('transferredToAgent', { agent: actor, to: target.name });
    } else {
      const queue = await ctx.trx.selectFrom('queues').select(['id', 'name']).where('tenant_id', '=', tenantId).where('id', '=', request.to.queueId).executeTakeFirst();
      if (!queue) throw new ProtocolFailure('notFound', `Queue ${request.to.queueId} not found.`, reason('queueUnavailable'));
      next = { ...conversation, status: requireTransition(conversation, 'transferToQueue'), assigneeId: null, queueId: queue.id };
      line = systemLine('transferredToQueue', { agent: actor, queue: queue.name });
    }
    let saved = await appendLine(ctx, tenantId, next, line, deps.newId);
    // The note travels with the conversation: the recipient reads it at the top of their work.
    if (request.note) saved = await appendLine(ctx, tenantId, saved, { body: request.note, noteAuthorId: session.agentId }, deps.newId);
    await routeWaiting(ctx, tenantId, deps.newId);
    return { conversation: (await getConversation(ctx.trx, tenantId, saved.id)) ?? saved };
  });
}

export function resolve(deps: WorkflowDeps, session: Session, request: ParsedRequest<'conversation.resolve'>): Promise<ConversationResult> {
  const { tenantId } = session;
  if (!deps.workflow.closureReasons.includes(request.reason)) {
    return Promise.reject(
      new ProtocolFailure(
        'invalid',
        `reason: "${request.reason}" is not one of the closure reasons (${deps.workflow.closureReasons.join(', ')}).`,
        reason('unknownClosureReason', { reason: request.reason }),
      ),
    );
  }
  return mutate(deps, session, request, 'conversation.resolve', async (ctx, conversation, actor) => {
    const status = requireTransition(conversation, 'resolve');
    let saved = conversation;
    if (request.note) saved = await appendLine(ctx, tenantId, saved, { body: request.note, noteAuthorId: session.agentId }, deps.newId);
    saved = await appendLine(
      ctx,
      tenantId,
      { ...saved, status, closureReason: request.reason, assigneeId: saved.assigneeId ?? session.agentId },
      systemLine('resolved', { agent: actor, reason: request.reason }),
      deps.newId,
    );
    await routeWaiting(ctx, tenantId, deps.newId);
    return { conversation: saved };
  });
}

export function reopen(deps: WorkflowDeps, session: Session, request: ParsedRequest<'conversation.reopen'>): Promise<ConversationResult> {
  return mutate(deps, session, request, 'conversation.reopen', async (ctx, conversation, actor) => {
    const status = requireTransition(conversation, 'reopen');
    const saved = await appendLine(
      ctx,
      session.tenantId,
      { ...conversation, status, assigneeId: session.agentId, closureReason: null },
      systemLine('reopened', { agent: actor }),
      deps.newId,
    );
    return { conversation: saved };
  });
}

export function setStatus(deps: WorkflowDeps, session: Session, request: ParsedRequest<'conversation.setStatus'>): Promise<ConversationResult> {
  return mutate(deps, session, request, 'conversation.setStatus', async (ctx, conversation, actor) => {
    if (conversation.status === request.status) return { conversation };
    const status = requireTransition(conversation, request.status === 'pending' ? 'setPending' : 'setActive');
    const line = systemLine(status === 'pending' ? 'setPending' : 'setActive', { agent: actor });
    const saved = await appendLine(ctx, session.tenantId, { ...conversation, status }, line, deps.newId);
    return { conversation: saved };
  });
}

const MAX_TAGS = 50;

export function tag(deps: WorkflowDeps, session: Session, request: ParsedRequest<'conversation.tag'>): Promise<ConversationResult> {
  return mutate(deps, session, request, 'conversation.tag', async (ctx, conversation) => {
    const key = (t: string) => t.toLowerCase();
    const removeTags = new Set(request.removeTags.map(key));
    const tags = conversation.tags.filter((t) => !removeTags.has(key(t)));
    for (const t of request.addTags) if (!tags.some((x) => key(x) === key(t))) tags.push(t);
    if (tags.length > MAX_TAGS) throw new ProtocolFailure('invalid', `A conversation has at most ${MAX_TAGS} tags.`, reason('tooManyTags', { count: MAX_TAGS }));
    const labels = conversation.labels.filter((l) => !request.removeLabels.includes(l));
    for (const l of request.addLabels) if (!labels.includes(l)) labels.push(l);
    const unchanged = tags.join('\n') === conversation.tags.join('\n') && labels.join() === conversation.labels.join();
    if (unchanged) return { conversation };
    return { conversation: await saveChanged(ctx, session.tenantId, { ...conversation, tags, labels }) };
  });
}

export function pin(deps: WorkflowDeps, session: Session, request: ParsedRequest<'conversation.pin'>): Promise<SocketResponse<'conversation.pin'>> {
  const { tenantId, agentId } = session;
  return mutate(deps, session, request, 'conversation.pin', async (ctx, conversation) => {
    const existing = await ctx.trx.selectFrom('pins').select('seq').where('agent_id', '=', agentId).where('conversation_id', '=', conversation.id).executeTakeFirst();
    if ((existing !== undefined) === request.pinned) return { pinned: request.pinned };
    const seq = await ctx.changes.nextSeq();
    if (request.pinned) {
      await ctx.trx.insertInto('pins').values({ tenant_id: tenantId, agent_id: agentId, conversation_id: conversation.id, seq }).execute();
    } else {
      await ctx.trx.deleteFrom('pins').where('agent_id', '=', agentId).where('conversation_id', '=', conversation.id).execute();
    }
    await ctx.changes.record({ seq, type: 'conversation.pinned', conversationId: conversation.id, agentId, pinned: request.pinned });
    return { pinned: request.pinned };
  });
}

export function setAgentStatus(deps: WorkflowDeps, session: Session, request: ParsedRequest<'agent.setStatus'>): Promise<SocketResponse<'agent.setStatus'>> {
  const { tenantId, agentId } = session;
  const operation = 'agent.setStatus';
  return deps.writer.run(tenantId, async (ctx) => {
    const earlier = await priorResult<SocketResponse<'agent.setStatus'>>(ctx.trx, tenantId, request.clientId, operation);
    if (earlier) return earlier;
    const agent = await saveAgentStatus(ctx, tenantId, agentId, request.status);
    // An agent coming back takes their share of whatever waited meanwhile.
    if (request.status === 'available') await routeWaiting(ctx, tenantId, deps.newId);
    const result = { agent };
    await saveResult(ctx.trx, { tenantId, clientId: request.clientId, agentId, operation, result, now: ctx.now });
    return result;
  });
}

export async function pinnedBy(db: Kysely<DB>, agentId: string): Promise<string[]> {
  const rows = await db.selectFrom('pins').select('conversation_id').where('agent_id', '=', agentId).execute();
  return rows.map((r) => r.conversation_id);
}
