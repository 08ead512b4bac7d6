// The workflow requests against a real server process: the accept race, transfers (to an agent
// with a note, to a routed queue), resolve and the linked follow-up, reopen, agent status, pins,
// tags, starting a conversation, and the inactivity timers; each system line with its event.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AGENTS } from '../../shared/demo';
import type { ChangeEvent } from '../../shared/protocol';
import { type AgentSocket, type Backend, connectAgent, startBackend } from '../../testing/backend';
import { freshPhone, newClientId, pullAll, uniqueId, waitFor } from '../test/helpers';

let backend: Backend;
let timed: Backend;
const sockets: AgentSocket[] = [];

beforeAll(async () => {
  [backend, timed] = await Promise.all([
    startBackend({ seed: 'minimal', carrierDelayScale: 0.005 }),
    startBackend({ seed: 'minimal', carrierDelayScale: 0.005, extraArgs: ['--abandon-ms', '600', '--auto-resolve-ms', '600', '--workflow-sweep-ms', '100'] }),
  ]);
});

afterAll(async () => {
  for (const s of sockets) s.close();
  await Promise.all([backend?.stop(), timed?.stop()]);
});

async function agent(on: Backend, index: number): Promise<AgentSocket & { id: string }> {
  const login = await on.login(DEMO_AGENTS[index]!.email);
  const socket = await connectAgent(on.url, login.token);
  sockets.push(socket);
  return Object.assign(socket, { id: login.agent.id });
}

async function customerWrites(on: Backend, phone: string, text = 'Hello, I need help.') {
  const r = await on.webhook('sms', { externalId: uniqueId('sms'), from: phone, text });
  expect(r.status).toBe(200);
  return r.json as { conversationId: string };
}

const messagesOf = (events: ChangeEvent[], conversationId: string) =>
  events.flatMap((e) => (e.type === 'message.created' && e.message.conversationId === conversationId ? [e.message] : []));
/** The events of a conversation's system lines, in order. */
const systemEventsOf = (events: ChangeEvent[], conversationId: string) =>
  messagesOf(events, conversationId).flatMap((m) => (m.direction === 'system' ? [m.event] : []));

describe('workflow', () => {
  it('lets exactly one of two agents accept a queued conversation and tells the other who won', async () => {
    const [alex, bea] = await Promise.all([agent(backend, 0), agent(backend, 1)]);
    const { conversationId } = await customerWrites(backend, freshPhone());
    const results = await Promise.allSettled([
      alex.request('conversation.accept', { clientId: newClientId(), conversationId }),
      bea.request('conversation.accept', { clientId: newClientId(), conversationId }),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as Error & { code: string; reason?: unknown }] : []));
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const winner = (won[0] as PromiseFulfilledResult<{ conversation: { assigneeId: string | null; status: string } }>).value.conversation;
    expect(winner.status).toBe('active');
    const winnerName = winner.assigneeId === alex.id ? DEMO_AGENTS[0].name : DEMO_AGENTS[1].name;
    expect(lost[0]!.code).toBe('conflict');
    expect(lost[0]!.message).toContain(`${winnerName} already accepted this conversation.`);
    // Next to the English message, a code and the winner's name for a console to word in its language.
    expect(lost[0]!.reason).toEqual({ code: 'alreadyAccepted', params: { agent: winnerName } });
    const { events } = await pullAll(alex, 0);
    expect(messagesOf(events, conversationId).filter((m) => m.direction === 'system').map((m) => m.body)).toEqual([`${winnerName} accepted the conversation`]);
    expect(systemEventsOf(events, conversationId)).toEqual([{ code: 'accepted', params: { agent: winnerName } }]);
  });

  it('transfers to an agent with a note, and to a routed queue that assigns an available agent with room', async () => {
    const [alex, bea, chen] = await Promise.all([agent(backend, 0), agent(backend, 1), agent(backend, 2)]);
    const { conversationId } = await customerWrites(backend, freshPhone());
    await alex.request('conversation.accept', { clientId: newClientId(), conversationId });
    const to = await alex.request('conversation.transfer', {
      clientId: newClientId(),
      conversationId,
      to: { kind: 'agent', agentId: bea.id },
      note: 'Customer wants a refund, order 4411.',
    });
    expect(to.conversation).toMatchObject({ assigneeId: bea.id, status: 'active' });
    const seen = await waitFor(() => {
      const lines = messagesOf(bea.events, conversationId);
      return lines.some((m) => m.kind === 'note') ? lines : null;
    });
    expect(seen.map((m) => [m.kind, m.body])).toContainEqual(['note', 'Customer wants a refund, order 4411.']);
    expect(seen.map((m) => m.body)).toContain(`${DEMO_AGENTS[0].name} transferred the conversation to ${DEMO_AGENTS[1].name}`);

    // Billing routes round robin; only Chen is available, so Chen gets it.
    const snap = await alex.request('sync.snapshot', { cursor: null, limit: 10 });
    const billing = snap.queues.find((q) => q.name === 'Billing')!;
    expect(billing.routing).toBe('roundRobin');
    const others = await Promise.all([3, 4].map((i) => agent(backend, i)));
    for (const a of [alex, bea, ...others]) await a.request('agent.setStatus', { clientId: newClientId(), status: 'away' });
    const routed = await bea.request('conversation.transfer', { clientId: newClientId(), conversationId, to: { kind: 'queue', queueId: billing.id } });
    expect(routed.conversation).toMatchObject({ assigneeId: chen.id, status: 'active', queueId: billing.id });
    for (const a of [alex, bea, ...others]) await a.request('agent.setStatus', { clientId: newClientId(), status: 'available' });
    expect(systemEventsOf((await pullAll(chen, 0)).events, conversationId)).toEqual([
      { code: 'accepted', params: { agent: DEMO_AGENTS[0].name } },
      { code: 'transferredToAgent', params: { agent: DEMO_AGENTS[0].name, to: DEMO_AGENTS[1].name } },
      { code: 'transferredToQueue', params: { agent: DEMO_AGENTS[1].name, queue: 'Billing' } },
      { code: 'routed', params: { to: DEMO_AGENTS[2].name } },
    ]);
    const statusEvents = chen.events.filter((e) => e.type === 'agent.upserted');
    expect(statusEvents.some((e) => e.type === 'agent.upserted' && e.agent.id === bea.id && e.agent.status === 'away')).toBe(true);
  });

  it('resolves with a listed reason; the resolved conversation is read-only and a new message opens a linked one', async () => {
    const alex = await agent(backend, 0);
    const phone = freshPhone();
    const { conversationId } = await customerWrites(backend, phone);
    await alex.request('conversation.accept', { clientId: newClientId(), conversationId });
    await expect(alex.request('conversation.resolve', { clientId: newClientId(), conversationId, reason: 'Because' })).rejects.toMatchObject({ code: 'invalid' });
    const resolved = await alex.request('conversation.resolve', { clientId: newClientId(), conversationId, reason: 'Solved', note: 'Refund sent.' });
    expect(resolved.conversation).toMatchObject({ status: 'resolved', closureReason: 'Solved' });
    await expect(alex.request('message.send', { clientId: newClientId(), conversationId, body: 'One more thing' })).rejects.toMatchObject({ code: 'conflict' });
    await expect(alex.request('conversation.accept', { clientId: newClientId(), conversationId })).rejects.toMatchObject({ code: 'conflict' });

    const follow = await customerWrites(backend, phone, 'It broke again.');
    expect(follow.conversationId).not.toBe(conversationId);
    const { events } = await pullAll(alex, 0);
    const linked = events.flatMap((e) => (e.type === 'conversation.upserted' && e.conversation.id === follow.conversationId ? [e.conversation] : [])).at(-1);
    expect(linked).toMatchObject({ status: 'queued', previousConversationId: conversationId });

    const reopened = await alex.request('conversation.reopen', { clientId: newClientId(), conversationId });
    expect(reopened.conversation).toMatchObject({ status: 'active', assigneeId: alex.id, closureReason: null });
    const alexName = DEMO_AGENTS[0].name;
    expect(systemEventsOf((await pullAll(alex, 0)).events, conversationId)).toEqual([
      { code: 'accepted', params: { agent: alexName } },
      { code: 'resolved', params: { agent: alexName, reason: 'Solved' } },
      { code: 'reopened', params: { agent: alexName } },
    ]);
  });

  it('moves between active and pending, merges tags, pins per agent, and answers repeats with the first result', async () => {
    const [alex, bea] = await Promise.all([agent(backend, 0), agent(backend, 1)]);
    const { conversationId } = await customerWrites(backend, freshPhone());
    const clientId = newClientId();
    const first = await alex.request('conversation.accept', { clientId, conversationId });
    expect(await alex.request('conversation.accept', { clientId, conversationId })).toEqual(first);
    expect((await alex.request('conversation.setStatus', { clientId: newClientId(), conversationId, status: 'pending' })).conversation.status).toBe('pending');
    await alex.request('conversation.tag', { clientId: newClientId(), conversationId, addTags: ['vip', 'refund'], addLabels: ['escalated'] });
    const tagged = await bea.request('conversation.tag', { clientId: newClientId(), conversationId, addTags: ['VIP', 'delivery'], removeTags: ['refund'] });
    expect(tagged.conversation).toMatchObject({ tags: ['vip', 'delivery'], labels: ['escalated'] });
    // A customer reply puts a pending conversation back on the agent's plate.
    await customerWrites(backend, (await alex.request('sync.snapshot', { cursor: null })).contacts.find((c) => c.id === tagged.conversation.contactId)?.phone ?? freshPhone());

    await alex.request('conversation.pin', { clientId: newClientId(), conversationId, pinned: true });
    expect((await alex.request('sync.snapshot', { cursor: null, limit: 2_000 })).pins).toContain(conversationId);
    expect((await bea.request('sync.snapshot', { cursor: null, limit: 2_000 })).pins).not.toContain(conversationId);

    await alex.request('conversation.setStatus', { clientId: newClientId(), conversationId, status: 'pending' });
    await alex.request('conversation.setStatus', { clientId: newClientId(), conversationId, status: 'active' });
    const alexName = DEMO_AGENTS[0].name;
    expect(systemEventsOf((await pullAll(alex, 0)).events, conversationId)).toEqual([
      { code: 'accepted', params: { agent: alexName } },
      { code: 'setPending', params: { agent: alexName } },
      { code: 'setPending', params: { agent: alexName } },
      { code: 'setActive', params: { agent: alexName } },
    ]);
  });

  it('starts a conversation with a new number under the client-chosen id, and finds the contact again', async () => {
    const alex = await agent(backend, 0);
    const clientId = newClientId();
    const phone = freshPhone();
    const started = await alex.request('conversation.start', { clientId, contact: { name: 'Rosa Diaz', phone }, channel: 'sms', body: 'Your repair is ready.' });
    expect(started.conversation).toMatchObject({ id: clientId, status: 'active', assigneeId: alex.id, channel: 'sms' });
    expect(started.message).toMatchObject({ clientId, direction: 'outbound', body: 'Your repair is ready.' });
    expect((await alex.request('contacts.search', { query: 'rosa di' })).contacts.map((c) => c.id)).toContain(started.contact.id);
    expect((await alex.request('contacts.search', { query: phone.slice(-6) })).contacts.map((c) => c.id)).toContain(started.contact.id);
    await expect(
      alex.request('conversation.start', { clientId: newClientId(), contact: { contactId: started.contact.id }, channel: 'email', body: 'Hi' }),
    ).rejects.toMatchObject({ code: 'invalid' });
    // WhatsApp opens only with an approved template, which the server renders.
    const whatsapp = { contact: { contactId: started.contact.id }, channel: 'whatsapp' as const, body: 'Free text' };
    await expect(alex.request('conversation.start', { clientId: newClientId(), ...whatsapp })).rejects.toMatchObject({ code: 'invalid' });
    const templated = await alex.request('conversation.start', {
      clientId: newClientId(),
      ...whatsapp,
      template: { id: 'reopen_conversation', params: ['Rosa'] },
    });
    expect(templated.message.body).toBe('Hello Rosa, we have an answer to your earlier question. Reply to this message to continue.');
    expect(templated.conversation.previousConversationId).toBe(clientId);
  });
});

describe('inactivity timers', () => {
  it('abandons a queued conversation nobody took and resolves one where the customer went quiet after our reply', async () => {
    const alex = await agent(timed, 0);
    const quiet = await customerWrites(timed, freshPhone());
    const answered = await customerWrites(timed, freshPhone());
    await alex.request('conversation.accept', { clientId: newClientId(), conversationId: answered.conversationId });
    await alex.request('message.send', { clientId: newClientId(), conversationId: answered.conversationId, body: 'Does this help?' });
    const latest = new Map<string, { status: string; closureReason: string | null }>();
    await waitFor(() => {
      for (const e of alex.events) if (e.type === 'conversation.upserted') latest.set(e.conversation.id, e.conversation);
      return latest.get(quiet.conversationId)?.status === 'abandoned' && latest.get(answered.conversationId)?.status === 'resolved';
    });
    expect(latest.get(answered.conversationId)?.closureReason).toBe('No response from customer');
    const { events } = await pullAll(alex, 0);
    expect(systemEventsOf(events, quiet.conversationId)).toEqual([{ code: 'abandoned', params: {} }]);
    expect(systemEventsOf(events, answered.conversationId).at(-1)).toEqual({ code: 'autoResolved', params: {} });
    expect(messagesOf(events, answered.conversationId).at(-1)?.body).toBe('Resolved automatically: no response from customer');
  });
});
