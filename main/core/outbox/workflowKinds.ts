// Outbox kinds of the conversation workflow. A conversation change is applied to the cached row
// only while the row is still the version it was computed from (same seq): any newer server state
// wins, and a refusal restores the earlier values only if nothing newer arrived meanwhile.
import { z } from 'zod';
import { agentStatusSchema, conversationStatusSchema, workflowLabelSchema } from '../../../shared/domain';
import { socketRequests, type SocketRequestName } from '../../../shared/protocol';
import type { EffectContext, OutboxKind } from './kinds';

/** Cached conversation columns a workflow action changes. */
export const conversationPatchSchema = z
  .object({
    status: conversationStatusSchema,
    assignee_id: z.string().nullable(),
    queue_id: z.string(),
    tags: z.array(z.string()),
    labels: z.array(workflowLabelSchema),
    closure_reason: z.string().nullable(),
  })
  .partial();
export type ConversationPatch = z.infer<typeof conversationPatchSchema>;

const patchPayload = z.object({
  conversationId: z.string(),
  /** The socket request's fields other than the client id. */
  request: z.record(z.string(), z.unknown()),
  baseSeq: z.number().int().nonnegative(),
  patch: conversationPatchSchema,
  previous: conversationPatchSchema,
});
export type PatchPayload = z.infer<typeof patchPayload>;

function writePatch(ctx: EffectContext, conversationId: string, baseSeq: number, patch: ConversationPatch): void {
  const columns = Object.keys(patch) as (keyof ConversationPatch)[];
  if (columns.length === 0) return;
  const values: Record<string, unknown> = { id: conversationId, baseSeq };
  for (const c of columns) values[c] = Array.isArray(patch[c]) ? JSON.stringify(patch[c]) : patch[c];
  // Column names come from the schema's fixed keys, never from input.
  ctx.db
    .prepare(`UPDATE conversations SET ${columns.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id AND seq = @baseSeq`)
    .run(values);
  ctx.summary.inbox = true;
  ctx.summary.conversationIds.add(conversationId);
}

const conversationResult = z.object({ conversation: socketRequests['conversation.accept'].response.shape.conversation });

/** One conversation action: its optimistic patch, the server's answer, and the undo. */
function patchKind(name: SocketRequestName): OutboxKind<PatchPayload> {
  return {
    payload: patchPayload,
    refusalIsFinal: true,
    request: (entry, p) => ({ name, body: { ...p.request, clientId: entry.id, conversationId: p.conversationId } }),
    apply(ctx, entry, p) {
      if (entry.state === 'failed') return;
      writePatch(ctx, p.conversationId, p.baseSeq, p.patch);
    },
    acknowledged(ctx, _entry, p, value) {
      const { conversation } = conversationResult.parse(value);
      ctx.applier.upsertConversation(conversation);
      ctx.summary.inbox = true;
      ctx.summary.conversationIds.add(p.conversationId);
    },
    rejected: (ctx, _entry, p) => writePatch(ctx, p.conversationId, p.baseSeq, p.previous),
    discarded(ctx, entry, p) {
      if (entry.state !== 'failed') writePatch(ctx, p.conversationId, p.baseSeq, p.previous);
    },
  };
}

const pinPayload = z.object({ conversationId: z.string(), pinned: z.boolean() });
export type PinPayload = z.infer<typeof pinPayload>;

const pin = (ctx: EffectContext, p: PinPayload, pinned: boolean) => {
  ctx.applier.setPinned(p.conversationId, pinned, 0);
  ctx.summary.inbox = true;
  ctx.summary.conversationIds.add(p.conversationId);
};

const pinKind: OutboxKind<PinPayload> = {
  payload: pinPayload,
  request: (entry, p) => ({ name: 'conversation.pin', body: { clientId: entry.id, ...p } }),
  apply(ctx, entry, p) {
    if (entry.state !== 'failed') pin(ctx, p, p.pinned);
  },
  acknowledged: () => undefined,
  rejected: (ctx, _entry, p) => pin(ctx, p, !p.pinned),
  discarded(ctx, entry, p) {
    if (entry.state !== 'failed') pin(ctx, p, !p.pinned);
  },
};

const statusPayload = z.object({ status: agentStatusSchema, previous: agentStatusSchema });
export type AgentStatusPayload = z.infer<typeof statusPayload>;

const setOwnStatus = (ctx: EffectContext, status: string) => {
  ctx.db.prepare('UPDATE agents SET status = ? WHERE id = ?').run(status, ctx.selfId);
  ctx.summary.inbox = true;
  ctx.summary.team = true;
};

const agentStatusKind: OutboxKind<AgentStatusPayload> = {
  payload: statusPayload,
  request: (entry, p) => ({ name: 'agent.setStatus', body: { clientId: entry.id, status: p.status } }),
  apply(ctx, entry, p) {
    if (entry.state !== 'failed') setOwnStatus(ctx, p.status);
  },
  acknowledged(ctx, _entry, _p, value) {
    const { agent } = socketRequests['agent.setStatus'].response.parse(value);
    ctx.applier.upsertAgent(agent);
    ctx.summary.inbox = true;
    ctx.summary.team = true;
  },
  rejected: (ctx, _entry, p) => setOwnStatus(ctx, p.previous),
  discarded(ctx, entry, p) {
    if (entry.state !== 'failed') setOwnStatus(ctx, p.previous);
  },
};

export const WORKFLOW_KINDS = {
  'conversation.accept': patchKind('conversation.accept'),
  'conversation.transfer': patchKind('conversation.transfer'),
  'conversation.resolve': patchKind('conversation.resolve'),
  'conversation.reopen': patchKind('conversation.reopen'),
  'conversation.setStatus': patchKind('conversation.setStatus'),
  'conversation.tag': patchKind('conversation.tag'),
  'conversation.pin': pinKind,
  'agent.setStatus': agentStatusKind,
} as const;
export type PatchKindName = Exclude<keyof typeof WORKFLOW_KINDS, 'conversation.pin' | 'agent.setStatus'>;
