// Compiled statements run the query their builder describes, with new values each call: the same
// SQL and the same rows as building the query every time, constants kept, and every value bound.
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OPEN_STATUSES } from '../../shared/domain';
import { insertConversation, openPlannedDatabase, type PlannedDatabase, TEST_TENANT } from '../test/plannedDatabase';
import { compiled, fixedLimit } from './compiled';
import type { DB } from './schema';
import type { Kysely } from 'kysely';

let database: PlannedDatabase;
beforeEach(async () => {
  database = await openPlannedDatabase();
});
afterEach(() => database.close());

const openOfContact = (db: Kysely<DB>, p: { tenantId: string; contactId: string }) =>
  db
    .selectFrom('conversations')
    .select(['id', 'status', 'last_message_at'])
    .where('status', 'in', OPEN_STATUSES)
    .where('contact_id', '=', p.contactId)
    .where('tenant_id', '=', p.tenantId)
    .orderBy(['last_message_at desc', 'id desc'])
    .limit(fixedLimit(2));

describe('compiled statements', () => {
  it('return the rows the query built on every call returns, for every set of values, with the same plan', async () => {
    const { db } = database;
    await insertConversation(db, { id: 'a1', contact_id: 'k1', status: 'active', last_message_at: 5 });
    await insertConversation(db, { id: 'a2', contact_id: 'k1', status: 'resolved', last_message_at: 9 });
    await insertConversation(db, { id: 'a3', contact_id: 'k1', status: 'queued', last_message_at: 7 });
    await insertConversation(db, { id: 'b1', contact_id: 'k2', status: 'pending', last_message_at: 3 });
    const statement = compiled(openOfContact);
    for (const params of [
      { tenantId: TEST_TENANT, contactId: 'k1' },
      { tenantId: TEST_TENANT, contactId: 'k2' },
      { tenantId: TEST_TENANT, contactId: 'nobody' },
      { tenantId: 'other-tenant', contactId: 'k1' },
      { tenantId: TEST_TENANT, contactId: 'k1' },
    ]) {
      const built = await openOfContact(db, params).execute();
      expect(await statement.all(db, params)).toEqual(built);
      expect((await statement.first(db, params))?.id).toBe(built[0]?.id);
    }
    // The constants (the open statuses, the limit) went with the query: k1's two open ones, newest first.
    expect((await statement.all(db, { tenantId: TEST_TENANT, contactId: 'k1' })).map((r) => r.id)).toEqual(['a3', 'a1']);
    const from = database.queryCount();
    await statement.all(db, { tenantId: TEST_TENANT, contactId: 'k2' });
    await openOfContact(db, { tenantId: TEST_TENANT, contactId: 'k2' }).execute();
    const [ran, built] = database.plans(from);
    expect(ran).toBe(built);
  });

  it('insert every key of the first row, and refuse rows with other keys or a missing value', async () => {
    const { db } = database;
    const insert = compiled((kdb, row: { tenant_id: string; seq: number; type: string; payload: string; created_at: number }) =>
      kdb.insertInto('change_log').values(row),
    );
    await insert.run(db, { tenant_id: TEST_TENANT, seq: 1, type: 'a', payload: '{}', created_at: 10 });
    await insert.run(db, { created_at: 20, payload: '[]', type: 'b', seq: 2, tenant_id: TEST_TENANT });
    const rows = await db.selectFrom('change_log').selectAll().orderBy('seq').execute();
    expect(rows).toEqual([
      { tenant_id: TEST_TENANT, seq: 1, type: 'a', payload: '{}', created_at: 10 },
      { tenant_id: TEST_TENANT, seq: 2, type: 'b', payload: '[]', created_at: 20 },
    ]);
    const partial = { tenant_id: TEST_TENANT, seq: 3, type: 'c', payload: '{}' } as unknown as Parameters<typeof insert.run>[1];
    await expect(insert.run(db, partial)).rejects.toThrow(/takes exactly/);
    await expect(insert.run(db, { tenant_id: TEST_TENANT, seq: 3, type: 'c', payload: '{}', created_at: undefined as unknown as number })).rejects.toThrow(
      /"created_at" is missing/,
    );
    expect(await db.selectFrom('change_log').select('seq').execute()).toHaveLength(2);
  });

  it('run on the connection it is given: inside a transaction it sees that transaction’s writes', async () => {
    const count = compiled((kdb, p: { tenantId: string }) => kdb.selectFrom('change_log').select('seq').where('tenant_id', '=', p.tenantId));
    const seen = await database.write(async (trx) => {
      await trx.insertInto('change_log').values({ tenant_id: TEST_TENANT, seq: 1, type: 'a', payload: '{}', created_at: 1 }).execute();
      return (await count.all(trx, { tenantId: TEST_TENANT })).length;
    });
    expect(seen).toBe(1);
  });

  it('refuse a builder that writes a value into the SQL text', async () => {
    const inlined = compiled((kdb, p: { name: string }) => kdb.selectFrom('tenants').select('id').where('name', '=', sql.lit(p.name)));
    await expect(inlined.all(database.db, { name: 'T' })).rejects.toThrow(/into the SQL text/);
  });

  it('keep their LIMIT in the SQL text and refuse a bound one', async () => {
    const { db } = database;
    await insertConversation(db, { id: 'a1', contact_id: 'k1', status: 'active', last_message_at: 5 });
    await insertConversation(db, { id: 'a3', contact_id: 'k1', status: 'queued', last_message_at: 7 });
    const from = database.queryCount();
    expect((await compiled(openOfContact).all(db, { tenantId: TEST_TENANT, contactId: 'k1' })).map((r) => r.id)).toEqual(['a3', 'a1']);
    // SQLite plans with a bound LIMIT's value, so rebinding it prepares the statement on every run.
    expect(database.statements(from)[0]).toMatch(/ limit 2$/);
    const bound = compiled((kdb, p: { tenantId: string }) => kdb.selectFrom('conversations').select('id').where('tenant_id', '=', p.tenantId).limit(1));
    await expect(bound.all(db, { tenantId: TEST_TENANT })).rejects.toThrow(/fixedLimit/);
    expect(() => fixedLimit(1.5)).toThrow(/whole number/);
  });
});
