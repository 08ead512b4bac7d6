import { afterAll, describe, expect, it } from 'vitest';
import { contact, conversation, created, message, openStore, removeTempDirs, SELF, upserted } from '../testkit/fixtures';
import { countsAsUnread } from './lww';

afterAll(removeTempDirs);

describe('last writer wins', () => {
  it('accepts a first version and strictly newer ones only, in the statement that writes them', () => {
    const s = openStore();
    try {
      const name = () => s.db.prepare<[], { name: string; seq: number }>("SELECT name, seq FROM contacts WHERE id = 'k1'").get();
      expect(s.applier.upsertContact(contact('k1', 5, 'first'))).toBe(true);
      expect(s.applier.upsertContact(contact('k1', 6, 'newer'))).toBe(true);
      expect(s.applier.upsertContact(contact('k1', 6, 'same seq'))).toBe(false);
      expect(s.applier.upsertContact(contact('k1', 4, 'older'))).toBe(false);
      expect(name()).toEqual({ name: 'newer', seq: 6 });
    } finally {
      s.close();
    }
  });

  it('moves a status only forward in server order, on a stored server message only', () => {
    const s = openStore();
    try {
      s.applyEvents([upserted(conversation('c1')), created(message('m1', 'c1', 2, { direction: 'outbound', status: 'sent', statusSeq: 9 }))], SELF);
      const status = () => s.db.prepare<[], { status: string; status_seq: number }>("SELECT status, status_seq FROM messages WHERE id = 'm1'").get();
      expect(s.applier.moveStatus('m1', 'delivered', 10)).toBe('c1');
      expect(s.applier.moveStatus('m1', 'sent', 9)).toBeNull();
      expect(s.applier.moveStatus('m1', 'read', 10)).toBeNull();
      expect(status()).toEqual({ status: 'delivered', status_seq: 10 });
      expect(s.applier.moveStatus('unknown', 'read', 11)).toBeNull();
    } finally {
      s.close();
    }
  });

  it('counts unread inbound messages beyond the read marker only', () => {
    expect(countsAsUnread('inbound', 11, 10)).toBe(true);
    expect(countsAsUnread('inbound', 10, 10)).toBe(false);
    expect(countsAsUnread('outbound', 11, 0)).toBe(false);
    expect(countsAsUnread('system', 11, 0)).toBe(false);
  });
});
