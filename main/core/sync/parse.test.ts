import { describe, expect, it } from 'vitest';
import { MalformedPayloadError, parsePull, parsePush } from './parse';

const read = (seq: number) => ({ seq, type: 'conversation.read', conversationId: 'c', agentId: 'a', readSeq: 1 });

describe('parsePull', () => {
  it('keeps valid events and names the malformed one', () => {
    const r = parsePull({ mustRefetch: false, head: 3, hasMore: false, events: [read(1), { seq: 2, type: 'bogus' }, read(3)] });
    if (r.mustRefetch) throw new Error('unexpected');
    expect(r.events.map((e) => e.seq)).toEqual([1, 3]);
    expect(r.problems[0]).toContain('event seq 2');
  });
  it('passes mustRefetch through and rejects a broken envelope', () => {
    expect(parsePull({ mustRefetch: true, head: 9 })).toEqual({ mustRefetch: true, head: 9 });
    expect(() => parsePull({ events: 'x' })).toThrow(MalformedPayloadError);
  });
});

describe('parsePush', () => {
  it('reports a malformed push instead of throwing', () => {
    expect(parsePush(null).problems).toHaveLength(1);
    expect(parsePush({ events: [read(4)] }).events).toHaveLength(1);
  });
});
