import { describe, expect, it } from 'vitest';
import type { ChangeEvent } from '../../shared/protocol';
import { loadConfig } from './config';
import { conversationHeader, planDataset } from './dataset';
import { EventStream } from './eventStream';

const plan = planDataset(loadConfig({ BENCH_SCALE: '0.01' }));
/** The snapshot's open conversations, which receive the stream's traffic at first. */
const openAtStart = Array.from({ length: plan.cfg.conversations }, (_, i) => conversationHeader(plan, i).conversation).filter(
  (c) => c.status !== 'resolved',
).length;

/** Conversations the stream created, and how many of them it left open. */
function created(events: readonly ChangeEvent[]): { count: number; open: number } {
  const contacts = new Set(events.flatMap((e) => (e.type === 'contact.upserted' ? [e.contact.id] : [])));
  const status = new Map<string, string>();
  for (const e of events) {
    if (e.type === 'conversation.upserted' && (status.has(e.conversation.id) || contacts.has(e.conversation.contactId))) {
      status.set(e.conversation.id, e.conversation.status);
    }
  }
  return { count: status.size, open: [...status.values()].filter((s) => s !== 'resolved').length };
}

/** Conversations that got a message among `events`. */
const messaged = (events: readonly ChangeEvent[]) => new Set(events.flatMap((e) => (e.type === 'message.created' ? [e.message.conversationId] : [])));

describe('EventStream', () => {
  // Long enough to create several times as many conversations as the snapshot has open.
  const n = 60_000;

  it('in a steady stream, sends traffic to as many conversations as at its start, resolving each one it leaves', () => {
    const events = new EventStream(plan, plan.atSeq, 'test', { steady: true }).take(n);
    const made = created(events);
    expect(made.count).toBeGreaterThan(3 * openAtStart);
    expect(made.open).toBeLessThanOrEqual(openAtStart);
    const tail = events.slice(-n / 3);
    expect(messaged(tail).size).toBeLessThanOrEqual(openAtStart + created(tail).count);
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: n }, (_, i) => plan.atSeq + 1 + i));
  });

  it('by default, keeps sending traffic to every conversation it created', () => {
    const events = new EventStream(plan, plan.atSeq, 'test').take(n);
    const tail = events.slice(-n / 3);
    expect(messaged(tail).size).toBeGreaterThan(openAtStart + created(tail).count);
  });
});
