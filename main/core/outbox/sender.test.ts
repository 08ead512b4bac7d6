import { describe, expect, it } from 'vitest';
import { TransportError, type Transport } from '../sync/transport';
import { classifyFailure, OutboxSender, type OutboxOps } from './sender';
import type { OutboxEntry } from './store';

const entry = (id: string): OutboxEntry => ({
  id,
  kind: 'message.send',
  conversationId: 'c1',
  payload: {},
  state: 'waiting',
  attempts: 0,
  createdAt: 0,
  error: null,
  errorReason: null,
});

/** An in-memory outbox and a scripted server answering each request in turn. */
function harness(answers: Array<(id: string) => unknown>) {
  let queue = ['a', 'b', 'c'].map(entry);
  const log: string[] = [];
  let time = 0;
  const timers: Array<{ at: number; fn: () => void }> = [];
  const transport: Transport = {
    connected: true,
    request: async (_name, body) => {
      const id = (body as { id: string }).id;
      log.push(`send ${id}`);
      const answer = answers.shift();
      if (!answer) throw new Error('no scripted answer');
      return answer(id);
    },
    close: () => undefined,
  };
  const ops: OutboxOps = {
    next: () => queue.find((e) => e.state === 'waiting') ?? null,
    request: (e) => ({ name: 'message.send', body: { id: e.id } }),
    acknowledged: (e) => {
      log.push(`ack ${e.id}`);
      queue = queue.filter((x) => x.id !== e.id);
    },
    rejected: (e, reason) => {
      log.push(`failed ${e.id}: ${reason}`);
      e.state = 'failed';
    },
    attemptFailed: (e) => log.push(`retry ${e.id}`),
    changed: () => undefined,
  };
  const sender = new OutboxSender({
    ops,
    transport: () => transport,
    now: () => time,
    random: () => 0,
    schedule: (fn, ms) => {
      const t = { at: time + ms, fn };
      timers.push(t);
      return () => timers.splice(timers.indexOf(t), 1);
    },
    backoff: { baseMs: 100, maxMs: 1_000 },
    ackTimeoutMs: 50,
    log: () => undefined,
  });
  const advance = async (ms: number) => {
    time += ms;
    for (const t of timers.filter((x) => x.at <= time)) {
      timers.splice(timers.indexOf(t), 1);
      t.fn();
    }
    await sender.idle();
  };
  return { sender, log, advance, transport, timers };
}

const ok = () => ({});
const fail = (code: 'timeout' | 'notFound') => () => {
  throw new TransportError(code, code);
};

describe('OutboxSender', () => {
  it('sends every entry once, in order', async () => {
    const h = harness([ok, ok, ok]);
    h.sender.kick();
    await h.sender.idle();
    expect(h.log).toEqual(['send a', 'ack a', 'send b', 'ack b', 'send c', 'ack c']);
  });

  it('keeps a transiently failing entry at the head and retries it after a backoff', async () => {
    const h = harness([ok, fail('timeout'), ok, ok]);
    h.sender.kick();
    await h.sender.idle();
    expect(h.log).toEqual(['send a', 'ack a', 'send b', 'retry b']);
    expect(h.timers[0]?.at).toBe(50); // base 100 ms, jitter floor 50%
    h.sender.kick(); // an enqueue during the backoff does not jump the wait
    await h.sender.idle();
    expect(h.log).toHaveLength(4);
    await h.advance(50);
    expect(h.log.slice(4)).toEqual(['send b', 'ack b', 'send c', 'ack c']);
  });

  it('sets a permanently rejected entry aside and goes on with the next', async () => {
    const h = harness([fail('notFound'), ok, ok]);
    h.sender.kick();
    await h.sender.idle();
    expect(h.log).toEqual(['send a', 'failed a: notFound', 'send b', 'ack b', 'send c', 'ack c']);
  });

  it('does nothing while disconnected', async () => {
    const h = harness([ok]);
    (h.transport as { connected: boolean }).connected = false;
    h.sender.kick();
    await h.sender.idle();
    expect(h.log).toEqual([]);
  });
});

describe('classifyFailure', () => {
  it('retries what can pass and gives up on refusals', () => {
    expect(classifyFailure('timeout')).toBe('transient');
    expect(classifyFailure('disconnected')).toBe('transient');
    expect(classifyFailure('internal')).toBe('transient');
    expect(classifyFailure('invalid')).toBe('permanent');
    expect(classifyFailure('conflict')).toBe('permanent');
  });
});
