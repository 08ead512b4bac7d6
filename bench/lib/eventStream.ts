// Change events as the server's change log would hold them after the snapshot: customers and
// agents writing in open conversations, delivery receipts, assignments and resolutions, read
// markers, new conversations. Seeded and gap-free from `startSeq`.
import { type Conversation, beforeFirstMessage, type Message, plainMessageFields } from '../../shared/domain';
import type { ChangeEvent } from '../../shared/protocol';
import { conversationHeader, NOW, type DatasetPlan } from './dataset';
import { createRng, hashSeed, uuid7, type Rng } from './prng';

const REPLIES = ['Thanks, I will check and get back to you.', 'Could you send the order number?', 'Your refund is on its way.', 'I have reset the password, please try again.'];
const INBOUND = ['Hi, my package has not arrived yet', 'Still waiting for an answer', 'Thank you!', 'The app shows an error when I pay', 'Can I change my delivery address?'];

export class EventStream {
  private readonly rng: Rng;
  private readonly hot: Conversation[] = [];
  private readonly sent: Array<{ id: string; conversationId: string; status: 'sent' | 'delivered' }> = [];
  private readonly queue: ChangeEvent[] = [];
  private seq: number;
  private created = 0;

  /** The most conversations receiving traffic: their number at the start in a steady stream. */
  private readonly hotCap: number;

  /**
   * `hotLimit` bounds how many of the snapshot's open conversations receive traffic (the most
   * recent ones, as in a real inbox); the long thread (conversation 0) is always among them.
   * Every new conversation joins them, so their number grows with the stream, and so does what
   * the cache holds open. A `steady` stream keeps their number: the oldest one after the long
   * thread leaves as a new one comes and is resolved as it goes, so neither the stream's own
   * state nor the open conversations in the cache grow however long it runs.
   */
  constructor(
    private readonly plan: DatasetPlan,
    startSeq: number,
    seedLabel: string,
    { hotLimit = 5_000, steady = false }: { hotLimit?: number; steady?: boolean } = {},
  ) {
    this.rng = createRng(hashSeed(plan.cfg.seed, 'events', seedLabel));
    this.seq = startSeq;
    for (let i = 0; i < plan.cfg.conversations && this.hot.length < hotLimit; i++) {
      const { conversation } = conversationHeader(plan, i);
      if (conversation.status !== 'resolved') this.hot.push(conversation);
    }
    this.hotCap = steady ? this.hot.length : Infinity;
  }

  /** The seq of the last event handed out or queued. */
  get head(): number {
    return this.seq;
  }

  /** Exactly `n` events, contiguous in seq. */
  take(n: number): ChangeEvent[] {
    while (this.queue.length < n) this.activity();
    return this.queue.splice(0, n);
  }

  private nextSeq(): number {
    this.seq += 1;
    return this.seq;
  }

  private time(): number {
    // Time moves on after the snapshot: a few seconds per change.
    return NOW + (this.seq - this.plan.atSeq) * 3_000;
  }

  private upsert(c: Conversation, change: Partial<Conversation>): void {
    Object.assign(c, change);
    const seq = this.nextSeq();
    c.seq = seq;
    this.queue.push({ seq, type: 'conversation.upserted', conversation: { ...c } });
  }

  private message(c: Conversation, inbound: boolean): void {
    const seq = this.nextSeq();
    const createdAt = this.time();
    const m: Message = {
      id: uuid7(createdAt, this.rng),
      clientId: inbound ? null : uuid7(createdAt - 150, this.rng),
      conversationId: c.id,
      seq,
      direction: inbound ? 'inbound' : 'outbound',
      kind: 'text',
      channel: c.channel,
      authorAgentId: inbound ? null : (c.assigneeId ?? this.plan.self.id),
      body: this.rng.pick(inbound ? INBOUND : REPLIES),
      createdAt,
      status: inbound ? null : 'sent',
      statusSeq: seq,
      call: null,
      ...plainMessageFields(),
    };
    this.queue.push({ seq, type: 'message.created', message: m });
    if (!inbound) this.sent.push({ id: m.id, conversationId: c.id, status: 'sent' });
    if (this.sent.length > 2_000) this.sent.shift();
    // The server follows a message with the conversation's new preview.
    this.upsert(c, { lastMessageAt: createdAt, lastMessagePreview: m.body, lastMessageDirection: m.direction });
  }

  private activity(): void {
    const r = this.rng.next();
    if (r < 0.62) {
      const c = this.rng.chance(0.02) ? this.hot[0] : this.rng.pick(this.hot);
      if (c) this.message(c, this.rng.chance(0.55));
    } else if (r < 0.8 && this.sent.length > 0) {
      const target = this.sent[this.rng.int(this.sent.length)];
      if (!target) return;
      target.status = target.status === 'sent' ? 'delivered' : 'sent';
      const status = target.status === 'delivered' ? 'delivered' : 'read';
      this.queue.push({ seq: this.nextSeq(), type: 'message.status', messageId: target.id, conversationId: target.conversationId, status });
    } else if (r < 0.9) {
      const c = this.rng.pick(this.hot);
      const agent = this.rng.pick(this.plan.agents);
      const s = this.rng.next();
      if (s < 0.4) this.upsert(c, { status: 'active', assigneeId: agent.id });
      else if (s < 0.7) this.upsert(c, { status: 'resolved' });
      else this.upsert(c, { status: 'active', assigneeId: this.rng.chance(0.2) ? this.plan.self.id : agent.id });
    } else if (r < 0.96) {
      const c = this.rng.pick(this.hot);
      const agentId = this.rng.chance(0.5) ? this.plan.self.id : this.rng.pick(this.plan.agents).id;
      this.queue.push({ seq: this.nextSeq(), type: 'conversation.read', conversationId: c.id, agentId, readSeq: this.seq - 1 });
    } else {
      this.newConversation();
    }
  }

  private newConversation(): void {
    const createdAt = this.time();
    this.created++;
    const contactSeq = this.nextSeq();
    const contact = {
      id: uuid7(createdAt - 500, this.rng),
      name: `New customer ${this.created}`,
      phone: `+1 555 ${String(this.rng.int(1e7)).padStart(7, '0')}`,
      email: null,
      createdAt,
      seq: contactSeq,
    };
    this.queue.push({ seq: contactSeq, type: 'contact.upserted', contact });
    const seq = this.nextSeq();
    const c: Conversation = {
      id: uuid7(createdAt, this.rng),
      contactId: contact.id,
      channel: 'sms',
      status: 'queued',
      queueId: this.rng.pick(this.plan.queues).id,
      assigneeId: null,
      subject: null,
      createdAt,
      lastMessageAt: createdAt,
      ...beforeFirstMessage(),
      previousConversationId: null,
      seq,
    };
    this.queue.push({ seq, type: 'conversation.upserted', conversation: { ...c } });
    this.hot.push(c);
    this.message(c, true);
    if (this.hot.length > this.hotCap) {
      const [oldest] = this.hot.splice(1, 1);
      if (oldest && oldest.status !== 'resolved') this.upsert(oldest, { status: 'resolved' });
    }
  }
}
