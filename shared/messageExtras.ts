// The optional message fields (reply, edit, deletion, reactions, attachments, bot flag, system event) as one
// JSON column, in the server's database and in the desktop cache alike. Most messages have none
// of them: those store NULL, which keeps bulk inserts of plain messages as cheap as before.
import { type Message, type MessageExtras, messageSchema, plainMessageFields, type ReactionEmoji } from './domain';

const storedExtrasSchema = messageSchema.pick({
  replyTo: true,
  editedAt: true,
  deletedAt: true,
  reactions: true,
  attachments: true,
  automated: true,
  customerCopy: true,
  event: true,
});

type StoredExtras = Omit<MessageExtras, 'revSeq'>;

export function serializeMessageExtras(m: StoredExtras): string | null {
  const plain =
    m.replyTo === null &&
    m.editedAt === null &&
    m.deletedAt === null &&
    m.reactions.length === 0 &&
    m.attachments.length === 0 &&
    !m.automated &&
    m.customerCopy === null &&
    m.event === null;
  if (plain) return null;
  const { replyTo, editedAt, deletedAt, reactions, attachments, automated, customerCopy, event } = m;
  return JSON.stringify({ replyTo, editedAt, deletedAt, reactions, attachments, automated, customerCopy, event });
}

export function parseMessageExtras(json: string | null): StoredExtras {
  const { revSeq: _unused, ...plain } = plainMessageFields();
  if (json === null) return plain;
  return storedExtrasSchema.parse(JSON.parse(json));
}

/** The extras of `m` without its other fields, e.g. to carry them into an updated row. */
export function extrasOf(m: Message): MessageExtras {
  const { replyTo, editedAt, deletedAt, reactions, attachments, automated, revSeq, customerCopy, event } = m;
  return { replyTo, editedAt, deletedAt, reactions, attachments, automated, revSeq, customerCopy, event };
}

/** Sets (or clears) one reaction; one entry per reacting agent (null: the customer) and emoji. */
export function withReaction(reactions: Message['reactions'], agentId: string | null, emoji: ReactionEmoji, on: boolean): Message['reactions'] {
  const others = reactions.filter((r) => !(r.agentId === agentId && r.emoji === emoji));
  if (!on) return others;
  return others.length === reactions.length ? [...reactions, { emoji, agentId }] : reactions;
}
