import { describe, expect, it } from 'vitest';
import { MalformedPayloadError, parsePull, parsePush } from './parse';
import { EVENTS_PER_TURN } from './turns';

const read = (seq: number) => ({ seq, type: 'conversation.read', conversationId: 'c', agentId: 'a', readSeq: 1 });

describe('parsePull', () => {
  it('keeps valid events and names the malformed one', async () => {
    const r = await parsePull({ mustRefetch: false, head: 3, hasMore: false, events: [read(1), { seq: 2, type: 'bogus' }, read(3)] });
    if (r.mustRefetch) throw new Error('unexpected');
    expect(r.events.map((e) => e.seq)).toEqual([1, 3]);
    expect(r.problems[0]).toContain('event seq 2');
  });
  it('validates a long page a slice per turn of the event loop, so other work runs in between', async () => {
    let turns = 0;
    let parsing = true;
    const count = () => {
      turns++;
      if (parsing) setImmediate(count);
    };
    setImmediate(count);
    const r = await parsePull({ mustRefetch: false, head: 1, hasMore: false, events: Array.from({ length: 3 * EVENTS_PER_TURN }, (_, i) => read(i + 1)) });
    parsing = false;
    if (r.mustRefetch) throw new Error('unexpected');
    expect(r.events).toHaveLength(3 * EVENTS_PER_TURN);
    expect(turns).toBeGreaterThanOrEqual(2);
  });
  it('passes mustRefetch through and rejects a broken envelope', async () => {
    expect(await parsePull({ mustRefetch: true, head: 9 })).toEqual({ mustRefetch: true, head: 9 });
    await expect(parsePull({ events: 'x' })).rejects.toThrow(MalformedPayloadError);
  });
});

describe('parsePush', () => {
  it('reports a malformed push instead of throwing', () => {
    expect(parsePush(null).problems).toHaveLength(1);
    expect(parsePush({ events: [read(4)] }).events).toHaveLength(1);
  });
});
