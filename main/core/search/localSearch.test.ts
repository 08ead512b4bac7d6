// Search against a real cache file: rows written through the same applier sync uses, so the
// triggers are what keeps the indexes current.
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { Contact } from '../../../shared/domain';
import { segments, type Highlighted } from '../../../shared/search/highlight';
import { systemEvent } from '../../../shared/systemEvents';
import { migrate } from '../db/migrations';
import { CACHE_MIGRATIONS } from '../db/schema';
import { contact, conversation, message, openStore, removeTempDirs, SELF, tempDir } from '../testkit/fixtures';
import { LocalSearch } from './localSearch';
import { CJK_NAME_SQL } from './schema';
import type { Store } from '../store';

let store: Store;
let seq = 0;

function addConversation(id: string, person: Partial<Contact>, over: Parameters<typeof conversation>[1] = {}) {
  store.tx(() => {
    store.applier.upsertContact({ ...contact(`k-${id}`, ++seq), ...person });
    store.applier.upsertConversation(conversation(id, { seq: ++seq, ...over }));
  });
}

function addMessage(conversationId: string, body: string, over: Parameters<typeof message>[3] = {}) {
  const s = ++seq;
  store.tx(() => store.applier.insertMessage(message(`m${s}`, conversationId, s, { body, createdAt: s, ...over })));
  return `m${s}`;
}

const marked = (h: Highlighted) =>
  segments(h).filter((s) => s.mark).map((s) => s.text);

beforeEach(() => {
  store = openStore();
  seq = 0;
  addConversation('c-maria', { name: 'María Fernández', phone: '+1 555 0102 2233', email: 'maria@example.com' }, { subject: 'Refund for returned item' });
  addConversation('c-yuki', { name: 'Yuki Tanaka', phone: '+44 7700 900123', email: null }, { channel: 'whatsapp', status: 'queued', assigneeId: null });
  addMessage('c-maria', 'Your résumé attachment arrived; the refund of 40 € is on its way.');
  addMessage('c-maria', 'Card ending 4471, order #A-1009.');
  addMessage('c-yuki', '明日東京駅に行きます。荷物はまだ届いていません。');
  addMessage('c-yuki', '주문 번호를 알려주세요');
});

afterAll(removeTempDirs);

describe('search migration', () => {
  it('indexes the rows a cache already held when it was written', () => {
    const db = new Database(path.join(tempDir(), 'cache.sqlite'));
    migrate(db, 'main', CACHE_MIGRATIONS.slice(0, 1));
    db.prepare("INSERT INTO contacts (id, name, phone, email, created_at, seq) VALUES ('k1', 'Zoë Ødegaard', '+47 (22) 12-34-56', NULL, 1, 1)").run();
    db.prepare("INSERT INTO conversations (id, contact_id, channel, status, queue_id, created_at, last_message_at, preview, seq) VALUES ('c1', 'k1', 'sms', 'queued', 'q', 1, 1, '', 1)").run();
    db.prepare("INSERT INTO messages (id, conversation_id, seq, direction, kind, channel, body, created_at, status_seq) VALUES ('m1', 'c1', 1, 'inbound', 'text', 'sms', 'Café 東京駅', 1, 1)").run();
    migrate(db, 'main', CACHE_MIGRATIONS);
    const search = new LocalSearch(db);
    expect(search.search('cafe', {}, 5).messages).toHaveLength(1);
    expect(search.search('東京駅', {}, 5).messages).toHaveLength(1);
    expect(search.search('東', {}, 5).messages).toHaveLength(1);
    expect(search.search('zoe', {}, 5).contacts).toHaveLength(1);
    expect(search.search('22123456', {}, 5).contacts).toHaveLength(1);
    db.close();
  });
});

describe('local search', () => {
  it('finds words by prefix, case- and accent-insensitively, with highlights', () => {
    const r = store.search.search('RESUME refu', {}, 20);
    expect(r.messages.map((m) => m.conversationId)).toEqual(['c-maria']);
    expect(marked(r.messages[0]!.snippet)).toEqual(['résumé', 'refu']);
    expect(r.messages[0]).toMatchObject({ contactName: 'María Fernández', channel: 'sms', source: 'local' });
  });

  it('finds order numbers and quoted phrases', () => {
    expect(store.search.search('4471', {}, 20).messages).toHaveLength(1);
    expect(store.search.search('"a 1009"', {}, 20).messages).toHaveLength(1);
    expect(store.search.search('"ending card"', {}, 20).messages).toHaveLength(0);
  });

  it('finds CJK substrings with three or more characters through trigrams', () => {
    const r = store.search.search('東京駅', {}, 20);
    expect(r.messages.map((m) => m.conversationId)).toEqual(['c-yuki']);
    expect(marked(r.messages[0]!.snippet)).toEqual(['東京駅']);
    expect(store.search.search('届いていません', {}, 20).messages).toHaveLength(1);
    expect(store.search.search('번호를', {}, 20).messages).toHaveLength(1);
  });

  it('finds a Latin word written against CJK text, still only at a word start', () => {
    addMessage('c-yuki', '新しいiPhoneケースを注文しました');
    const r = store.search.search('iphone', {}, 20);
    expect(r.messages.map((m) => m.conversationId)).toEqual(['c-yuki']);
    expect(marked(r.messages[0]!.snippet)).toEqual(['iPhone']);
    expect(store.search.search('phone', {}, 20).messages).toHaveLength(0);
    // Word matches and glued ones merge newest first.
    addMessage('c-maria', 'Is the iPhone case in stock?');
    expect(store.search.search('iphone case', {}, 20).messages.map((m) => m.conversationId)).toEqual(['c-maria']);
    expect(store.search.search('iphon', {}, 20).messages.map((m) => m.conversationId)).toEqual(['c-maria', 'c-yuki']);
  });

  it('finds one- and two-character CJK queries by scanning CJK messages', () => {
    expect(store.search.search('東京', {}, 20).messages).toHaveLength(1);
    expect(store.search.search('駅', {}, 20).messages).toHaveLength(1);
    expect(store.search.search('大阪', {}, 20).messages).toHaveLength(0);
    // A short CJK term with a long one: the trigram finds candidates, the short term is checked.
    expect(store.search.search('荷物 明日', {}, 20).messages).toHaveLength(1);
    expect(store.search.search('荷物 大阪', {}, 20).messages).toHaveLength(0);
  });

  it('finds contacts by name, by any part of the email, and by phone digits in any formatting', () => {
    expect(store.search.search('maria', {}, 20).contacts.map((c) => c.contactId)).toEqual(['k-c-maria']);
    expect(store.search.search('fernan', {}, 20).contacts).toHaveLength(1);
    expect(store.search.search('example.com', {}, 20).contacts).toHaveLength(1);
    for (const typed of ['+1 (555) 0102-2233', '5550102', '555.0102.2233', '0102 2233']) {
      const r = store.search.search(typed, {}, 20);
      expect(r.contacts.map((c) => c.contactId), typed).toEqual(['k-c-maria']);
    }
    const hit = store.search.search('7700 900', {}, 20).contacts[0]!;
    expect(hit.contactId).toBe('k-c-yuki');
    expect(marked(hit.phone!)).toEqual(['7700 900']);
    expect(hit.conversationId).toBe('c-yuki');
  });

  it('finds short name prefixes without trigrams', () => {
    expect(store.search.search('Yu', {}, 20).contacts.map((c) => c.contactId)).toEqual(['k-c-yuki']);
  });

  it('finds a contact by one or two CJK characters of the name, among the CJK names only', () => {
    addConversation('c-wang', { name: '王小明', phone: null, email: 'wang@example.cn' });
    expect(store.search.search('小明', {}, 20).contacts.map((c) => c.contactId)).toEqual(['k-c-wang']);
    expect(store.search.search('王', {}, 20).contacts.map((c) => c.contactId)).toEqual(['k-c-wang']);
    expect(store.search.search('王 wang', {}, 20).contacts.map((c) => c.contactId)).toEqual(['k-c-wang']);
    expect(store.search.search('李', {}, 20).contacts).toEqual([]);
    const plan = store.db
      .prepare(`EXPLAIN QUERY PLAN SELECT id FROM contacts ct WHERE ${CJK_NAME_SQL('ct.name')} AND ct.name LIKE '%王%' ORDER BY ct.name`)
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('contacts_cjk_name');
  });

  it('groups conversations by reference, subject and contact', () => {
    const bySubject = store.search.search('returned', {}, 20).conversations;
    expect(bySubject).toMatchObject([{ conversationId: 'c-maria', reason: 'subject' }]);
    expect(marked(bySubject[0]!.subject!)).toEqual(['returned']);
    addConversation('0192f3a4-5b6c-7d8e-9f00-112233445566', { name: 'Ref Person' });
    expect(store.search.search('0192F3A4-5B', {}, 20).conversations).toMatchObject([
      { conversationId: '0192f3a4-5b6c-7d8e-9f00-112233445566', reason: 'reference' },
    ]);
    expect(store.search.search('tanaka', {}, 20).conversations).toMatchObject([{ conversationId: 'c-yuki', reason: 'contact' }]);
  });

  it('combines filters: channel, status, agent and date range', () => {
    addMessage('c-yuki', 'refund please');
    const all = store.search.search('refund', {}, 20).messages;
    expect(all).toHaveLength(2);
    expect(store.search.search('refund', { channel: 'whatsapp' }, 20).messages.map((m) => m.conversationId)).toEqual(['c-yuki']);
    expect(store.search.search('refund', { status: 'active' }, 20).messages.map((m) => m.conversationId)).toEqual(['c-maria']);
    expect(store.search.search('refund', { assigneeId: SELF }, 20).messages.map((m) => m.conversationId)).toEqual(['c-maria']);
    const newest = Math.max(...all.map((m) => m.createdAt));
    expect(store.search.search('refund', { from: newest }, 20).messages).toHaveLength(1);
    expect(store.search.search('refund', { to: newest }, 20).messages).toHaveLength(1);
    expect(store.search.search('yuki', { channel: 'sms' }, 20).contacts).toHaveLength(0);
  });

  it('keeps the short-CJK scan current when a message is edited', () => {
    const id = addMessage('c-maria', '荷物は大阪に届きました');
    expect(store.search.search('大阪', {}, 20).messages.map((m) => m.messageId)).toEqual([id]);
    store.tx(() => store.db.prepare("UPDATE messages SET body = '荷物は名古屋に届きました' WHERE id = ?").run(id));
    expect(store.search.search('大阪', {}, 20).messages).toHaveLength(0);
    expect(store.search.search('名古', {}, 20).messages.map((m) => m.messageId)).toEqual([id]);
    store.tx(() => store.db.prepare("UPDATE messages SET body = 'Delivered to Nagoya' WHERE id = ?").run(id));
    expect(store.search.search('名古', {}, 20).messages).toHaveLength(0);
  });

  it('keeps the indexes current through updates, a wipe and a changed contact', () => {
    store.tx(() => store.applier.upsertContact({ ...contact('k-c-maria', 100), name: 'Maria Lopez', phone: '+61 491 570 111' }));
    expect(store.search.search('fernandez', {}, 20).contacts).toHaveLength(0);
    expect(store.search.search('491570111', {}, 20).contacts).toHaveLength(1);
    store.tx(() => store.applier.wipe());
    expect(store.search.search('refund', {}, 20)).toEqual({ conversations: [], messages: [], contacts: [] });
    expect(store.search.search('東京', {}, 20).messages).toHaveLength(0);
    expect(store.db.prepare("INSERT INTO messages_fts (messages_fts) VALUES ('integrity-check')").run()).toBeTruthy();
  });

  it('never fails on hostile input', () => {
    const inputs = ['"', '""', '*', 'AND', 'OR NOT', 'NEAR(a b, 2)', 'body:refund', '^refund', 'a"b"c', '(', ')', '-refund', '+', "'", '\\', '%', '_', '東"', '"東京', '\u0000', '😀*', 'a'.repeat(2000), '{body}: x'];
    let s = 11;
    const random = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const alphabet = ['"', '*', '^', ':', '(', ')', '-', ' ', 'AND', 'OR', 'NEAR', 'é', '東', 'x', '4', '%', '\\'];
    for (let i = 0; i < 500; i++) inputs.push(Array.from({ length: 1 + Math.floor(random() * 10) }, () => alphabet[Math.floor(random() * alphabet.length)]).join(''));
    for (const input of inputs) {
      expect(() => store.search.search(input, {}, 20), input).not.toThrow();
      expect(() => store.search.thread('c-maria', input), input).not.toThrow();
    }
  });

  it('lists a conversation’s matches oldest first for in-thread search', () => {
    const first = store.search.search('résumé', {}, 20).messages[0]!.messageId;
    const later = addMessage('c-maria', 'Second refund note');
    const { matches } = store.search.thread('c-maria', 'refund');
    expect(matches.map((m) => m.messageId)).toEqual([first, later]);
    expect(store.search.thread('c-yuki', '東京').matches).toHaveLength(1);
    expect(store.search.thread('c-maria', '')).toEqual({ matches: [], systemLines: [] });
  });

  it('hands back the system lines the console words in the agent’s language instead of matching their English body', () => {
    const accepted = systemEvent('accepted', { agent: 'Bea Schmidt' });
    const worded = addMessage('c-maria', 'Bea Schmidt accepted the refund conversation', { direction: 'system', event: accepted });
    // A line from a newer backend (an event this build cannot word) shows, and is matched by, its body.
    const unknown = addMessage('c-maria', 'Bea Schmidt merged the refund conversation', { direction: 'system', event: { code: 'merged', params: {} } });
    const reply = addMessage('c-maria', 'Refund approved by Bea');
    const { matches, systemLines } = store.search.thread('c-maria', 'refund');
    expect(matches.map((m) => m.messageId)).not.toContain(worded);
    expect(matches.map((m) => m.messageId)).toEqual(expect.arrayContaining([unknown, reply]));
    expect(systemLines).toEqual([{ messageId: worded, seq: expect.any(Number), event: accepted }]);
    // Global search finds it by its stored text and says what it is, for the console to word.
    const hits = store.search.search('refund', {}, 20).messages;
    expect(hits.find((h) => h.messageId === worded)?.event).toEqual(accepted);
    expect(hits.find((h) => h.messageId === reply)?.event).toBeNull();
  });
});
