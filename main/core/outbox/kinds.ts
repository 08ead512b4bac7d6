// Each kind of outbox mutation: its payload, the socket request it becomes, its optimistic effect
// on the cache (idempotent: re-applied at every start and after a cache rebuild), what the server's
// acknowledgement writes, and how a permanent rejection or a discard undoes the effect.
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { profileChangeSchema } from '../../../shared/contactChange';
import { findTemplate, renderTemplate } from '../../../shared/channels/whatsapp';
import { attachmentSchema, channelSchema, plainMessageFields, reactionEmojiSchema, replyToSchema } from '../../../shared/domain';
import { parseMessageExtras, serializeMessageExtras, withReaction } from '../../../shared/messageExtras';
import { socketRequests, type SocketRequestName, templateRequestSchema } from '../../../shared/protocol';
import type { Applier, ChangeSummary } from '../cache/apply';
import { CANNED_KINDS } from './cannedKinds';
import { startKind } from './startKind';
import type { OutboxEntry } from './store';
import { WORKFLOW_KINDS } from './workflowKinds';

export interface EffectContext {
  db: Database.Database;
  applier: Applier;
  selfId: string;
  summary: ChangeSummary;
}

export interface OutboxKind<P> {
  payload: z.ZodType<P>;
  request(entry: OutboxEntry, payload: P): { name: SocketRequestName; body: unknown };
  apply(ctx: EffectContext, entry: OutboxEntry, payload: P): void;
  acknowledged(ctx: EffectContext, entry: OutboxEntry, payload: P, value: unknown): void;
  rejected(ctx: EffectContext, entry: OutboxEntry, payload: P, reason: string): void;
  discarded(ctx: EffectContext, entry: OutboxEntry, payload: P): void;
  /**
   * A refusal is final: the server turned the change down because the conversation moved on
   * (another agent accepted first, it was resolved meanwhile), so a retry can never succeed. The
   * entry leaves the outbox once its effect is undone, and the agent is told why, not asked to retry.
   */
  refusalIsFinal?: boolean;
}

const sendPayload = z.object({
  conversationId: z.string(),
  body: z.string(),
  kind: z.enum(['text', 'note']),
  channel: channelSchema,
  // Absent in entries queued by earlier versions.
  replyToId: z.string().nullable().default(null),
  /** The quote as shown while the message is pending (the server writes its own). */
  replyTo: replyToSchema.nullable().default(null),
  /** Files kept in the data directory; uploaded before the message is sent. */
  attachments: z.array(attachmentSchema).default([]),
  template: templateRequestSchema.nullable().default(null),
});
export type SendPayload = z.infer<typeof sendPayload>;

const sendKind: OutboxKind<SendPayload> = {
  payload: sendPayload,
  request: (entry, p) => ({
    name: 'message.send',
    body: {
      clientId: entry.id,
      conversationId: p.conversationId,
      kind: p.kind,
      body: p.body,
      replyToId: p.replyToId,
      attachmentIds: p.attachments.map((a) => a.id),
      template: p.template,
    },
  }),
  apply(ctx, entry, p) {
    // OR IGNORE: neither a second optimistic row nor one beside the server's echo (unique client id).
    ctx.db
      .prepare(
        `INSERT OR IGNORE INTO messages (id, client_id, conversation_id, seq, direction, kind, channel,
           author_agent_id, body, created_at, status, status_seq, call, extra, local)
         VALUES (@id, @id, @conversationId, NULL, 'outbound', @kind, @channel, @author, @body, @createdAt,
           @status, 0, NULL, @extra, 1)`,
      )
      .run({
        id: entry.id,
        conversationId: p.conversationId,
        kind: p.kind,
        channel: p.channel,
        author: ctx.selfId,
        body: pendingBody(p),
        createdAt: entry.createdAt,
        status: entry.state === 'failed' ? 'failed' : 'pending',
        extra: serializeMessageExtras({ ...plainMessageFields(), replyTo: p.replyTo, attachments: p.attachments }),
      });
    // A retried entry shows as pending again.
    if (entry.state === 'waiting') {
      ctx.db.prepare("UPDATE messages SET status = 'pending' WHERE id = ? AND local = 1 AND status = 'failed'").run(entry.id);
    }
    ctx.summary.conversationIds.add(p.conversationId);
  },
  acknowledged(ctx, _entry, p, value) {
    const { message } = socketRequests['message.send'].response.parse(value);
    // The ack may overtake the live echo: store the message now; the echo is then a no-op.
    ctx.applier.insertMessage(message);
    ctx.summary.conversationIds.add(p.conversationId);
  },
  rejected(ctx, entry, p) {
    // Keep the message visible as failed, so the agent can retry or discard it.
    ctx.db.prepare("UPDATE messages SET status = 'failed' WHERE id = ? AND local = 1").run(entry.id);
    ctx.summary.conversationIds.add(p.conversationId);
  },
  discarded(ctx, entry, p) {
    ctx.db.prepare('DELETE FROM messages WHERE id = ? AND local = 1').run(entry.id);
    ctx.summary.conversationIds.add(p.conversationId);
  },
};

const readPayload = z.object({
  conversationId: z.string(),
  readSeq: z.number().int().nonnegative(),
  /** The read state before, restored if the server rejects the mark. */
  previous: z.object({ readSeq: z.number().int().nonnegative(), unread: z.number().int().nonnegative() }),
});
export type ReadPayload = z.infer<typeof readPayload>;

const restoreRead = (ctx: EffectContext, p: ReadPayload) => {
  ctx.db
    .prepare('INSERT OR REPLACE INTO reads (conversation_id, read_seq, unread_count) VALUES (?, ?, ?)')
    .run(p.conversationId, p.previous.readSeq, p.previous.unread);
  ctx.summary.inbox = true;
  ctx.summary.conversationIds.add(p.conversationId);
};

const readKind: OutboxKind<ReadPayload> = {
  payload: readPayload,
  request: (entry, p) => ({
    name: 'conversation.markRead',
    body: { clientId: entry.id, conversationId: p.conversationId, readSeq: p.readSeq },
  }),
  apply(ctx, entry, p) {
    if (entry.state === 'failed') return;
    ctx.applier.markRead(p.conversationId, p.readSeq);
    ctx.summary.inbox = true;
    ctx.summary.conversationIds.add(p.conversationId);
  },
  acknowledged(ctx, _entry, p, value) {
    const { readSeq } = socketRequests['conversation.markRead'].response.parse(value);
    ctx.applier.markRead(p.conversationId, readSeq);
  },
  rejected: (ctx, _entry, p) => restoreRead(ctx, p),
  discarded(ctx, entry, p) {
    if (entry.state === 'failed') return;
    restoreRead(ctx, p);
  },
};

/** What a pending message shows: its text, or the approved template's text with its values. */
function pendingBody(p: SendPayload): string {
  if (p.template === null) return p.body;
  const template = findTemplate(p.template.id);
  const rendered = template ? renderTemplate(template, p.template.params) : null;
  return rendered?.ok ? rendered.body : p.body;
}

const changePayload = z.object({
  conversationId: z.string(),
  messageId: z.string(),
  change: z.discriminatedUnion('type', [
    z.object({ type: z.literal('edit'), body: z.string() }),
    z.object({ type: z.literal('delete') }),
    z.object({ type: z.literal('react'), emoji: reactionEmojiSchema, on: z.boolean() }),
  ]),
  /** The row before the change, restored if the server refuses it (unless it moved on since). */
  previous: z.object({ body: z.string(), extra: z.string().nullable(), revSeq: z.number().int().nonnegative() }),
});
export type ChangePayload = z.infer<typeof changePayload>;

interface ContentRow {
  body: string;
  extra: string | null;
  rev_seq: number;
}

const changeKind: OutboxKind<ChangePayload> = {
  payload: changePayload,
  request(entry, p) {
    const base = { clientId: entry.id, messageId: p.messageId };
    switch (p.change.type) {
      case 'edit':
        return { name: 'message.edit', body: { ...base, body: p.change.body } };
      case 'delete':
        return { name: 'message.delete', body: base };
      case 'react':
        return { name: 'message.react', body: { ...base, emoji: p.change.emoji, on: p.change.on } };
    }
  },
  apply(ctx, entry, p) {
    if (entry.state === 'failed') return;
    const row = ctx.db.prepare<[string], ContentRow>('SELECT body, extra, rev_seq FROM messages WHERE id = ? AND local = 0').get(p.messageId);
    if (!row) return;
    const extras = parseMessageExtras(row.extra);
    let body = row.body;
    let next = extras;
    switch (p.change.type) {
      case 'edit':
        body = p.change.body;
        next = { ...extras, editedAt: extras.editedAt ?? entry.createdAt };
        break;
      case 'delete':
        body = '';
        next = { ...extras, attachments: [], replyTo: null, reactions: [], deletedAt: entry.createdAt };
        break;
      case 'react':
        next = { ...extras, reactions: withReaction(extras.reactions, ctx.selfId, p.change.emoji, p.change.on) };
        break;
    }
    ctx.db.prepare('UPDATE messages SET body = ?, extra = ? WHERE id = ?').run(body, serializeMessageExtras(next), p.messageId);
    ctx.summary.conversationIds.add(p.conversationId);
  },
  acknowledged(ctx, _entry, p, value) {
    const { message } = socketRequests['message.edit'].response.parse(value);
    ctx.applier.updateMessage(message);
    ctx.summary.conversationIds.add(p.conversationId);
    ctx.summary.inbox = true;
  },
  rejected: (ctx, _entry, p) => restoreContent(ctx, p),
  discarded(ctx, entry, p) {
    if (entry.state !== 'failed') restoreContent(ctx, p);
  },
};

function restoreContent(ctx: EffectContext, p: ChangePayload): void {
  ctx.db
    .prepare('UPDATE messages SET body = ?, extra = ? WHERE id = ? AND rev_seq = ?')
    .run(p.previous.body, p.previous.extra, p.messageId, p.previous.revSeq);
  ctx.summary.conversationIds.add(p.conversationId);
}

const contactPayload = z.object({ contactId: z.string(), change: profileChangeSchema });
export type ContactPayload = z.infer<typeof contactPayload>;

const CONTACT_REQUESTS = { setAttributes: 'contact.setAttributes', givePoints: 'contact.givePoints', addNote: 'contact.addNote' } as const;

/** Conversations that show the contact: their detail must refresh. */
const touchContact = (ctx: EffectContext, contactId: string) => {
  const rows = ctx.db.prepare<[string], { id: string }>('SELECT id FROM conversations WHERE contact_id = ?').all(contactId);
  for (const row of rows) ctx.summary.conversationIds.add(row.id);
};

// The optimistic effect of a profile change is not written into the cached profile: reads lay the
// pending entries over it (cache/pendingProfile.ts), so re-applying is trivially idempotent and a
// rejection or discard has nothing to undo.
const contactKind: OutboxKind<ContactPayload> = {
  payload: contactPayload,
  request: (entry, p) => ({ name: CONTACT_REQUESTS[p.change.op], body: { clientId: entry.id, contactId: p.contactId, ...withoutOp(p.change) } }),
  apply: (ctx, _entry, p) => touchContact(ctx, p.contactId),
  acknowledged(ctx, _entry, p, value) {
    const { contact } = socketRequests['contact.addNote'].response.parse(value);
    ctx.applier.upsertContact(contact);
    touchContact(ctx, p.contactId);
  },
  rejected: (ctx, _entry, p) => touchContact(ctx, p.contactId),
  discarded: (ctx, _entry, p) => touchContact(ctx, p.contactId),
};

function withoutOp<T extends { op: string }>(change: T): Omit<T, 'op'> {
  const { op: _op, ...rest } = change;
  return rest;
}

const KINDS: Record<string, OutboxKind<never>> = {
  'message.send': sendKind as OutboxKind<never>,
  'message.change': changeKind as OutboxKind<never>,
  'conversation.markRead': readKind as OutboxKind<never>,
  'contact.update': contactKind as OutboxKind<never>,
  'conversation.start': startKind as OutboxKind<never>,
  ...(WORKFLOW_KINDS as unknown as Record<string, OutboxKind<never>>),
  ...(CANNED_KINDS as unknown as Record<string, OutboxKind<never>>),
};

/** The kind's handlers with the entry's payload parsed; throws on an unknown kind or payload. */
export function kindOf(entry: OutboxEntry): { kind: OutboxKind<unknown>; payload: unknown } {
  const kind = KINDS[entry.kind] as OutboxKind<unknown> | undefined;
  if (!kind) throw new Error(`Unknown outbox entry kind "${entry.kind}" (entry ${entry.id})`);
  return { kind, payload: kind.payload.parse(entry.payload) };
}
