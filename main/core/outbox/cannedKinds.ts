// Outbox kinds for editing canned messages, so agents can maintain them offline like any other
// data. A new canned message is named by its entry's id, which the server adopts; a local change
// is written only while the cached row is still the version it was made from (same seq), and a
// refusal puts that version back.
import { z } from 'zod';
import { CANNED_SCOPES, cannedMessageSchema, type CannedMessage } from '../../../shared/domain';
import { socketRequests } from '../../../shared/protocol';
import type { EffectContext, OutboxKind } from './kinds';
import type { OutboxEntry } from './store';

const savePayload = z.object({
  canned: cannedMessageSchema.pick({ title: true, shortcut: true, category: true, body: true }).extend({
    id: z.string().nullable(),
    scope: z.enum(CANNED_SCOPES),
  }),
  /** The cached version the change was made from; null for a new canned message. */
  previous: cannedMessageSchema.nullable(),
});
export type CannedSavePayload = z.infer<typeof savePayload>;

const deletePayload = z.object({ id: z.string(), previous: cannedMessageSchema });
export type CannedDeletePayload = z.infer<typeof deletePayload>;

const seqOf = (ctx: EffectContext, id: string) =>
  ctx.db.prepare<[string], { seq: number }>('SELECT seq FROM canned WHERE id = ?').get(id)?.seq;

/** Writes `canned` over the row with this id if that row is still at `baseSeq` (or absent). */
function putAt(ctx: EffectContext, canned: CannedMessage, baseSeq: number): void {
  const current = seqOf(ctx, canned.id);
  if (current !== undefined && current !== baseSeq) return;
  ctx.applier.canned.replace(canned);
  ctx.summary.canned = true;
}

export const savedIdOf = (entry: Pick<OutboxEntry, 'id'>, p: CannedSavePayload) => p.canned.id ?? entry.id;

/** The canned message as it looks before the server answers. */
export function optimisticCanned(entry: Pick<OutboxEntry, 'id' | 'createdAt'>, p: CannedSavePayload, selfId: string): CannedMessage {
  const { previous } = p;
  const ownerAgentId = p.canned.scope === 'team' ? null : previous?.scope === 'personal' ? previous.ownerAgentId : selfId;
  return { ...p.canned, id: savedIdOf(entry, p), ownerAgentId, updatedAt: entry.createdAt, seq: previous?.seq ?? 0 };
}

function undoSave(ctx: EffectContext, entry: OutboxEntry, p: CannedSavePayload): void {
  if (p.previous) {
    putAt(ctx, p.previous, p.previous.seq);
  } else if (seqOf(ctx, entry.id) === 0) {
    ctx.applier.canned.remove(entry.id);
    ctx.summary.canned = true;
  }
}

const saveKind: OutboxKind<CannedSavePayload> = {
  payload: savePayload,
  request: (entry, p) => ({ name: 'canned.save', body: { clientId: entry.id, canned: p.canned } }),
  apply(ctx, entry, p) {
    if (entry.state === 'failed') return;
    putAt(ctx, optimisticCanned(entry, p, ctx.selfId), p.previous?.seq ?? 0);
  },
  acknowledged(ctx, _entry, _p, value) {
    const { canned } = socketRequests['canned.save'].response.parse(value);
    ctx.applier.canned.upsert(canned);
    ctx.summary.canned = true;
  },
  rejected: undoSave,
  discarded(ctx, entry, p) {
    if (entry.state !== 'failed') undoSave(ctx, entry, p);
  },
};

function undoDelete(ctx: EffectContext, p: CannedDeletePayload): void {
  if (seqOf(ctx, p.id) !== undefined) return;
  ctx.applier.canned.replace(p.previous);
  ctx.summary.canned = true;
}

const deleteKind: OutboxKind<CannedDeletePayload> = {
  payload: deletePayload,
  request: (entry, p) => ({ name: 'canned.delete', body: { clientId: entry.id, id: p.id } }),
  apply(ctx, entry, p) {
    if (entry.state === 'failed') return;
    ctx.applier.canned.remove(p.id);
    ctx.summary.canned = true;
  },
  acknowledged: () => undefined,
  rejected: (ctx, _entry, p) => undoDelete(ctx, p),
  discarded(ctx, entry, p) {
    if (entry.state !== 'failed') undoDelete(ctx, p);
  },
};

export const CANNED_KINDS = { 'canned.save': saveKind, 'canned.delete': deleteKind } as const;
