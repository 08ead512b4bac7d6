import { describe, expect, it } from 'vitest';
import type { Agent, Queue } from '../../shared/domain';
import { knownSystemEvent } from '../../shared/systemEvents';
import { systemLineBody } from '../workflow/systemLines';
import { DEMO_COUNTS, generateDemoData } from './demoData';
import { createRandom } from './prng';

const agents: Agent[] = ['Alex Morgan', 'Bea Schmidt', 'Chen Wei', 'Dana Okafor', 'Elif Yilmaz'].map((name, i) => ({
  id: `agent-${i}`,
  name,
  email: `${name.split(' ')[0]!.toLowerCase()}@acme.test`,
}));
const queues: Queue[] = ['General', 'Billing', 'Technical'].map((name) => ({ id: `queue-${name}`, name, routing: 'manual' }));
const NOW = Date.UTC(2025, 4, 1, 12);
const HOUR = 60 * 60 * 1000;

describe('generateDemoData', () => {
  const data = generateDemoData(createRandom(7), NOW, agents, queues);

  it('is reproducible from its seed', () => {
    const again = generateDemoData(createRandom(7), NOW, agents, queues);
    expect(again.messages.map((m) => m.body)).toEqual(data.messages.map((m) => m.body));
    expect(again.conversations.map((c) => c.id)).toEqual(data.conversations.map((c) => c.id));
  });

  it('has the promised mix of conversations, channels and agents', () => {
    expect(data.contacts).toHaveLength(DEMO_COUNTS.contacts);
    expect(data.conversations).toHaveLength(300);
    const count = (pred: (c: (typeof data.conversations)[number]) => boolean) => data.conversations.filter(pred).length;
    expect(count((c) => c.status === 'queued')).toBe(DEMO_COUNTS.queued);
    expect(count((c) => c.status === 'active' || c.status === 'pending')).toBe(DEMO_COUNTS.assigned);
    expect(count((c) => c.status === 'pending')).toBeGreaterThan(0);
    expect(count((c) => c.status === 'resolved')).toBe(DEMO_COUNTS.resolved);
    expect(count((c) => c.status === 'abandoned' && c.assigneeId === null)).toBe(DEMO_COUNTS.abandoned);
    expect(count((c) => c.status === 'active' && c.assigneeId === 'agent-0')).toBeGreaterThanOrEqual(10);
    expect(count((c) => c.tags.length > 0)).toBeGreaterThan(30);
    expect(count((c) => c.labels.length > 0)).toBeGreaterThan(10);
    // The customer waits exactly when their message is the last word.
    for (const c of data.conversations) expect(c.waitingSince !== null).toBe(c.lastMessageDirection === 'inbound');
    expect(new Set(data.conversations.map((c) => c.channel))).toEqual(new Set(['whatsapp', 'sms', 'email', 'portal', 'messenger', 'voice']));
    expect(count((c) => c.lastMessageAt > NOW - 6 * HOUR)).toBeGreaterThan(30);
    expect(Math.min(...data.conversations.map((c) => c.lastMessageAt))).toBeGreaterThan(NOW - 61 * 24 * HOUR);
    // Every open conversation belongs to a different contact.
    const open = data.conversations.filter((c) => c.status !== 'resolved' && c.status !== 'abandoned');
    expect(new Set(open.map((c) => c.contactId)).size).toBe(open.length);
    expect(data.messages.some((m) => m.kind === 'call' && (m.call?.transcript.length ?? 0) > 0)).toBe(true);
    expect(data.messages.some((m) => m.kind === 'note' && m.status === null)).toBe(true);
    expect(data.messages.every((m) => !/\{\w+\}/.test(m.body))).toBe(true);
    // The timeline records who picked a conversation up and who resolved it; queued ones have neither.
    const system = data.messages.filter((m) => m.direction === 'system');
    expect(system.every((m) => m.status === null && m.authorAgentId === null)).toBe(true);
    // Each with its event, for the console to word in the agent's language.
    expect(system.every((m) => m.event?.code === 'accepted' || m.event?.code === 'resolved')).toBe(true);
    // ... naming one of the team's agents, with the body that the event's English wording gives.
    const names = new Set(agents.map((a) => a.name));
    for (const m of system) {
      const known = knownSystemEvent(m.event);
      expect(known !== null && names.has(known.params.agent ?? '')).toBe(true);
      expect(m.body).toBe(systemLineBody(m.event!));
    }
    const lastOf = new Map(data.messages.map((m) => [m.conversationId, m]));
    for (const c of data.conversations.filter((c) => c.status === 'resolved')) expect(lastOf.get(c.id)?.body).toMatch(/resolved the conversation: /);
    const queuedIds = new Set(data.conversations.filter((c) => c.status === 'queued').map((c) => c.id));
    expect(system.some((m) => queuedIds.has(m.conversationId))).toBe(false);
    expect(data.conversations.every((c) => !/accepted|resolved the conversation/.test(c.lastMessagePreview))).toBe(true);
  });

  it('gives every row a distinct seq that follows time, and conversations their latest change', () => {
    const seqs = [...data.contacts.map((c) => c.contact.seq), ...data.messages.map((m) => m.seq), ...data.conversations.map((c) => c.seq), ...data.reads.map((r) => r.seq)];
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(Math.max(...seqs)).toBe(data.head);
    for (let i = 1; i < data.messages.length; i++) expect(data.messages[i]!.createdAt).toBeGreaterThanOrEqual(data.messages[i - 1]!.createdAt);
    const lastSeq = new Map<string, number>();
    for (const m of data.messages) lastSeq.set(m.conversationId, m.seq);
    for (const c of data.conversations) expect(c.seq).toBeGreaterThan(lastSeq.get(c.id)!);
  });

  it('leaves some assigned conversations unread for their agent', () => {
    const readSeq = new Map(data.reads.map((r) => [`${r.conversationId}/${r.agentId}`, r.readSeq]));
    const unread = data.conversations.filter((c) => {
      if (c.status !== 'active' || !c.assigneeId) return false;
      const marker = readSeq.get(`${c.id}/${c.assigneeId}`) ?? 0;
      return data.messages.some((m) => m.conversationId === c.id && m.direction === 'inbound' && m.seq > marker);
    });
    expect(unread.length).toBeGreaterThan(5);
  });
});
