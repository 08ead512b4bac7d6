// Starting a conversation offline-first: the conversation (named by the entry's id, which the
// server adopts), a placeholder contact when the contact is new, and the first message appear at
// once; the server's answer replaces them, a refusal removes them.
import { z } from 'zod';
import { socketRequests } from '../../../shared/protocol';
import type { EffectContext, OutboxKind } from './kinds';
import type { OutboxEntry } from './store';

const startPayload = z.object({
  /** The socket request's fields other than the client id. */
  request: z.object({
    contact: z.union([z.object({ contactId: z.string() }), z.object({ name: z.string().optional(), phone: z.string().optional(), email: z.string().optional() })]),
    channel: z.enum(['sms', 'email', 'whatsapp']),
    subject: z.string().optional(),
    body: z.string(),
    template: z.object({ id: z.string(), params: z.array(z.string()) }).optional(),
  }),
  contactName: z.string(),
  queueId: z.string(),
});
export type StartPayload = z.infer<typeof startPayload>;

export const placeholderContactId = (entryId: string) => `local-contact:${entryId}`;

function contactIdOf(entry: OutboxEntry, p: StartPayload): string {
  return 'contactId' in p.request.contact ? p.request.contact.contactId : placeholderContactId(entry.id);
}

function remove(ctx: EffectContext, entry: OutboxEntry): void {
  ctx.db.prepare('DELETE FROM messages WHERE id = ? AND local = 1').run(entry.id);
  ctx.db.prepare('DELETE FROM conversations WHERE id = ? AND seq = 0').run(entry.id);
  ctx.db.prepare('DELETE FROM contacts WHERE id = ? AND seq = 0').run(placeholderContactId(entry.id));
  ctx.summary.inbox = true;
  ctx.summary.conversationIds.add(entry.id);
}

export const startKind: OutboxKind<StartPayload> = {
  payload: startPayload,
  request: (entry, p) => ({ name: 'conversation.start', body: { ...p.request, clientId: entry.id } }),
  apply(ctx, entry, p) {
    const { request } = p;
    const contactId = contactIdOf(entry, p);
    if (!('contactId' in request.contact)) {
      ctx.db
        .prepare('INSERT OR IGNORE INTO contacts (id, name, phone, email, created_at, seq) VALUES (?, ?, ?, ?, ?, 0)')
        .run(contactId, p.contactName, request.contact.phone ?? null, request.contact.email ?? null, entry.createdAt);
    }
    ctx.db
      .prepare(
        `INSERT OR IGNORE INTO conversations (id, contact_id, channel, status, queue_id, assignee_id, subject, created_at,
           last_message_at, preview, last_direction, seq)
         VALUES (@id, @contactId, @channel, 'active', @queueId, @self, @subject, @at, @at, @preview, 'outbound', 0)`,
      )
      .run({
        id: entry.id,
        contactId,
        channel: request.channel,
        queueId: p.queueId,
        self: ctx.selfId,
        subject: request.channel === 'email' ? (request.subject ?? null) : null,
        at: entry.createdAt,
        preview: request.body.slice(0, 160),
      });
    ctx.db
      .prepare(
        `INSERT OR IGNORE INTO messages (id, client_id, conversation_id, seq, direction, kind, channel,
           author_agent_id, body, created_at, status, status_seq, call, local)
         VALUES (@id, @id, @id, NULL, 'outbound', 'text', @channel, @self, @body, @at, @status, 0, NULL, 1)`,
      )
      .run({
        id: entry.id,
        channel: request.channel,
        self: ctx.selfId,
        body: request.body,
        at: entry.createdAt,
        status: entry.state === 'failed' ? 'failed' : 'pending',
      });
    ctx.summary.inbox = true;
    ctx.summary.conversationIds.add(entry.id);
  },
  acknowledged(ctx, entry, _p, value) {
    const { conversation, contact, message } = socketRequests['conversation.start'].response.parse(value);
    ctx.applier.upsertContact(contact);
    ctx.applier.upsertConversation(conversation);
    ctx.applier.insertMessage(message);
    // The server knows the whole (one-message) history: the thread is complete from its start.
    ctx.applier.addRange(conversation.id, { from: 0, to: null });
    ctx.db.prepare('DELETE FROM contacts WHERE id = ? AND seq = 0').run(placeholderContactId(entry.id));
    ctx.summary.inbox = true;
    ctx.summary.conversationIds.add(conversation.id);
  },
  rejected: (ctx, entry) => remove(ctx, entry),
  discarded: (ctx, entry) => remove(ctx, entry),
};
