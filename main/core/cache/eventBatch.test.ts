import { afterAll, describe, expect, it } from 'vitest';
import type { ChangeEvent } from '../../../shared/protocol';
import type { Store } from '../store';
import { conversation, created, message, openStore, removeTempDirs, SELF, upserted } from '../testkit/fixtures';
import { batchItems, EventBatchText, parseEventBatch, type ConversationItem } from './eventBatch';

afterAll(removeTempDirs);

describe('batchItems', () => {
  it('makes a message and the newest version of each conversation their rows, and every older version its id and seq', () => {
    const m = message('m1', 'c1', 1, { direction: 'outbound', status: 'sent', authorAgentId: SELF, reactions: [{ emoji: '👍', agentId: 'a2' }] });
    const items = batchItems([
      created(m),
      upserted(conversation('c1', { seq: 4, tags: ['vip'] })),
      // An older version after a newer one, and an equal one: the first of the newest is kept.
      upserted(conversation('c1', { seq: 2 })),
      upserted(conversation('c1', { seq: 4, status: 'resolved' })),
      { seq: 5, type: 'conversation.read', conversationId: 'c1', agentId: SELF, readSeq: 5 },
    ]);
    expect(items.map((i) => i[0])).toEqual(['m', 'c', 'v', 'v', 'e']);
    expect(items[0]).toEqual([
      'm',
      ['m1', null, 'c1', 1, 'outbound', 'text', 'sms', SELF, 'body m1', 1, 'sent', 1, null, expect.stringContaining('👍'), 0],
    ]);
    const [, seq, row, link] = items[1] as ConversationItem;
    expect([seq, row.slice(0, 4), row[13], row[17], link]).toEqual([4, ['c1', 'k-c1', 'sms', 'active'], '["vip"]', 4, null]);
    expect(items[2]).toEqual(['v', 'c1', 2]);
  });
});

describe('EventBatchText', () => {
  it('is null text while empty', () => {
    expect(parseEventBatch(new EventBatchText().text())).toBeNull();
  });

  it('reads back as the batch of its events built at once, from one slice or several', () => {
    const events: ChangeEvent[] = [
      created(message('m1', 'c1', 1)),
      upserted(conversation('c1', { seq: 2 })),
      { seq: 3, type: 'conversation.read', conversationId: 'c1', agentId: SELF, readSeq: 1 },
      upserted(conversation('c1', { seq: 4, status: 'resolved' })),
    ];
    const one = new EventBatchText();
    one.add(events);
    const several = new EventBatchText();
    several.add(events.slice(0, 1));
    const rest = new EventBatchText();
    rest.add(events.slice(1, 3));
    rest.add(events.slice(3));
    several.append(rest);
    expect(parseEventBatch(one.text())).toEqual({ lastSeq: 4, items: batchItems(events) });
    // Each slice keeps its own newest version of a conversation (see the test below).
    const slices = [events.slice(0, 1), events.slice(1, 3), events.slice(3)];
    expect(parseEventBatch(several.text())).toEqual({ lastSeq: 4, items: slices.flatMap((slice) => batchItems(slice)) });
    expect(several.size).toBe(4);
  });

  it('leaves the same cache, joined from pages, as the events applied one by one, wherever the versions of a conversation fall', () => {
    // A seeded stream whose pages split a conversation's versions: a newer version in one page and
    // an older one repeated in a later page, messages counted unread across pages, read markers
    // between them, delivery receipts.
    let state = 11;
    const rand = (n: number) => {
      state = (state * 48_271) % 2_147_483_647;
      return state % n;
    };
    const events: ChangeEvent[] = [];
    const versions = new Map<string, number>();
    for (let seq = 1; seq <= 600; seq++) {
      const id = `c${rand(5)}`;
      const r = rand(10);
      if (r < 4) {
        const outbound = rand(3) === 0;
        events.push(created(message(`m${seq}`, id, seq, outbound ? { direction: 'outbound', status: 'sent', authorAgentId: SELF } : {})));
      } else if (r < 7) {
        versions.set(id, seq);
        events.push(upserted(conversation(id, { seq, lastMessageAt: seq, status: rand(2) ? 'active' : 'pending' })));
      } else if (r < 8) {
        // An old version again, with other fields: last-writer-wins must keep the newer one.
        events.push({ seq, type: 'conversation.upserted', conversation: conversation(id, { seq: Math.max(0, (versions.get(id) ?? 3) - 2), status: 'abandoned' }) });
      } else if (r < 9) {
        events.push({ seq, type: 'conversation.read', conversationId: id, agentId: SELF, readSeq: seq - 1 - rand(20) });
      } else {
        events.push({ seq, type: 'message.status', messageId: `m${seq - 1 - rand(30)}`, conversationId: id, status: 'delivered' });
      }
    }
    const dump = (s: Store) =>
      Object.fromEntries(['conversations', 'messages', 'reads', 'ranges', 'meta'].map((t) => [t, s.db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all()]));

    const oneByOne = openStore();
    const joined = openStore();
    try {
      for (const e of events) oneByOne.applyEvents([e], SELF);
      for (let i = 0; i < events.length; ) {
        // Batches of a few uneven pages each, as a catch-up joins the pages it pulled during a write.
        const text = new EventBatchText();
        for (let pages = 1 + rand(4); pages > 0 && i < events.length; pages--) {
          const n = 1 + rand(40);
          text.add(events.slice(i, i + n));
          i += n;
        }
        const batch = parseEventBatch(text.text());
        if (batch) joined.applyEventBatch(batch, SELF);
      }
      const expected = dump(oneByOne);
      expect((expected.reads as unknown[]).length).toBeGreaterThan(0);
      expect(dump(joined)).toEqual(expected);
    } finally {
      oneByOne.close();
      joined.close();
    }
  });
});
