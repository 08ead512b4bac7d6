import { describe, expect, it } from 'vitest';
import { type Conversation, type Message, plainMessageFields } from '../../../shared/domain';
import type { ChangeEvent } from '../../../shared/protocol';
import { deriveCandidates, mentions, type ConversationFacts, type Self } from './derive';

const self: Self = { id: 'a-alex', name: 'Alex Morgan', email: 'alex@acme.test' };
const all = { self, inMyQueues: (_queueId: string) => true };

const conversation = (over: Partial<Conversation> = {}): Conversation => ({
  id: 'c1',
  contactId: 'k1',
  channel: 'whatsapp',
  status: 'queued',
  queueId: 'q1',
  assigneeId: null,
  subject: null,
  createdAt: 1,
  lastMessageAt: 1,
  lastMessagePreview: '',
  lastMessageDirection: 'inbound',
  lastInboundAt: 1,
  waitingSince: 1,
  tags: [],
  labels: [],
  previousConversationId: null,
  closureReason: null,
  seq: 1,
  ...over,
});

const message = (over: Partial<Message> = {}): Message => ({
  id: 'm1',
  clientId: null,
  conversationId: 'c1',
  seq: 2,
  direction: 'inbound',
  kind: 'text',
  channel: 'whatsapp',
  authorAgentId: null,
  body: 'Hello, my order has not arrived',
  createdAt: 2,
  status: null,
  statusSeq: 0,
  call: null,
  ...plainMessageFields(),
  ...over,
});

let seq = 10;
const upsert = (c: Conversation): ChangeEvent => ({ seq: ++seq, type: 'conversation.upserted', conversation: c });
const created = (m: Message): ChangeEvent => ({ seq: ++seq, type: 'message.created', message: m });
const prior = (facts: Record<string, ConversationFacts | null>) => new Map(Object.entries(facts));
const kinds = (events: ChangeEvent[], before = prior({}), context = all) =>
  deriveCandidates(events, before, context).map((c) => `${c.kind}:${c.conversationId}`);

describe('deriveCandidates', () => {
  it('announces a conversation newly queued in my queues, once per queueing', () => {
    expect(kinds([upsert(conversation())])).toEqual(['queued:c1']);
    const queued = prior({ c1: { status: 'queued', assigneeId: null, queueId: 'q1' } });
    expect(kinds([upsert(conversation({ lastMessageAt: 5 }))], queued)).toEqual([]);
    expect(kinds([upsert(conversation({ queueId: 'q2' }))], queued)).toEqual(['queued:c1']);
    expect(kinds([upsert(conversation())], prior({}), { self, inMyQueues: (q) => q === 'q9' })).toEqual([]);
  });

  it('tells me when a conversation is assigned to me, and calls it a transfer when it came from a colleague', () => {
    const mine = conversation({ status: 'active', assigneeId: self.id });
    expect(kinds([upsert(mine)], prior({ c1: { status: 'queued', assigneeId: null, queueId: 'q1' } }))).toEqual(['assigned:c1']);
    expect(kinds([upsert(mine)], prior({ c1: { status: 'active', assigneeId: self.id, queueId: 'q1' } }))).toEqual([]);
    const fromBea = prior({ c1: { status: 'active', assigneeId: 'a-bea', queueId: 'q1' } });
    const [transfer] = deriveCandidates([upsert(mine)], fromBea, all);
    expect(transfer).toMatchObject({ kind: 'transfer', agentId: 'a-bea', text: null });
    expect(kinds([upsert(conversation({ status: 'active', assigneeId: 'a-bea' }))])).toEqual([]);
  });

  it('carries the note written with a transfer, and does not also report it as a mention', () => {
    const fromBea = prior({ c1: { status: 'active', assigneeId: 'a-bea', queueId: 'q1' } });
    const note = message({ id: 'n1', direction: 'system', kind: 'note', authorAgentId: 'a-bea', body: '@alex customer wants a refund' });
    const candidates = deriveCandidates([created(note), upsert(conversation({ status: 'active', assigneeId: self.id }))], fromBea, all);
    expect(candidates).toEqual([
      expect.objectContaining({ kind: 'transfer', text: '@alex customer wants a refund', agentId: 'a-bea' }),
    ]);
  });

  it('reports customer messages in my open conversations only', () => {
    const mine = prior({ c1: { status: 'active', assigneeId: self.id, queueId: 'q1' } });
    expect(kinds([created(message())], mine)).toEqual(['message:c1']);
    expect(kinds([created(message({ direction: 'outbound', authorAgentId: self.id }))], mine)).toEqual([]);
    expect(kinds([created(message())], prior({ c1: { status: 'active', assigneeId: 'a-bea', queueId: 'q1' } }))).toEqual([]);
    expect(kinds([created(message())], prior({ c1: { status: 'resolved', assigneeId: self.id, queueId: 'q1' } }))).toEqual([]);
    expect(kinds([created(message())], prior({ c1: null }))).toEqual([]);
    // Assigned and written to within one batch: judged on the state at the message.
    expect(kinds([upsert(conversation({ status: 'active', assigneeId: self.id })), created(message())])).toEqual([
      'assigned:c1',
      'message:c1',
    ]);
  });

  it('reports notes mentioning me by others, never my own', () => {
    const note = (body: string, author = 'a-bea') => created(message({ id: `n-${body}`, direction: 'system', kind: 'note', authorAgentId: author, body }));
    expect(kinds([note('@Alex can you take this?')])).toEqual(['mention:c1']);
    expect(kinds([note('@alex can you take this?', self.id)])).toEqual([]);
    expect(kinds([note('ask bea about it')])).toEqual([]);
  });

  it('gives each event its own id, stable across a replay', () => {
    const events = [upsert(conversation()), created(message({ id: 'm9' }))];
    const first = deriveCandidates(events, prior({}), all).map((c) => c.id);
    expect(deriveCandidates(events, prior({}), all).map((c) => c.id)).toEqual(first);
  });
});

describe('mentions', () => {
  it('matches first name, full name and e-mail name as whole words, case-insensitively', () => {
    expect(mentions('@alex please look', self)).toBe(true);
    expect(mentions('Thanks @Alex Morgan!', self)).toBe(true);
    expect(mentions('cc @ALEX.', self)).toBe(true);
    expect(mentions('(@alex)', self)).toBe(true);
    expect(mentions('@alexandra please look', self)).toBe(false);
    expect(mentions('mail bob@alex.com', self)).toBe(false);
    expect(mentions('alex without at', self)).toBe(false);
    expect(mentions('@', self)).toBe(false);
  });
});
