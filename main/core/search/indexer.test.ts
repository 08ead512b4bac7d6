// The pending queue keeps the FTS5 indexes equal to their content through every kind of write;
// FTS5's own integrity-check compares each index with its content table.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { contact, conversation, message, openStore, removeTempDirs } from '../testkit/fixtures';
import type { Store } from '../store';
import { isCjkSql } from '../../../shared/search/messageIndex';
import { ftsString } from '../../../shared/search/query';

const stores: Store[] = [];
const open = () => {
  const s = openStore();
  stores.push(s);
  return s;
};
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
});
afterAll(removeTempDirs);

function checkIntegrity(store: Store) {
  for (const fts of ['messages_fts', 'contacts_fts', 'conversations_fts']) {
    store.db.prepare(`INSERT INTO ${fts} (${fts}, rank) VALUES ('integrity-check', 1)`).run();
  }
  // messages_cjk indexes only CJK messages, so FTS5's check (every content row) does not apply:
  // its row list must be exactly the CJK messages, and each must be found by its own text.
  const cjk = store.db.prepare(`SELECT rowid, body FROM messages WHERE ${isCjkSql('body')} ORDER BY rowid`).all() as { rowid: number; body: string }[];
  expect(store.db.prepare('SELECT rowid FROM messages_cjk_rows ORDER BY rowid').all()).toEqual(cjk.map((r) => ({ rowid: r.rowid })));
  for (const r of cjk) {
    expect(store.db.prepare('SELECT rowid FROM messages_cjk WHERE messages_cjk MATCH ?').all(ftsString(r.body))).toContainEqual({ rowid: r.rowid });
  }
  expect(store.db.prepare('SELECT count(*) AS n FROM search_pending').get()).toEqual({ n: 0 });
}

const count = (store: Store, sql: string) => (store.db.prepare(sql).get() as { n: number }).n;

describe('search indexer', () => {
  it('keeps every index equal to its content through inserts, updates and deletes', () => {
    const store = open();
    store.tx(() => {
      store.applier.upsertContact({ ...contact('k1', 1), name: 'Ana Lima', phone: '+55 11 9999-0000' });
      store.applier.upsertConversation(conversation('c1', { contactId: 'k1', subject: 'Entrega', seq: 2 }));
      store.applier.insertMessage(message('m1', 'c1', 3, { body: 'Olá, a entrega atrasou' }));
      store.applier.insertMessage(message('m2', 'c1', 4, { body: '東京駅で受け取り' }));
    });
    checkIntegrity(store);
    store.tx(() => {
      store.applier.upsertContact({ ...contact('k1', 5), name: 'Ana Souza', phone: null });
      store.applier.upsertConversation(conversation('c1', { contactId: 'k1', subject: 'Troca', seq: 6 }));
      store.db.prepare("UPDATE messages SET body = 'editado' WHERE id = 'm2'").run();
    });
    checkIntegrity(store);
    expect(store.search.search('東京駅', {}, 5).messages).toHaveLength(0);
    expect(store.search.search('editado', {}, 5).messages).toHaveLength(1);
    expect(store.search.search('souza', {}, 5).contacts).toHaveLength(1);
    expect(store.search.search('troca', {}, 5).conversations).toHaveLength(1);
    expect(store.search.search('entrega', {}, 5).conversations).toHaveLength(0);
  });

  it('indexes nothing for a row added and removed in one transaction, also when its rowid is reused', () => {
    const store = open();
    store.tx(() => {
      store.applier.insertMessage(message('m1', 'c1', 1, { body: 'first 東京駅' }));
      store.db.prepare("DELETE FROM messages WHERE id = 'm1'").run();
      store.applier.insertMessage(message('m2', 'c1', 2, { body: 'second one' }));
    });
    checkIntegrity(store);
    store.tx(() => store.db.prepare("DELETE FROM messages WHERE id = 'm2'").run());
    store.tx(() => store.applier.insertMessage(message('m3', 'c1', 3, { body: 'third 大阪駅' })));
    checkIntegrity(store);
    expect(store.search.search('second', {}, 5).messages).toHaveLength(0);
    expect(store.search.search('大阪駅', {}, 5).messages).toHaveLength(1);
    expect(store.search.search('東京駅', {}, 5).messages).toHaveLength(0);
  });

  it('rebuilds wholesale when most of a table is wiped', () => {
    const store = open();
    store.tx(() => {
      for (let i = 1; i <= 1_200; i++) store.applier.insertMessage(message(`m${i}`, 'c1', i, { body: i % 2 ? `parcel ${i}` : `荷物 ${i}` }));
      store.applier.upsertConversation(conversation('c1'));
    });
    expect(count(store, 'SELECT count(*) AS n FROM messages_cjk_rows')).toBe(600);
    store.tx(() => store.applier.wipe());
    checkIntegrity(store);
    expect(count(store, 'SELECT count(*) AS n FROM messages_cjk_rows')).toBe(0);
    expect(store.search.search('parcel', {}, 5).messages).toHaveLength(0);
  });
});
