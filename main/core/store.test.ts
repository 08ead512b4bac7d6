import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { INBOX_VIEWS, type InboxView } from '../../shared/ipc/contract';
import { emptySummary } from './cache/apply';
import { inboxSql, stretchPage, type InboxStretch, type SqlParams } from './cache/inboxQuery';
import { inboxCursorSchema } from '../../shared/ipc/inboxCursor';
import { CACHE_MIGRATIONS, OUTBOX_MIGRATIONS } from './db/schema';
import { WAL_CHECKPOINT_PAGES } from './db/open';
import type { Store } from './store';
import type { ChangeEvent } from '../../shared/protocol';
import type { Conversation } from '../../shared/domain';
import { contact, conversation, created, message, openStore, SELF, snapshotPage, tempDir, upserted, removeTempDirs } from './testkit/fixtures';

const stores: Store[] = [];
const open = (dir?: string) => {
  const s = openStore(dir);
  stores.push(s);
  return s;
};
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
});

const sendEntry = (id: string, conversationId = 'c1') => ({
  id,
  kind: 'message.send',
  conversationId,
  payload: { conversationId, body: `text ${id}`, kind: 'text', channel: 'sms' },
  state: 'waiting' as const,
  attempts: 0,
  createdAt: 1_000,
  error: null,
  errorReason: null,
});

describe('schema', () => {
  it('uses WAL, foreign keys and a busy timeout, and records the migration version', () => {
    const s = open();
    expect(s.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(s.db.pragma('outbox.journal_mode', { simple: true })).toBe('wal');
    expect(s.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(s.db.pragma('busy_timeout', { simple: true })).toBe(5_000);
    expect(s.db.pragma('wal_autocheckpoint', { simple: true })).toBe(WAL_CHECKPOINT_PAGES);
    expect(s.db.pragma('outbox.synchronous', { simple: true })).toBe(2);
    expect(s.db.pragma('user_version', { simple: true })).toBe(CACHE_MIGRATIONS.length);
    expect(s.db.pragma('outbox.user_version', { simple: true })).toBe(OUTBOX_MIGRATIONS.length);
  });
});

describe('applyEvents', () => {
  it('is last-writer-wins by seq and moves the cursor in the same transaction', () => {
    const s = open();
    s.applyEvents([upserted(conversation('c1', { seq: 5, status: 'queued' }))], SELF);
    s.applyEvents([upserted(conversation('c1', { seq: 3, status: 'resolved' }))], SELF);
    expect(s.queries.detail('c1')?.conversation.status).toBe('queued');
    expect(s.meta.lastSeq).toBe(3);
  });

  it('inserts messages once, counts unread inbound, and moves status forward only', () => {
    const s = open();
    const m = message('m1', 'c1', 2);
    const out = message('m2', 'c1', 3, { direction: 'outbound', status: 'sent', statusSeq: 3 });
    s.applyEvents([upserted(conversation('c1')), created(m), created(out)], SELF);
    s.applyEvents([created(m), created(m)], SELF);
    expect(s.queries.readState('c1').unread).toBe(1);
    s.applyEvents([{ seq: 6, type: 'message.status', messageId: 'm2', conversationId: 'c1', status: 'read' }], SELF);
    s.applyEvents([{ seq: 5, type: 'message.status', messageId: 'm2', conversationId: 'c1', status: 'delivered' }], SELF);
    const thread = s.queries.thread('c1', 50, undefined, null);
    expect(thread.messages.map((x) => x.id)).toEqual(['m1', 'm2']);
    expect(thread.messages[1]?.status).toBe('read');
  });

  it('resets unread on a read event for the agent only', () => {
    const s = open();
    s.applyEvents([upserted(conversation('c1')), created(message('m1', 'c1', 2)), created(message('m2', 'c1', 3))], SELF);
    s.applyEvents([{ seq: 4, type: 'conversation.read', conversationId: 'c1', agentId: 'other', readSeq: 3 }], SELF);
    expect(s.queries.readState('c1').unread).toBe(2);
    s.applyEvents([{ seq: 5, type: 'conversation.read', conversationId: 'c1', agentId: SELF, readSeq: 2 }], SELF);
    expect(s.queries.readState('c1')).toEqual({ readSeq: 2, unread: 1 });
  });

  it('counts a message first seen after the read marker passed it (a replay from an older cursor) as read', () => {
    const s = open();
    s.applyEvents([upserted(conversation('c1')), created(message('m1', 'c1', 2))], SELF);
    s.applyEvents([{ seq: 6, type: 'conversation.read', conversationId: 'c1', agentId: SELF, readSeq: 5 }], SELF);
    // The marker stored before the batch, and the one a read event in the batch sets.
    s.applyEvents([created(message('m3', 'c1', 3)), created(message('m7', 'c1', 7))], SELF);
    expect(s.queries.readState('c1')).toEqual({ readSeq: 5, unread: 1 });
    s.applyEvents([{ seq: 9, type: 'conversation.read', conversationId: 'c1', agentId: SELF, readSeq: 8 }, created(message('m6', 'c1', 6)), created(message('m10', 'c1', 10))], SELF);
    expect(s.queries.readState('c1')).toEqual({ readSeq: 8, unread: 1 });
  });

  it('writes a conversation once per batch with its last version, as writing each in turn would', () => {
    const batch = [
      upserted(conversation('c1', { seq: 1, status: 'queued', lastMessagePreview: '' })),
      created(message('m1', 'c1', 2)),
      upserted(conversation('c1', { seq: 3, status: 'queued', lastMessagePreview: 'first' })),
      created(message('m2', 'c1', 4)),
      upserted(conversation('c1', { seq: 5, status: 'active', lastMessagePreview: 'second' })),
    ];
    const whole = open();
    const summary = whole.applyEvents(batch, SELF);
    const oneByOne = open();
    for (const e of batch) oneByOne.applyEvents([e], SELF);
    for (const s of [whole, oneByOne]) {
      expect(s.queries.detail('c1')?.conversation).toMatchObject({ seq: 5, status: 'active', lastMessagePreview: 'second' });
      expect(s.queries.ranges('c1')).toEqual([{ from: 1, to: null }]);
      expect(s.queries.readState('c1').unread).toBe(2);
    }
    expect(summary.inbox).toBe(true);
    expect([...summary.conversationIds]).toEqual(['c1']);
    // A stale last version changes nothing, whatever came before it in the batch.
    const stale = whole.applyEvents([upserted(conversation('c1', { seq: 2, status: 'resolved' })), upserted(conversation('c1', { seq: 4, status: 'pending' }))], SELF);
    expect(whole.queries.detail('c1')?.conversation.status).toBe('active');
    expect(stale.inbox).toBe(false);
  });

  it('leaves the same cache whether a long mixed stream is applied in one batch, in uneven batches or event by event', () => {
    // A seeded stream like a catch-up's: messages each followed by their conversation's new
    // version, delivery receipts, read markers (the agent's and others'), status changes, new
    // contacts and conversations, and a few repeats of old versions; conversations gain and lose
    // a linked record, and the agent's messages sent from this cache come back as their echoes.
    let state = 7;
    const rand = (n: number) => {
      state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
      // The high bits: an LCG's low bits repeat with a short period (the lowest alternates).
      return Math.floor(state / 65_536) % n;
    };
    const events: ChangeEvent[] = [];
    const convs = ['c1', 'c2', 'c3', 'c4'].map((id) => conversation(id, { seq: 0, status: 'queued' }));
    const sent: string[] = [];
    // Unsent messages, two per conversation, whose echoes replace their optimistic rows.
    const unsent = new Map(convs.map((c) => [c.id, [`o-${c.id}-1`, `o-${c.id}-2`]]));
    const optimistic = [...unsent].flatMap(([conversationId, ids]) => ids.map((id) => sendEntry(id, conversationId)));
    const link = (seq: number) => (rand(3) === 0 ? { type: 'order' as const, id: `order-${seq}`, label: `Order ${seq}` } : null);
    let seq = 0;
    while (events.length < 400) {
      const c = convs[rand(convs.length)] as Conversation;
      const r = rand(100);
      if (r < 45) {
        seq += 1;
        const inbound = rand(2) === 0;
        const clientId = inbound ? null : (unsent.get(c.id)?.shift() ?? null);
        const m = message(`m${seq}`, c.id, seq, inbound ? {} : { direction: 'outbound', status: 'sent', statusSeq: seq, authorAgentId: SELF, clientId });
        events.push(created(m));
        if (!inbound) sent.push(m.id);
        Object.assign(c, { seq: seq + 1, lastMessageAt: seq, lastMessagePreview: m.body, lastMessageDirection: m.direction, linkedRecord: link(seq) });
        seq += 1;
        events.push(upserted({ ...c }));
      } else if (r < 60 && sent.length > 0) {
        seq += 1;
        events.push({ seq, type: 'message.status', messageId: sent[rand(sent.length)] as string, conversationId: c.id, status: rand(2) ? 'delivered' : 'read' });
      } else if (r < 75) {
        seq += 1;
        events.push({ seq, type: 'conversation.read', conversationId: c.id, agentId: rand(3) ? SELF : 'other', readSeq: seq - 1 - rand(6) });
      } else if (r < 90) {
        seq += 1;
        Object.assign(c, { seq, status: (['active', 'pending', 'resolved', 'queued'] as const)[rand(4)], linkedRecord: link(seq) });
        events.push(upserted({ ...c }));
      } else if (r < 95) {
        seq += 1;
        // An old version of a conversation, repeated: last-writer-wins ignores it.
        events.push({ seq, type: 'conversation.upserted', conversation: { ...c, seq: Math.max(0, c.seq - 3), status: 'abandoned' } });
      } else {
        seq += 1;
        const id = `n${seq}`;
        events.push({ seq, type: 'contact.upserted', contact: contact(`k-${id}`, seq) });
        seq += 1;
        const fresh = conversation(id, { seq, status: 'queued' });
        convs.push(fresh);
        events.push(upserted({ ...fresh }));
      }
    }
    const dump = (s: Store) =>
      Object.fromEntries(
        ['contacts', 'conversations', 'conversation_links', 'messages', 'reads', 'ranges', 'meta'].map((t) => [t, s.db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all()]),
      );
    const withUnsent = () => {
      const s = open();
      for (const entry of optimistic) s.enqueue(entry, SELF);
      return s;
    };
    const whole = withUnsent();
    whole.applyEvents(events, SELF);
    const uneven = withUnsent();
    for (let i = 0; i < events.length; ) {
      const n = 1 + rand(60);
      uneven.applyEvents(events.slice(i, i + n), SELF);
      i += n;
    }
    const oneByOne = withUnsent();
    for (const e of events) oneByOne.applyEvents([e], SELF);
    const expected = dump(oneByOne);
    expect((expected.messages as unknown[]).length).toBeGreaterThan(100);
    // The stream exercises what it claims to: links kept and dropped, echoes replacing rows.
    expect((expected.conversation_links as unknown[]).length).toBeGreaterThan(0);
    const rows = (expected.messages as Array<{ client_id: string | null; local: number }>).filter((m) => m.client_id?.startsWith('o-'));
    const stillUnsent = [...unsent.values()].flat().length;
    expect(rows.filter((m) => m.local === 0).length).toBe(optimistic.length - stillUnsent);
    expect(rows.filter((m) => m.local === 1).length).toBe(stillUnsent);
    expect(stillUnsent).toBeLessThan(optimistic.length - 3);
    expect(dump(whole)).toEqual(expected);
    expect(dump(uneven)).toEqual(expected);
  });

  it('stores a message for an unknown conversation and opens its history range there', () => {
    const s = open();
    s.applyEvents([created(message('m9', 'c9', 40))], SELF);
    expect(s.queries.ranges('c9')).toEqual([{ from: 40, to: null }]);
  });
});

describe('snapshot pages and history ranges', () => {
  it('marks a conversation complete when it has fewer messages than asked, else from its oldest', () => {
    const s = open();
    const page = snapshotPage({
      atSeq: 100,
      conversations: [conversation('c1'), conversation('c2')],
      contacts: [contact('k-c1'), contact('k-c2')],
      messages: [message('a', 'c1', 10), message('b', 'c2', 20), message('c', 'c2', 30)],
      reads: [{ conversationId: 'c2', readSeq: 20, unreadCount: 1 }],
      totalConversations: 2,
    });
    s.applySnapshotPage(page, false, { cursor: null, atSeq: 100, done: 2, total: 2, wipe: false }, 2, SELF);
    expect(s.meta.lastSeq).toBe(100);
    expect(s.queries.ranges('c1')).toEqual([{ from: 0, to: null }]);
    expect(s.queries.ranges('c2')).toEqual([{ from: 20, to: null }]);
    expect(s.queries.thread('c1', 50, undefined, null).hasOlder).toBe(false);
    expect(s.queries.thread('c2', 50, undefined, null).hasOlder).toBe(true);
    expect(s.queries.inboxPage('all', {}, 'latest', SELF, { limit: 10 }).rows.find((r) => r.conversationId === 'c2')?.unreadCount).toBe(1);
  });

  it('never shows messages beyond a hole as part of the thread', () => {
    const s = open();
    s.applyEvents([upserted(conversation('c1', { seq: 50 })), created(message('new', 'c1', 51))], SELF);
    // An isolated older message, e.g. left over from before a re-bootstrap.
    s.applier.insertMessage(message('old', 'c1', 10));
    const thread = s.queries.thread('c1', 50, undefined, null);
    expect(thread.messages.map((m) => m.id)).toEqual(['new']);
    expect(thread.hasOlder).toBe(true);
  });
});

describe('inbox views', () => {
  it('filters mine / queued / all and sorts by last activity', () => {
    const s = open();
    s.applyEvents(
      [
        upserted(conversation('a', { seq: 1, lastMessageAt: 10, assigneeId: SELF })),
        upserted(conversation('b', { seq: 2, lastMessageAt: 30, status: 'queued', assigneeId: null })),
        upserted(conversation('c', { seq: 3, lastMessageAt: 20, assigneeId: 'other' })),
        upserted(conversation('d', { seq: 4, lastMessageAt: 40, status: 'resolved' })),
      ],
      SELF,
    );
    expect(s.queries.inboxPage('all', {}, 'latest', SELF, { limit: 10 }).rows.map((r) => r.conversationId)).toEqual(['b', 'c', 'a']);
    expect(s.queries.inboxPage('mine', {}, 'latest', SELF, { limit: 10 }).rows.map((r) => r.conversationId)).toEqual(['a']);
    expect(s.queries.inboxCounts(SELF)).toEqual({ all: 3, mine: 1, queued: 1, attention: 0, pending: 0, resolved: 1 });
  });

  it('lists oldest waiting first, then the longest quiet, across page boundaries and with pins first', () => {
    const s = open();
    s.applyEvents(
      [
        upserted(conversation('quiet-old', { seq: 1, lastMessageAt: 10 })),
        upserted(conversation('quiet-new', { seq: 2, lastMessageAt: 50 })),
        upserted(conversation('waits-long', { seq: 3, lastMessageAt: 60, waitingSince: 20 })),
        upserted(conversation('waits-short', { seq: 4, lastMessageAt: 70, waitingSince: 40, status: 'queued', assigneeId: null })),
        // A closed conversation waits for no one, whatever its last message was.
        upserted(conversation('closed', { seq: 5, lastMessageAt: 5, waitingSince: 1, status: 'resolved' })),
        upserted(conversation('pinned', { seq: 6, lastMessageAt: 80 })),
      ],
      SELF,
    );
    s.applier.setPinned('pinned', true, 7);
    const ids = (view: InboxView, limit: number) => {
      const pages: string[][] = [];
      for (let after: string | null | undefined; after !== null; ) {
        const page = s.queries.inboxPage(view, {}, 'oldestWaiting', SELF, { after: after === undefined ? undefined : inboxCursorSchema.parse(after), limit });
        pages.push(page.rows.map((r) => r.conversationId));
        after = page.next;
      }
      return pages;
    };
    const all = ['pinned', 'waits-long', 'waits-short', 'quiet-old', 'quiet-new'];
    expect(ids('all', 10)).toEqual([all]);
    for (const limit of [1, 2, 3]) {
      const pages = ids('all', limit);
      expect(pages.flat(), `limit ${limit}`).toEqual(all);
      expect(pages.every((p) => p.length === limit || p === pages.at(-1)), `limit ${limit}`).toBe(true);
    }
    expect(ids('attention', 10)).toEqual([['waits-long', 'waits-short']]);
    expect(ids('resolved', 10)).toEqual([['closed']]);
    expect(s.queries.inboxPage('all', {}, 'oldestWaiting', SELF, { limit: 2 })).toMatchObject({ total: 5, needAttention: 2 });
  });

  it('keeps the badge and unfiltered total of every view equal to counting its rows, through inserts, updates, deletes and a wipe', () => {
    const s = open();
    // A small deterministic generator: the same sequence of changes on every run.
    let state = 7;
    const next = (n: number) => {
      state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
      return (state >>> 16) % n;
    };
    const statuses = ['queued', 'active', 'pending', 'resolved', 'abandoned'] as const;
    const seqs = new Map<string, number>();
    const counted = (view: InboxView) => {
      const sql = inboxSql(view, {}, 'latest', SELF);
      const n = (q: string) => (s.db.prepare(q).get(sql.params) as { n: number }).n;
      return { total: n(sql.count), needAttention: n(sql.attention) };
    };
    const check = (when: string) => {
      const counts = s.queries.inboxCounts(SELF);
      for (const view of INBOX_VIEWS) {
        const truth = counted(view);
        expect(counts[view], `${view} badge ${when}`).toBe(truth.total);
        const page = s.queries.inboxPage(view, {}, 'latest', SELF, { limit: 1 });
        expect({ total: page.total, needAttention: page.needAttention }, `${view} page ${when}`).toEqual(truth);
      }
    };
    for (let round = 0; round < 6; round++) {
      const events: ChangeEvent[] = [];
      for (let i = 0; i < 40; i++) {
        const id = `c${next(60)}`;
        const seq = (seqs.get(id) ?? 0) + 1 + next(2);
        seqs.set(id, seq);
        const status = statuses[next(statuses.length)] ?? 'active';
        events.push(
          upserted(conversation(id, { seq, status, assigneeId: next(2) === 0 ? SELF : 'other', waitingSince: next(2) === 0 ? 1_000 + i : null })),
        );
      }
      s.applyEvents(events, SELF);
      check(`after round ${round}`);
      s.db.prepare('DELETE FROM conversations WHERE id = ?').run(`c${next(60)}`);
      check(`after a delete in round ${round}`);
    }
    s.tx(() => s.applier.wipe());
    check('after a wipe');
    expect(s.queries.inboxCounts(SELF).all).toBe(0);
  });

  it('serves every page of every view and sort, however deep, as a seek into an index walked in order, sorting none', () => {
    const s = open();
    const plan = (sql: string, params: SqlParams) =>
      (s.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as Array<{ detail: string }>).map((p) => p.detail);
    const bounds = [
      { after: false, until: false },
      { after: true, until: false },
      { after: false, until: true },
      { after: true, until: true },
    ];
    for (const view of INBOX_VIEWS) {
      for (const sort of ['latest', 'oldestWaiting'] as const) {
        const sql = inboxSql(view, {}, sort, SELF);
        const [pinned, ...parts] = sql.stretches;
        for (const b of bounds) {
          const params = (stretch: InboxStretch): SqlParams => {
            const values: SqlParams = { ...sql.params, limit: 51, afterId: 'x', untilId: 'y' };
            stretch.keys.forEach((_, i) => Object.assign(values, { [`after${i}`]: 5, [`until${i}`]: 9 }));
            return values;
          };
          const what = `${view} ${sort} ${JSON.stringify(b)}`;
          for (const part of parts) {
            const page = plan(stretchPage(part, b), params(part));
            expect(page[0], what).toMatch(b.after || b.until ? /^SEARCH c USING INDEX conversations_/ : /^(SCAN|SEARCH) c USING INDEX conversations_/);
            // A cursor is a range on the index (a row value after the view's own equality), not a filter.
            if (b.after) expect(page[0], what).toMatch(part.descending ? /\(\w+,id\)<\(\?,\?\)/ : /\(\w+,id\)>\(\?,\?\)/);
            if (b.until) expect(page[0], what).toMatch(part.descending ? /\(\w+,id\)>\(\?,\?\)/ : /\(\w+,id\)<\(\?,\?\)/);
            expect(page.join(' '), what).not.toContain('TEMP B-TREE');
            // A bare bound LIMIT makes SQLite prepare the statement again on every run.
            expect(stretchPage(part, b), what).toMatch(/LIMIT \+@limit$/);
          }
          expect(plan(stretchPage(pinned!, b), params(pinned!))[0], what).toMatch(/^SCAN p\b/);
        }
        expect(plan(sql.attention, sql.params)[0], view).toContain('conversations_waiting');
      }
    }
  });
});

describe('outbox effects', () => {
  it('writes the entry and its optimistic row together; the echo replaces the row', () => {
    const s = open();
    s.applyEvents([upserted(conversation('c1'))], SELF);
    s.enqueue(sendEntry('e1'), SELF);
    let thread = s.queries.thread('c1', 50, undefined, null);
    expect(thread.messages).toHaveLength(1);
    expect(thread.messages[0]).toMatchObject({ id: 'e1', status: 'pending', outbox: { state: 'waiting' } });
    s.applyEvents([created(message('srv1', 'c1', 7, { clientId: 'e1', direction: 'outbound', status: 'sent' }))], SELF);
    thread = s.queries.thread('c1', 50, undefined, null);
    expect(thread.messages.map((m) => m.id)).toEqual(['srv1']);
    // Re-applying effects (as at start) does not bring the optimistic row back beside the echo.
    s.tx(() => s.reapplyOutbox(SELF, emptySummary()));
    expect(s.queries.thread('c1', 50, undefined, null).messages).toHaveLength(1);
  });

  it('keeps a rejected message visible as failed; discard removes entry and row', () => {
    const s = open();
    s.applyEvents([upserted(conversation('c1'))], SELF);
    s.enqueue(sendEntry('e1'), SELF);
    const entry = s.outbox.get('e1');
    if (!entry) throw new Error('missing entry');
    s.reject(entry, 'Conversation is resolved.', SELF);
    expect(s.queries.message('e1', null)).toMatchObject({ status: 'failed', outbox: { state: 'failed', error: 'Conversation is resolved.' } });
    const failed = s.outbox.get('e1');
    if (!failed) throw new Error('missing entry');
    s.retry(failed, SELF);
    expect(s.queries.message('e1', null)).toMatchObject({ status: 'pending', outbox: { state: 'waiting' } });
    s.discard(s.outbox.get('e1') ?? failed, SELF);
    expect(s.queries.message('e1', null)).toBeNull();
    expect(s.outbox.stats().depth).toBe(0);
  });

  it('survives a lost cache: effects are re-applied from the outbox file', () => {
    const dir = tempDir();
    const s = open(dir);
    s.applyEvents([upserted(conversation('c1'))], SELF);
    s.enqueue(sendEntry('e1'), SELF);
    s.close();
    fs.rmSync(path.join(dir, 'cache.sqlite'));
    fs.rmSync(path.join(dir, 'cache.sqlite-wal'), { force: true });
    const fresh = open(dir);
    expect(fresh.queries.message('e1', null)).toBeNull();
    fresh.tx(() => fresh.reapplyOutbox(SELF, emptySummary()));
    expect(fresh.queries.message('e1', null)).toMatchObject({ status: 'pending', body: 'text e1' });
  });
});

afterAll(removeTempDirs);
