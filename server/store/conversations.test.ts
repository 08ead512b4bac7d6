// The contact's conversation lookups run once per inbound message: they must search the contact's
// own index entries (not walk the tenant's conversations) and give the same answer whatever order
// the rows were written in, so conversations with equal times are told apart by id.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../db/migrate';
import { MIGRATIONS } from '../db/migrations';
import { openDatabase } from '../db/open';
import type { DB } from '../db/schema';
import { SQLITE_FILE_NAME } from '../db/sqlite';
import { findOpenConversation, latestConversationId } from './conversations';

const TENANT = 'tenant-1';
let dir: string;
let connection: BetterSqlite3.Database;
let db: Kysely<DB>;
let queries: Array<{ sql: string; parameters: readonly unknown[] }>;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'agent-desk-conversations-'));
  const migrated = openDatabase({ dataDir: dir, databaseUrl: null });
  await migrate(migrated, MIGRATIONS, () => 1);
  await migrated.close();
  connection = new BetterSqlite3(path.join(dir, SQLITE_FILE_NAME));
  queries = [];
  db = new Kysely<DB>({
    dialect: new SqliteDialect({ database: connection }),
    log: (event) => {
      if (event.level === 'query') queries.push({ sql: event.query.sql, parameters: event.query.parameters });
    },
  });
  await db.insertInto('tenants').values({ id: TENANT, slug: 't', name: 'T', webhook_secret_hash: 'x', created_at: 1 }).execute();
  await db.insertInto('queues').values({ id: 'q1', tenant_id: TENANT, name: 'General', position: 0, routing: 'manual', last_assigned_agent_id: null }).execute();
  await db.insertInto('contacts').values({ id: 'k1', tenant_id: TENANT, name: 'Kim', phone: null, email: null, created_at: 1, seq: 1 }).execute();
});

afterEach(async () => {
  await db.destroy();
  await rm(dir, { recursive: true, force: true });
});

async function conversation(id: string, status: string, lastMessageAt: number): Promise<void> {
  await db
    .insertInto('conversations')
    .values({
      id,
      tenant_id: TENANT,
      contact_id: 'k1',
      channel: 'sms',
      status,
      queue_id: 'q1',
      assignee_id: null,
      subject: null,
      created_at: 1,
      last_message_at: lastMessageAt,
      last_message_preview: '',
      last_message_direction: null,
      waiting_since: null,
      last_inbound_at: null,
      linked_record_json: null,
      tags: '[]',
      labels: '[]',
      previous_conversation_id: null,
      closure_reason: null,
      seq: 1,
    })
    .execute();
}

/** The query plan of every query run since `from`, one line per query. */
function plans(from: number): string[] {
  return queries.slice(from).map(({ sql, parameters }) =>
    (connection.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...parameters) as Array<{ detail: string }>).map((r) => r.detail).join('; '),
  );
}

describe('the contact conversation lookups', () => {
  it('break ties between equally recent conversations by id, not by the order rows were written', async () => {
    // Written in the opposite order to their ids, so a scan's natural order would pick c-a.
    await conversation('c-b', 'active', 50);
    await conversation('c-a', 'queued', 50);
    await conversation('c-old', 'active', 10);
    await conversation('c-closed', 'resolved', 40);
    expect((await findOpenConversation(db, TENANT, 'k1'))?.id).toBe('c-b');
    expect(await latestConversationId(db, TENANT, 'k1')).toBe('c-b');
    await conversation('c-later', 'resolved', 60);
    expect((await findOpenConversation(db, TENANT, 'k1'))?.id).toBe('c-b');
    expect(await latestConversationId(db, TENANT, 'k1')).toBe('c-later');
  });

  it("search the contact's entries of one index, in order, without sorting", async () => {
    await conversation('c-a', 'active', 50);
    const from = queries.length;
    await findOpenConversation(db, TENANT, 'k1');
    await latestConversationId(db, TENANT, 'k1');
    const found = plans(from);
    expect(found).toHaveLength(2);
    for (const plan of found) {
      expect(plan).toContain('INDEX conversations_contact_recent (tenant_id=? AND contact_id=?)');
      expect(plan).not.toContain('TEMP B-TREE');
    }
  });
});
