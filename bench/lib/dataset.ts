// The benchmark dataset: one team's agents, queues, contacts, conversations and messages, generated
// deterministically from a seed. Each conversation has its own PRNG stream, so any conversation (or
// any snapshot page) can be regenerated on its own: the ingest benchmark streams pages to the core
// and then the very same rows to the raw-insert baseline without ever holding 1M messages in memory.
import { type Agent, type CallRecord, type Channel, type Contact, type Conversation, beforeFirstMessage, type Message, plainMessageFields, type Queue } from '../../shared/domain';
import type { SnapshotPage } from '../../shared/protocol';
import type { BenchConfig } from './config';
import { createRng, hashSeed, uuid7, type Rng } from './prng';

/** The dataset's "now": fixed, so runs are comparable. */
export const NOW = Date.UTC(2025, 0, 15, 12);
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

const FIRST = ['Ana', 'Ben', 'Carla', 'David', 'Emma', 'Farid', 'Grace', 'Hugo', 'Ines', 'Jonas', 'Kemal', 'Lena', 'Mateo', 'Nora', 'Omar', 'Priya', 'Quinn', 'Rosa', 'Sven', 'Tariq', 'Uma', 'Victor', 'Wen', 'Yara', 'Zoe'];
const LAST = ['Almeida', 'Becker', 'Chen', 'Dubois', 'Eriksson', 'Fischer', 'García', 'Haddad', 'Ivanova', 'Jansen', 'Kowalski', 'López', 'Müller', 'Nakamura', 'Okafor', 'Petrov', 'Rossi', 'Singh', 'Tanaka', 'Úlfarsson', 'Van Dijk', 'Wójcik', 'Yılmaz', 'Zhang'];
const QUEUES = ['General', 'Billing', 'Technical', 'Returns', 'VIP'];
const WORDS = ('hello order invoice delivery refund account password please thanks when where why how package ' +
  'tracking number payment card charged twice cancel subscription upgrade plan address change help issue ' +
  'problem working since yesterday today tomorrow week update status error message screen app login reset ' +
  'email phone call back later sure great perfect received shipped arrived damaged replace return label ' +
  'café naïve über straße señor größe 订单 配送 返金 заказ доставка').split(' ');
const SUBJECTS = ['Order not arrived', 'Refund request', 'Cannot log in', 'Invoice question', 'Change of address', 'Damaged item'];

const CHANNEL_WEIGHTS: Array<[Channel, number]> = [
  ['whatsapp', 0.3], ['email', 0.25], ['sms', 0.15], ['portal', 0.12], ['messenger', 0.13], ['voice', 0.05],
];

export interface DatasetPlan {
  readonly cfg: BenchConfig;
  readonly agents: readonly Agent[];
  readonly queues: readonly Queue[];
  /** The agent whose cache this is (the logged-in agent). */
  readonly self: Agent;
  /** Messages per conversation. Conversation 0 is the long thread. */
  readonly counts: Int32Array;
  /** First seq of each conversation's block: contact, its messages, then the conversation. */
  readonly seqBase: Float64Array;
  /** The snapshot's head: every generated row has seq <= atSeq. */
  readonly atSeq: number;
  readonly totalMessages: number;
  readonly pages: number;
}

export const BIG_THREAD_INDEX = 0;

function pickChannel(rng: Rng): Channel {
  let r = rng.next();
  for (const [channel, weight] of CHANNEL_WEIGHTS) {
    r -= weight;
    if (r < 0) return channel;
  }
  return 'whatsapp';
}

const personName = (rng: Rng) => `${rng.pick(FIRST)} ${rng.pick(LAST)}`;

function sentence(rng: Rng, min: number, max: number): string {
  const n = rng.range(min, max);
  const words: string[] = [];
  for (let i = 0; i < n; i++) words.push(rng.pick(WORDS));
  const text = words.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

export function planDataset(cfg: BenchConfig): DatasetPlan {
  const rng = createRng(hashSeed(cfg.seed, 'plan'));
  const agents: Agent[] = [];
  for (let i = 0; i < cfg.agents; i++) {
    const name = personName(rng);
    agents.push({
      id: uuid7(NOW - 400 * DAY + i * MINUTE, rng),
      name,
      email: `${name.toLowerCase().normalize('NFD').replace(/[^a-z]+/g, '.')}${i}@acme.test`,
    });
  }
  const queues = QUEUES.slice(0, cfg.queues).map((name, i) => ({ id: uuid7(NOW - 400 * DAY + i, rng), name, routing: 'manual' as const }));

  // Message counts: the long thread, then an exponential spread (many short conversations, a few
  // long ones) scaled to hit the total exactly. Every conversation has at least one message.
  const n = cfg.conversations;
  const counts = new Int32Array(n);
  const big = Math.min(cfg.bigThread, cfg.messages - (n - 1));
  counts[BIG_THREAD_INDEX] = big;
  const weights = new Float64Array(n);
  let weightSum = 0;
  for (let i = 1; i < n; i++) {
    const w = -Math.log(1 - rng.next());
    weights[i] = w;
    weightSum += w;
  }
  const extra = cfg.messages - big - (n - 1);
  let assigned = 0;
  for (let i = 1; i < n; i++) {
    const e = Math.floor(((weights[i] ?? 0) * extra) / weightSum);
    counts[i] = 1 + e;
    assigned += e;
  }
  for (let i = 1; assigned < extra; i = (i % (n - 1)) + 1, assigned++) counts[i] = (counts[i] ?? 0) + 1;

  const seqBase = new Float64Array(n);
  let seq = 1;
  let totalMessages = 0;
  for (let i = 0; i < n; i++) {
    const c = counts[i] ?? 0;
    seqBase[i] = seq;
    seq += c + 2;
    totalMessages += c;
  }
  const self = agents[0];
  if (!self) throw new Error('no agents');
  return {
    cfg,
    agents,
    queues,
    self,
    counts,
    seqBase,
    atSeq: seq - 1,
    totalMessages,
    pages: Math.ceil(n / cfg.snapshotPageSize),
  };
}

export interface ConversationHeader {
  conversation: Conversation;
  contact: Contact;
  /** The conversation's stream, positioned where its messages start. */
  rng: Rng;
}

/** A conversation and its contact, without messages (cheap: used by the event stream). */
export function conversationHeader(plan: DatasetPlan, index: number): ConversationHeader {
  const rng = createRng(hashSeed(plan.cfg.seed, 'conversation', index));
  const count = plan.counts[index] ?? 1;
  const base = plan.seqBase[index] ?? 1;
  const big = index === BIG_THREAD_INDEX;
  const r = rng.next();
  const status = big ? 'active' : r < 0.6 ? 'resolved' : r < 0.9 ? 'active' : 'queued';
  const channel = big ? 'whatsapp' : pickChannel(rng);
  const lastMessageAt = Math.floor(NOW - rng.next() * (status === 'resolved' ? 90 * DAY : 7 * DAY));
  // Messages are on average 30 minutes apart (the long thread: a year of history).
  const createdAt = Math.floor(lastMessageAt - count * 30 * MINUTE * (0.5 + rng.next()));
  const name = personName(rng);
  const phoneChannel = channel === 'sms' || channel === 'whatsapp' || channel === 'voice';
  const contact: Contact = {
    id: uuid7(createdAt - DAY, rng),
    name,
    phone: phoneChannel ? `+49 15${String(rng.int(1e9)).padStart(9, '0')}` : null,
    email: phoneChannel ? null : `customer${index}@example.com`,
    createdAt: createdAt - DAY,
    seq: base,
  };
  const assigneeId = big ? plan.self.id : status === 'queued' ? null : rng.pick(plan.agents).id;
  const conversation: Conversation = {
    id: uuid7(createdAt, rng),
    contactId: contact.id,
    channel,
    status,
    queueId: rng.pick(plan.queues).id,
    assigneeId,
    subject: channel === 'email' ? rng.pick(SUBJECTS) : null,
    createdAt,
    lastMessageAt,
    ...beforeFirstMessage(),
    previousConversationId: null,
    seq: base + count + 1,
  };
  return { conversation, contact, rng };
}

function callRecord(rng: Rng): CallRecord {
  const lines = rng.range(2, 8);
  const transcript: CallRecord['transcript'] = [];
  for (let i = 0; i < lines; i++) {
    transcript.push({ speaker: i % 2 === 0 ? 'customer' : 'agent', atSec: i * 12, text: sentence(rng, 4, 16) });
  }
  return { durationSec: lines * 12 + rng.int(30), transcript, outcome: 'completed', summary: null };
}

export interface GeneratedConversation {
  conversation: Conversation;
  contact: Contact;
  messages: Message[];
  read: { conversationId: string; readSeq: number; unreadCount: number } | null;
}

/** One conversation with all its messages and the logged-in agent's read marker. */
export function generateConversation(plan: DatasetPlan, index: number): GeneratedConversation {
  const { conversation, contact, rng } = conversationHeader(plan, index);
  const count = plan.counts[index] ?? 1;
  const base = plan.seqBase[index] ?? 1;
  const span = conversation.lastMessageAt - conversation.createdAt;
  const messages: Message[] = [];
  for (let k = 0; k < count; k++) {
    const seq = base + 1 + k;
    const createdAt = count === 1 ? conversation.lastMessageAt : Math.floor(conversation.createdAt + (span * k) / (count - 1));
    const r = k === 0 ? 0 : rng.next();
    const direction = r < 0.5 ? 'inbound' : r < 0.94 ? 'outbound' : 'system';
    const note = direction === 'outbound' && r >= 0.88;
    const call = direction === 'inbound' && conversation.channel === 'voice' && rng.chance(0.4) ? callRecord(rng) : null;
    const agentMessage = direction === 'outbound';
    const s = rng.next();
    messages.push({
      id: uuid7(createdAt, rng),
      clientId: agentMessage ? uuid7(createdAt - 200, rng) : null,
      conversationId: conversation.id,
      seq,
      direction,
      kind: note ? 'note' : call ? 'call' : 'text',
      channel: conversation.channel,
      authorAgentId: agentMessage ? (conversation.assigneeId ?? plan.self.id) : null,
      body: direction === 'system' ? 'Conversation assigned.' : call ? '' : sentence(rng, 3, 40),
      createdAt,
      status: agentMessage && !note ? (s < 0.5 ? 'read' : s < 0.85 ? 'delivered' : 'sent') : null,
      statusSeq: seq,
      call,
      ...plainMessageFields(),
    });
  }
  const last = [...messages].reverse().find((m) => m.kind !== 'note' && m.direction !== 'system');
  conversation.lastMessagePreview = last ? (last.kind === 'call' ? 'Voice call' : last.body.slice(0, 120)) : '';
  conversation.lastMessageDirection = last ? last.direction : null;

  let read: GeneratedConversation['read'] = null;
  if (conversation.assigneeId === plan.self.id || rng.chance(0.3)) {
    const upTo = Math.max(-1, count - 1 - rng.int(4));
    let unreadCount = 0;
    for (let k = upTo + 1; k < count; k++) if (messages[k]?.direction === 'inbound') unreadCount++;
    read = { conversationId: conversation.id, readSeq: upTo >= 0 ? (messages[upTo]?.seq ?? 0) : 0, unreadCount };
  }
  return { conversation, contact, messages, read };
}

/** Snapshot page `page` (0-based) as the server's `sync.snapshot` would answer it. */
export function snapshotPage(plan: DatasetPlan, page: number): SnapshotPage {
  const size = plan.cfg.snapshotPageSize;
  const from = page * size;
  const to = Math.min(from + size, plan.cfg.conversations);
  const result: SnapshotPage = {
    atSeq: plan.atSeq,
    agents: plan.agents.map((a) => ({ ...a, status: 'available' as const, capacity: 10, queueIds: plan.queues.map((q) => q.id), seq: 0 })),
    queues: [...plan.queues],
    workflow: { closureReasons: ['Solved'], tags: [] },
    pins: [],
    conversations: [],
    contacts: [],
    messages: [],
    reads: [],
    totalConversations: plan.cfg.conversations,
    nextCursor: page + 1 < plan.pages ? String(page + 1) : null,
  };
  for (let i = from; i < to; i++) {
    const g = generateConversation(plan, i);
    result.conversations.push(g.conversation);
    result.contacts.push(g.contact);
    for (const m of g.messages) result.messages.push(m);
    if (g.read) result.reads.push(g.read);
  }
  return result;
}
