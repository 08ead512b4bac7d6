// A batch of change events as its cache write needs it, built on the core's thread and written on
// the writer's. The two kinds that make up most of a catch-up travel as the positional parameters
// of their statements: a new message as its row, a conversation's newest version in the batch as
// its row, and each older version of it as just its id and seq (it only opens the history range:
// last-writer-wins would not write it). Every other event travels as it is. The writer's thread,
// which a catch-up waits for, then parses about a third of the JSON text into arrays of strings
// and numbers instead of nested objects, and builds no statement parameters of its own.
import type { Conversation, ConversationLink, Message } from '../../../shared/domain';
import { serializeMessageExtras } from '../../../shared/messageExtras';
import type { ChangeEvent } from '../../../shared/protocol';

/** The parameters of the message insert, in its column order. */
export type MessageRow = [
  id: string,
  clientId: string | null,
  conversationId: string,
  seq: number,
  direction: Message['direction'],
  kind: Message['kind'],
  channel: Message['channel'],
  authorAgentId: string | null,
  body: string,
  createdAt: number,
  status: Message['status'],
  statusSeq: number,
  call: string | null,
  extra: string | null,
  revSeq: number,
];

/** The parameters of the conversation upsert, in its column order. */
export type ConversationRow = [
  id: string,
  contactId: string,
  channel: Conversation['channel'],
  status: Conversation['status'],
  queueId: string,
  assigneeId: string | null,
  subject: string | null,
  createdAt: number,
  lastMessageAt: number,
  preview: string,
  lastDirection: Conversation['lastMessageDirection'],
  waitingSince: number | null,
  lastInboundAt: number | null,
  tags: string,
  labels: string,
  previousId: string | null,
  closureReason: string | null,
  seq: number,
];

export type OtherEvent = Exclude<ChangeEvent, { type: 'message.created' | 'conversation.upserted' }>;

/** conversation.upserted, the conversation's newest version among the events: event seq, row, link */
export type ConversationItem = ['c', number, ConversationRow, ConversationLink | null];

export type BatchItem =
  /** message.created */
  | ['m', MessageRow]
  | ConversationItem
  /** conversation.upserted, an older version than one later in the batch: id, event seq */
  | ['v', string, number]
  /** any other event */
  | ['e', OtherEvent];

export interface EventBatch {
  /** The seq of the batch's last event: the cursor once it is written. */
  lastSeq: number;
  items: BatchItem[];
}

export function messageRow(m: Message): MessageRow {
  return [
    m.id,
    m.clientId,
    m.conversationId,
    m.seq,
    m.direction,
    m.kind,
    m.channel,
    m.authorAgentId,
    m.body,
    m.createdAt,
    m.status,
    m.statusSeq,
    m.call === null ? null : JSON.stringify(m.call),
    serializeMessageExtras(m),
    m.revSeq,
  ];
}

export function conversationRow(c: Conversation): ConversationRow {
  return [
    c.id,
    c.contactId,
    c.channel,
    c.status,
    c.queueId,
    c.assigneeId,
    c.subject,
    c.createdAt,
    c.lastMessageAt,
    c.lastMessagePreview,
    c.lastMessageDirection,
    c.waitingSince,
    c.lastInboundAt,
    JSON.stringify(c.tags),
    JSON.stringify(c.labels),
    c.previousConversationId,
    c.closureReason,
    c.seq,
  ];
}

/**
 * Contiguous events (seq order) as batch items: each conversation's newest version among them (the
 * first of equals, as last-writer-wins keeps it) as its row, the older ones as id and seq. Applied
 * in turn, the versions end in the newest one, or in the stored row if that is newer still.
 */
export function batchItems(events: readonly ChangeEvent[]): BatchItem[] {
  const newest = new Map<string, ChangeEvent & { type: 'conversation.upserted' }>();
  for (const e of events) {
    if (e.type !== 'conversation.upserted') continue;
    const kept = newest.get(e.conversation.id);
    if (!kept || e.conversation.seq > kept.conversation.seq) newest.set(e.conversation.id, e);
  }
  const items: BatchItem[] = [];
  for (const e of events) {
    if (e.type === 'message.created') items.push(['m', messageRow(e.message)]);
    else if (e.type !== 'conversation.upserted') items.push(['e', e]);
    else if (newest.get(e.conversation.id) === e) items.push(['c', e.seq, conversationRow(e.conversation), e.conversation.linkedRecord ?? null]);
    else items.push(['v', e.conversation.id, e.seq]);
  }
  return items;
}

/** Contiguous events (seq order) as one batch; null when there are none. */
export function eventBatch(events: readonly ChangeEvent[]): EventBatch | null {
  const last = events[events.length - 1];
  return last ? { lastSeq: last.seq, items: batchItems(events) } : null;
}

/** A batch's text as it crosses to the writer's thread: its items in the slices they were added in. */
interface EventBatchWire {
  lastSeq: number;
  slices: BatchItem[][];
}

/**
 * A batch as JSON text, built page by page as the events arrive, so that handing it to the writer's
 * thread only joins text. A conversation may then have a row in several pages of one batch: the
 * writer writes only its newest (`Applier.applyBatch`), as it would with the batch built at once.
 *
 * The text keeps each slice's items as the array JSON.stringify made of them, and one join makes
 * the whole text: V8 returns a long stringify as a tree of pieces, which cutting its brackets off
 * copied whole, and it copies a concatenation whole before posting it to another thread. Those two
 * copies were 40 % of the core's thread's page faults in a catch-up (docs/PERFORMANCE.md).
 */
export class EventBatchText {
  private readonly slices: string[] = [];
  private last: number | null = null;
  private count = 0;

  /** Adds contiguous events that follow those added before. */
  add(events: readonly ChangeEvent[]): void {
    const last = events[events.length - 1];
    if (!last) return;
    this.slices.push(JSON.stringify(batchItems(events)));
    this.last = last.seq;
    this.count += events.length;
  }

  /** Adds the text of events that follow those added before. */
  append(other: EventBatchText): void {
    if (other.last === null) return;
    this.slices.push(...other.slices);
    this.last = other.last;
    this.count += other.count;
  }

  get size(): number {
    return this.count;
  }

  /** The JSON text of every event added, for `parseEventBatch`; `null` when there are none. */
  text(): string {
    if (this.last === null) return 'null';
    const parts = [...this.slices];
    parts[0] = `{"lastSeq":${this.last},"slices":[${parts[0]}`;
    parts[parts.length - 1] = `${parts[parts.length - 1]}]}`;
    return parts.join(',');
  }
}

/** The events of one batch as text, as `EventBatchText` makes it. */
export function eventBatchText(events: readonly ChangeEvent[]): string {
  const text = new EventBatchText();
  text.add(events);
  return text.text();
}

/** The batch an `EventBatchText`'s text holds; null when it holds no events. */
export function parseEventBatch(text: string): EventBatch | null {
  const wire = JSON.parse(text) as EventBatchWire | null;
  return wire && { lastSeq: wire.lastSeq, items: wire.slices.flat() };
}
