// For in-process tests of queries: a migrated database in a temporary directory, whose Kysely
// records every query it runs so a test can read their plans (EXPLAIN QUERY PLAN).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from '../db/database';
import { migrate } from '../db/migrate';
import { MIGRATIONS } from '../db/migrations';
import { openDatabase } from '../db/open';
import type { ConversationsTable, DB } from '../db/schema';
import { SQLITE_FILE_NAME } from '../db/sqlite';

export const TEST_TENANT = 'tenant-1';

export interface PlannedDatabase extends Database {
  /** How many queries ran so far (to read the plans of those after). */
  queryCount(): number;
  /** The plan of every query run since `from`, one line per query. */
  plans(from: number): string[];
  /** The SQL of every query run since `from`. */
  statements(from: number): string[];
}

/** A migrated database with one tenant (`TEST_TENANT`, seq counter at 0) and a queue `q1`. */
export async function openPlannedDatabase(): Promise<PlannedDatabase> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'agent-desk-planned-'));
  const migrated = openDatabase({ dataDir: dir, databaseUrl: null });
  await migrate(migrated, MIGRATIONS, () => 1);
  await migrated.close();
  const connection = new BetterSqlite3(path.join(dir, SQLITE_FILE_NAME));
  const queries: Array<{ sql: string; parameters: readonly unknown[] }> = [];
  const db = new Kysely<DB>({
    dialect: new SqliteDialect({ database: connection }),
    log: (event) => {
      if (event.level === 'query') queries.push({ sql: event.query.sql, parameters: event.query.parameters });
    },
  });
  await db.insertInto('tenants').values({ id: TEST_TENANT, slug: 't', name: 'T', webhook_secret_hash: 'x', created_at: 1 }).execute();
  await db.insertInto('tenant_counters').values({ tenant_id: TEST_TENANT, last_seq: 0, log_floor: 0 }).execute();
  await db.insertInto('queues').values({ id: 'q1', tenant_id: TEST_TENANT, name: 'General', position: 0, routing: 'manual', last_assigned_agent_id: null }).execute();
  return {
    db,
    write: (fn) => db.transaction().execute(fn),
    async close() {
      await db.destroy();
      await rm(dir, { recursive: true, force: true });
    },
    queryCount: () => queries.length,
    statements: (from) => queries.slice(from).map((q) => q.sql),
    plans: (from) =>
      queries
        .slice(from)
        .map(({ sql, parameters }) =>
          (connection.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...parameters) as Array<{ detail: string }>).map((r) => r.detail).join('; '),
        ),
  };
}

/** Inserts a conversation of contact `k1` in queue `q1` (both overridable), creating the contact if needed. */
export async function insertConversation(db: Kysely<DB>, values: Partial<ConversationsTable> & { id: string }): Promise<void> {
  const contactId = values.contact_id ?? 'k1';
  await db
    .insertInto('contacts')
    .values({ id: contactId, tenant_id: TEST_TENANT, name: contactId, phone: null, email: null, created_at: 1, seq: 1 })
    .onConflict((oc) => oc.doNothing())
    .execute();
  await db
    .insertInto('conversations')
    .values({
      tenant_id: TEST_TENANT,
      contact_id: contactId,
      channel: 'sms',
      status: 'queued',
      queue_id: 'q1',
      assignee_id: null,
      subject: null,
      created_at: 1,
      last_message_at: 1,
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
      ...values,
    })
    .execute();
}
