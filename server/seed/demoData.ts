// Builds the demo tenant's conversations in memory from the corpus: pure, seeded, no I/O.
import { v7 as uuidv7 } from 'uuid';
import { type Agent, type CallOutcome, type CallRecord, type TranscriptLine, type Channel, type Contact, type Conversation, type Message, plainMessageFields, WORKFLOW_LABELS, type Queue } from '../../shared/domain';
import { DEFAULT_CLOSURE_REASONS, DEFAULT_TAGS } from '../workflow/settings';
import { type SystemLine, systemLine } from '../workflow/systemLines';
import { conversationAfter } from '../operations/appendMessage';
import { callSummary } from '../operations/inboundPayload';
import { CALLS, type Line, SCRIPTS } from './corpus';
import { makePeople, type Person } from './people';
import { placeholders } from './placeholders';
import { SHOWCASE_CONVERSATIONS, showcaseConversations } from './showcase';
import { intBetween, pick, randomBytes16, type Random, shuffle, weighted } from './prng';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const DEMO_COUNTS = { contacts: 200, queued: 45, assigned: 75, resolved: 170, abandoned: 10 } as const;

const CHANNEL_WEIGHTS: Record<Channel, number> = { whatsapp: 30, email: 20, sms: 14, portal: 12, messenger: 13, voice: 11 };

export interface DemoContact {
  contact: Contact;
  person: Person;
}

export interface DemoData {
  contacts: DemoContact[];
  conversations: Conversation[];
  messages: Message[];
  reads: { conversationId: string; agentId: string; readSeq: number; seq: number }[];
  head: number;
}

type Draft = Omit<Message, 'seq' | 'statusSeq' | 'conversationId'>;

export function generateDemoData(random: Random, now: number, agents: readonly Agent[], queues: readonly Queue[]): DemoData {
  const id = (msecs: number) => uuidv7({ msecs: Math.floor(msecs), random: randomBytes16(random) });
  const people = makePeople(random, DEMO_COUNTS.contacts);
  const contacts: DemoContact[] = people.map((person) => ({
    person,
    contact: { id: '', name: person.name, phone: person.phone, email: person.email, createdAt: now - intBetween(random, 61, 400) * DAY, seq: 0 },
  }));
  for (const c of contacts) c.contact.id = id(c.contact.createdAt);

  // Several assigned conversations go to the first agent, the one the README tells people to use.
  const [first, ...others] = agents;
  if (!first) throw new Error('The demo needs at least one agent.');
  // The showcase conversations are assigned too, and count towards the total.
  const assignees = Array.from({ length: DEMO_COUNTS.assigned - SHOWCASE_CONVERSATIONS }, (_, i) => (i < 20 || others.length === 0 ? first : others[i % others.length]!));
  const statuses = shuffle(random, [
    ...Array<'queued'>(DEMO_COUNTS.queued).fill('queued'),
    ...assignees.map((agent) => ({ agent })),
    ...Array<'resolved'>(DEMO_COUNTS.resolved).fill('resolved'),
    ...Array<'abandoned'>(DEMO_COUNTS.abandoned).fill('abandoned'),
  ]);
  // Open conversations each get their own contact, so an inbound message finds exactly one.
  const openContacts = shuffle(random, contacts);

  const conversations: { conversation: Conversation; drafts: Draft[]; agent: Agent | null }[] = [];
  for (const [index, status] of statuses.entries()) {
    const closed = status === 'resolved' || status === 'abandoned';
    const owner = closed ? pick(random, contacts) : openContacts.pop()!;
    const channel = weighted(random, CHANNEL_WEIGHTS);
    const agent = status === 'queued' || status === 'abandoned' ? null : status === 'resolved' ? pick(random, agents) : status.agent;
    const lastAt =
      status === 'queued'
        ? now - MINUTE - random() ** 2 * 8 * HOUR
        : closed
          ? now - 2 * HOUR - random() ** 1.5 * 58 * DAY
          : now - 2 * MINUTE - random() ** 2 * 3 * DAY;
    const fill = placeholders(random, owner.person.firstName, (agent ?? pick(random, agents)).name);
    const script = channel === 'voice' ? null : pick(random, SCRIPTS);
    const call = channel === 'voice' ? pick(random, CALLS) : null;
    const queueName = script?.queue ?? call!.queue;
    // Waiting conversations sit in the first (Accept-only) queue: the routed queues would have
    // handed theirs out already.
    const queue = status === 'queued' ? queues[0]! : (queues.find((q) => q.name === queueName) ?? queues[0]!);

    let lines: Draft[];
    if (call) {
      const transcript = call.transcript.map((t, i) => ({ speaker: t.speaker, atSec: i * intBetween(random, 15, 60), text: fill(t.text) }));
      const durationSec = (transcript.at(-1)?.atSec ?? 0) + intBetween(random, 30, 240);
      lines = [
        { id: '', clientId: null, direction: 'inbound', kind: 'call', channel: 'voice', authorAgentId: null, body: callSummary(durationSec), createdAt: 0, status: null, call: { durationSec, transcript, ...callOutcome(random, transcript) }, ...plainMessageFields() },
      ];
      if (agent) lines.push(outbound(agent, 'sms', fill(call.followUp)));
    } else {
      const chosen = chooseLines(random, script!.lines, status === 'queued' || status === 'abandoned' ? 'queued' : status === 'resolved' ? 'resolved' : 'assigned');
      lines = chosen.map((line) =>
        line.who === 'customer'
          ? { id: '', clientId: null, direction: 'inbound', kind: 'text', channel, authorAgentId: null, body: fill(line.text), createdAt: 0, status: null, call: null, ...plainMessageFields() }
          : line.who === 'note'
            ? { ...outbound(agent ?? first, channel, fill(line.text)), kind: 'note', status: null }
            : outbound(agent ?? first, channel, fill(line.text)),
      );
    }

    if (agent) lines = withSystemLines(lines, agent, channel, status === 'resolved');

    // Lay the messages out backwards from the last one, chat-paced or email-paced.
    let t = lastAt;
    for (let i = lines.length - 1; i >= 0; i--) {
      lines[i]!.createdAt = Math.floor(t);
      t -= channel === 'email' ? (20 + random() * 340) * MINUTE : (0.5 + random() * 25) * MINUTE;
    }
    for (const line of lines) line.id = id(line.createdAt);
    const createdAt = lines[0]!.createdAt;
    owner.contact.createdAt = Math.min(owner.contact.createdAt, createdAt);
    conversations.push({
      agent,
      drafts: lines,
      conversation: {
        id: id(createdAt),
        contactId: owner.contact.id,
        channel,
        status: typeof status === 'string' ? status : 'active',
        queueId: queue.id,
        assigneeId: agent?.id ?? null,
        subject: channel === 'email' && script ? fill(script.subject) : null,
        createdAt,
        lastMessageAt: createdAt,
        lastMessagePreview: '',
        lastMessageDirection: null,
        waitingSince: null,
        lastInboundAt: null,
        // A deterministic sprinkle of tags and labels, so the filters have something to find.
        tags: index % 4 === 0 ? [DEFAULT_TAGS[index % DEFAULT_TAGS.length]!] : [],
        labels: index % 9 === 0 ? [WORKFLOW_LABELS[index % WORKFLOW_LABELS.length]!] : [],
        previousConversationId: null,
        closureReason: status === 'resolved' ? DEFAULT_CLOSURE_REASONS[0]! : null,
        seq: 0,
      },
    });
  }

  // The showcase chat is on WhatsApp: its customer needs a phone number.
  const showcaseAt = openContacts.findIndex((c) => c.contact.phone !== null);
  const showcaseContact = showcaseAt === -1 ? undefined : openContacts.splice(showcaseAt, 1)[0];
  const firstQueue = queues[0];
  if (showcaseContact && firstQueue) {
    conversations.push(...showcaseConversations({ now, id, agent: first, contact: showcaseContact.contact, queueId: firstQueue.id }));
  }

  // Seqs follow time: contacts, then every message in creation order, then conversations and
  // read markers, as if the history had been written live.
  let seq = 0;
  for (const c of contacts) c.contact.seq = ++seq;
  const allDrafts = conversations
    .flatMap(({ conversation, drafts }) => drafts.map((d) => ({ ...d, conversationId: conversation.id })))
    .sort((x, y) => x.createdAt - y.createdAt);
  const messages: Message[] = allDrafts.map((d) => {
    const s = ++seq;
    return { ...d, seq: s, statusSeq: s, status: d.status === null ? null : deliveredStatus(now, d.createdAt) };
  });
  const byConversation = new Map<string, Message[]>();
  for (const m of messages) byConversation.set(m.conversationId, [...(byConversation.get(m.conversationId) ?? []), m]);

  const finished = conversations
    .map((entry) => {
      const own = byConversation.get(entry.conversation.id) ?? [];
      const after = own.reduce((conv, m) => conversationAfter(conv, m, 0), entry.conversation);
      // Every other open conversation whose agent spoke last now waits on the customer.
      const waitsOnCustomer = after.status === 'active' && after.lastMessageDirection === 'outbound' && own.length % 3 !== 0;
      const conversation = waitsOnCustomer ? { ...after, status: 'pending' as const } : after;
      return { ...entry, conversation, own };
    })
    .sort((x, y) => x.conversation.lastMessageAt - y.conversation.lastMessageAt);
  for (const entry of finished) entry.conversation.seq = ++seq;

  const reads: DemoData['reads'] = [];
  for (const { conversation, own, agent } of finished) {
    const lastSeq = own.at(-1)?.seq ?? 0;
    if (conversation.status === 'resolved') {
      for (const a of agents) reads.push({ conversationId: conversation.id, agentId: a.id, readSeq: lastSeq, seq: ++seq });
    } else if ((conversation.status === 'active' || conversation.status === 'pending') && agent) {
      // Some assigned conversations have customer messages the agent has not seen yet.
      const lastOutbound = [...own].reverse().find((m) => m.direction === 'outbound')?.seq ?? 0;
      const readSeq = random() < 0.6 ? lastSeq : lastOutbound;
      if (readSeq > 0) reads.push({ conversationId: conversation.id, agentId: agent.id, readSeq, seq: ++seq });
    }
  }

  return { contacts, conversations: finished.map((f) => f.conversation), messages, reads, head: seq };
}

const CALL_OUTCOMES: Record<CallOutcome, number> = { completed: 60, transferred: 20, voicemail: 10, failed: 10 };

/** How a seeded call ended, and a summary from what the customer said first. */
function callOutcome(random: Random, transcript: readonly TranscriptLine[]): Pick<CallRecord, 'outcome' | 'summary'> {
  const outcome = weighted(random, CALL_OUTCOMES);
  const said = transcript.find((t) => t.speaker === 'customer')?.text ?? null;
  return { outcome, summary: outcome === 'failed' || said === null ? null : `Customer: ${said}` };
}

function outbound(agent: Agent, channel: Channel, body: string): Draft {
  return { id: '', clientId: null, direction: 'outbound', kind: 'text', channel, authorAgentId: agent.id, body, createdAt: 0, status: 'read', call: null, ...plainMessageFields() };
}

/** The timeline's own record of who picked the conversation up and, if so, who resolved it. */
function withSystemLines(lines: Draft[], agent: Agent, channel: Channel, resolved: boolean): Draft[] {
  const system = ({ body, event }: SystemLine): Draft => ({ id: '', clientId: null, direction: 'system', kind: 'text', channel, authorAgentId: null, body, createdAt: 0, status: null, call: null, ...plainMessageFields(), event });
  const firstReply = lines.findIndex((l) => l.direction !== 'inbound');
  const at = firstReply === -1 ? lines.length : firstReply;
  const out = [...lines.slice(0, at), system(systemLine('accepted', { agent: agent.name })), ...lines.slice(at)];
  if (resolved) out.push(system(systemLine('resolved', { agent: agent.name, reason: DEFAULT_CLOSURE_REASONS[0]! })));
  return out;
}

/** Older replies have been read; the freshest ones are delivered but not read yet. */
function deliveredStatus(now: number, createdAt: number): Message['status'] {
  return now - createdAt < 15 * MINUTE ? 'delivered' : 'read';
}

/** Which script lines a conversation in this state has reached. */
function chooseLines(random: Random, lines: readonly Line[], state: 'queued' | 'assigned' | 'resolved'): Line[] {
  if (state === 'resolved') return [...lines];
  if (state === 'queued') {
    const firstReply = lines.findIndex((l) => l.who !== 'customer');
    const opening = lines.slice(0, Math.max(1, firstReply));
    return random() < 0.3 ? [...opening, { who: 'customer', text: 'Any update on this?' }] : opening;
  }
  let end = intBetween(random, 2, Math.max(2, lines.length - 1));
  // Half of the assigned conversations wait on the agent: they end with the customer.
  if (random() < 0.5) while (end > 1 && lines[end - 1]!.who !== 'customer') end--;
  return lines.slice(0, end);
}
