// The contact's conversation lookups run once per inbound message: they must search the contact's
// own index entries (not walk the tenant's conversations) and give the same answer whatever order
// the rows were written in, so conversations with equal times are told apart by id.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertConversation, openPlannedDatabase, type PlannedDatabase, TEST_TENANT } from '../test/plannedDatabase';
import { toConversation } from './rows';
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
});
