// A webhook's tenant comes from a cache: a changed row (a rotated webhook secret) must be read
// again once the cached one is older than the time it is trusted, and an unknown slug must not
// be remembered as unknown.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openPlannedDatabase, type PlannedDatabase, TEST_TENANT } from '../test/plannedDatabase';
import { cachedTenantLookup } from './tenantCache';

let database: PlannedDatabase;
beforeEach(async () => {
  database = await openPlannedDatabase();
});
afterEach(() => database.close());

describe('the cached tenant lookup', () => {
  it('reads a tenant once within its time, and again after it (a rotated secret is seen)', async () => {
    let now = 1_000;
    const lookup = cachedTenantLookup(database.db, { now: () => now, ttlMs: 5_000 });
    expect((await lookup('t'))?.webhookSecretHash).toBe('x');
    const reads = database.queryCount();
    await database.db.updateTable('tenants').set({ webhook_secret_hash: 'rotated' }).where('id', '=', TEST_TENANT).execute();
    now += 4_999;
    expect((await lookup('t'))?.webhookSecretHash).toBe('x');
    // The update above was the only query since: the cached row answered.
    expect(database.queryCount()).toBe(reads + 1);
    now += 1;
    expect((await lookup('t'))?.webhookSecretHash).toBe('rotated');
  });

  it('does not remember an unknown slug, and forgets a tenant that is gone', async () => {
    let now = 0;
    const lookup = cachedTenantLookup(database.db, { now: () => now, ttlMs: 5_000 });
    expect(await lookup('new')).toBeNull();
    await database.db.insertInto('tenants').values({ id: 'tenant-2', slug: 'new', name: 'New', webhook_secret_hash: 'y', created_at: 1 }).execute();
    expect((await lookup('new'))?.id).toBe('tenant-2');
    await database.db.deleteFrom('tenants').where('id', '=', 'tenant-2').execute();
    now += 5_000;
    expect(await lookup('new')).toBeNull();
  });
});
