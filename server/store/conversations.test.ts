// The contact's conversation lookups run once per inbound message: they must search the contact's
// own index entries (not walk the tenant's conversations) and give the same answer whatever order
// the rows were written in, so conversations with equal times are told apart by id.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertConversation, openPlannedDatabase, type PlannedDatabase, TEST_TENANT } from '../test/plannedDatabase';
import { fromConversation, toConversation } from './rows';
import type { Conversation } from '../../shared/domain';
import { findOpenConversation, getConversation, latestConversationId, saveConversation } from './conversations';

let database: PlannedDatabase;
beforeEach(async () => {
  database = await openPlannedDatabase();
});
afterEach(() => database.close());

const conversation = (id: string, status: string, lastMessageAt: number) =>
  insertConversation(database.db, { id, status, last_message_at: lastMessageAt });

describe('the contact conversation lookups', () => {
  it('break ties between equally recent conversations by id, not by the order rows were written', async () => {
    const { db } = database;
    // Written in the opposite order to their ids, so a scan's natural order would pick c-a.
    await conversation('c-b', 'active', 50);
    await conversation('c-a', 'queued', 50);
    await conversation('c-old', 'active', 10);
    await conversation('c-closed', 'resolved', 40);
    expect((await findOpenConversation(db, TEST_TENANT, 'k1'))?.id).toBe('c-b');
    expect(await latestConversationId(db, TEST_TENANT, 'k1')).toBe('c-b');
    await conversation('c-later', 'resolved', 60);
    expect((await findOpenConversation(db, TEST_TENANT, 'k1'))?.id).toBe('c-b');
    expect(await latestConversationId(db, TEST_TENANT, 'k1')).toBe('c-later');
  });

  it("search the contact's entries of one index, in order, without sorting", async () => {
    await conversation('c-a', 'active', 50);
    const from = database.queryCount();
    await findOpenConversation(database.db, TEST_TENANT, 'k1');
    await latestConversationId(database.db, TEST_TENANT, 'k1');
    const found = database.plans(from);
    expect(found).toHaveLength(2);
    for (const plan of found) {
      expect(plan).toContain('INDEX conversations_contact_recent (tenant_id=? AND contact_id=?)');
      expect(plan).not.toContain('TEMP B-TREE');
    }
  });

  it("overwrite a saved conversation's fields without setting its key", async () => {
    const { db } = database;
    await conversation('c-a', 'queued', 50);
    const before = toConversation(await db.selectFrom('conversations').selectAll().where('id', '=', 'c-a').executeTakeFirstOrThrow());
    const changed = { ...before, status: 'active' as const, lastMessageAt: 60, lastMessagePreview: 'Hello', tags: ['vip'], seq: 7 };
    const from = database.queryCount();
    await saveConversation(db, TEST_TENANT, changed);
    expect(await getConversation(db, TEST_TENANT, 'c-a')).toEqual(changed);
    // Setting the key, even to its own value, makes SQLite search every table that references
    // conversations (pins has no index that starts with the conversation) on each save.
    const [upsert] = database.statements(from);
    const update = upsert?.split('do update set')[1] ?? '';
    expect(update).toContain('"status" = ?');
    expect(update).not.toContain('"id" =');
    expect(update).not.toContain('"tenant_id" =');
  });

  it('given the stored row, write only the columns that changed and leave the row a full save would', async () => {
    const { db } = database;
    // Two copies of one conversation: each change is saved over one with the stored row, over the
    // other in full; both rows must stay equal, whatever changed.
    await conversation('c-a', 'queued', 50);
    await conversation('c-b', 'queued', 50);
    for (const id of ['agent-1', 'agent-2']) {
      await db
        .insertInto('agents')
        .values({ id, tenant_id: TEST_TENANT, name: id, email: `${id}@example.com`, password_hash: 'x', created_at: 1, role: 'agent', status: 'available', capacity: 5, seq: 1 })
        .execute();
    }
    let random = 7;
    const next = () => (random = (random * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)] as T;
    const changes: Array<(c: Conversation) => Partial<Conversation>> = [
      (c) => ({ lastMessageAt: c.lastMessageAt + 1, lastMessagePreview: `text ${next()}`, lastInboundAt: c.lastMessageAt + 1 }),
      () => ({ status: pick(['queued', 'active', 'pending', 'resolved'] as const) }),
      () => ({ assigneeId: pick([null, 'agent-1', 'agent-2']), waitingSince: pick([null, 30, 40]) }),
      () => ({ tags: pick([[], ['vip'], ['vip', 'late']]), labels: pick<Conversation['labels']>([[], ['bug'], ['followUp', 'escalated']]) }),
      () => ({ subject: pick([null, 'Order']), closureReason: pick([null, 'solved']), lastMessageDirection: pick([null, 'inbound', 'outbound'] as const) }),
      () => ({}),
    ];
    let stored = (await getConversation(db, TEST_TENANT, 'c-a')) as Conversation;
    for (let i = 0; i < 200; i++) {
      const changed: Conversation = { ...stored, ...pick(changes)(stored), ...(next() < 0.9 ? { seq: stored.seq + 1 } : {}) };
      const from = database.queryCount();
      await saveConversation(db, TEST_TENANT, changed, stored);
      // Exactly the columns whose value differs, never the key.
      const before = fromConversation(TEST_TENANT, stored);
      const after = fromConversation(TEST_TENANT, changed);
      const differ = Object.keys(after).filter((column) => after[column as keyof typeof after] !== before[column as keyof typeof before]);
      const set = [...(database.statements(from)[0]?.split(' where ')[0] ?? '').matchAll(/"(\w+)" = \?/g)].map((m) => m[1]);
      expect(set).toEqual(differ);
      await saveConversation(db, TEST_TENANT, { ...changed, id: 'c-b' });
      const [a, b] = await db.selectFrom('conversations').selectAll().orderBy('id').execute();
      expect({ ...a, id: 'c-b' }).toEqual(b);
      expect(await getConversation(db, TEST_TENANT, 'c-a')).toEqual(changed);
      stored = changed;
    }
  });

  it('refuse to save over a stored row that is not in the database', async () => {
    const { db } = database;
    await conversation('c-a', 'queued', 50);
    const stored = (await getConversation(db, TEST_TENANT, 'c-a')) as Conversation;
    await expect(saveConversation(db, TEST_TENANT, { ...stored, id: 'c-gone', seq: 9 }, { ...stored, id: 'c-gone' })).rejects.toThrow(/not stored/);
    await expect(saveConversation(db, TEST_TENANT, { ...stored, seq: 9 }, { ...stored, id: 'c-other' })).rejects.toThrow(/saved over/);
  });
});
