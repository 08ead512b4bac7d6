// The word index follows the messages through the queue: once the queue is applied, after any
// number of transactions since the last time (grouped writes, a write rolled back to its
// savepoint, a whole transaction rolled back, rows added and then edited or deleted before they
// were indexed), FTS5's integrity-check finds the index equal to its content, a word finds exactly
// the messages that hold it, and the queue is empty. A write applies it once it holds a batch.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CompiledQuery } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWriter } from '../sync/writer';
import { insertConversation, TEST_TENANT } from '../test/plannedDatabase';
import type { Kysely } from 'kysely';
import type { DB } from './schema';
import type { Database } from './database';
import { migrate } from './migrate';
import { MIGRATIONS } from './migrations';
import { applyMessageIndexQueue, INDEX_BATCH } from './messageIndexQueue';
import { openDatabase } from './open';

let dir: string;
let database: Database;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'agent-desk-index-queue-'));
  database = openDatabase({ dataDir: dir, databaseUrl: null });
  await migrate(database, MIGRATIONS, () => 1);
  await database.db.insertInto('tenants').values({ id: TEST_TENANT, slug: 't', name: 'T', webhook_secret_hash: 'x', created_at: 1 }).execute();
  await database.db.insertInto('tenant_counters').values({ tenant_id: TEST_TENANT, last_seq: 0, log_floor: 0 }).execute();
  await database.db
    .insertInto('queues')
    .values({ id: 'q1', tenant_id: TEST_TENANT, name: 'General', position: 0, routing: 'manual', last_assigned_agent_id: null })
    .execute();
  await insertConversation(database.db, { id: 'c1' });
});
afterEach(async () => {
  await database.close();
  await rm(dir, { recursive: true, force: true });
});

const WORDS = ['parcel', 'refund', 'invoice', 'delivery', 'password'];

const insertMessage = (trx: Kysely<DB>, id: number, body: string) =>
  trx
    .insertInto('messages')
    .values({
      id: `m${String(id).padStart(4, '0')}`, tenant_id: TEST_TENANT, conversation_id: 'c1', client_id: null, external_id: null, seq: id, direction: 'inbound',
      kind: 'text', channel: 'sms', author_agent_id: null, body, created_at: id, status: null, status_seq: id,
      call_json: null, extra_json: null, rev_seq: 0,
    })
    .execute();
const count = async (db: Kysely<DB>, sql: string) => (await db.executeQuery<{ n: number }>(CompiledQuery.raw(sql))).rows[0]?.n;
const QUEUED = 'SELECT count(*) AS n FROM messages_fts_pending';
const INDEXED_PARCELS = "SELECT count(*) AS n FROM messages_fts WHERE messages_fts MATCH 'parcel'";

describe('the message index queue', () => {
  it('keeps messages_fts equal to the messages through grouped writes, rollbacks, edits and deletes', async () => {
    const { db } = database;
    const writer = createWriter({ database, publisher: { publish: () => undefined }, now: () => 1, retainEvents: null });
    let state = 5;
    const next = (n: number) => {
      state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
      return (state >>> 16) % n;
    };
    let id = 0;
    const body = () => `${WORDS[next(WORDS.length)]} and ${WORDS[next(WORDS.length)]} ${next(1000)}`;
    const ids = async () => (await db.selectFrom('messages').select('id').execute()).map((r) => r.id);
    const check = async (when: string) => {
      await writer.run(TEST_TENANT, ({ trx }) => applyMessageIndexQueue(trx));
      await expect(db.executeQuery(CompiledQuery.raw("INSERT INTO messages_fts (messages_fts, rank) VALUES ('integrity-check', 1)")), when).resolves.toBeDefined();
      expect(await count(db, QUEUED), when).toBe(0);
      for (const word of WORDS) {
        const found = (await db.executeQuery<{ id: string }>(CompiledQuery.raw('SELECT m.id FROM messages_fts f JOIN messages m ON m.rowid = f.rowid WHERE messages_fts MATCH ? ORDER BY m.id', [word]))).rows;
        const holding = await db.selectFrom('messages').select('id').where('body', 'like', `%${word}%`).orderBy('id').execute();
        expect(found, `${word} ${when}`).toEqual(holding);
      }
    };
    for (let round = 0; round < 40; round++) {
      const existing = await ids();
      const writes = Array.from({ length: 1 + next(6) }, () => {
        const kind = next(6);
        const target = existing[next(Math.max(1, existing.length))];
        return writer.run(TEST_TENANT, async ({ trx }) => {
          if (kind <= 2 || !target) {
            await insertMessage(trx, ++id, body());
          } else if (kind === 3) {
            await trx.updateTable('messages').set({ body: body() }).where('id', '=', target).execute();
          } else {
            await trx.deleteFrom('messages').where('id', '=', target).execute();
          }
          // Some writes fail after writing: their savepoint (or, alone, the transaction) is undone.
          if (next(4) === 0) throw new Error('refused');
        });
      });
      await Promise.allSettled(writes);
      // Several rounds' transactions queue up between checks, as they do between searches.
      if (round % 4 === 3) await check(`after round ${round}`);
    }
    expect((await ids()).length).toBeGreaterThan(5);
  });

  it('leaves fewer than a batch of changes queued, and a write that makes a batch applies them all', async () => {
    const { db } = database;
    const writer = createWriter({ database, publisher: { publish: () => undefined }, now: () => 1, retainEvents: null });
    // One message per transaction, as a steady trickle of webhooks commits them.
    for (let id = 1; id < INDEX_BATCH; id++) await writer.run(TEST_TENANT, ({ trx }) => insertMessage(trx, id, `parcel ${id}`));
    expect(await count(db, QUEUED)).toBe(INDEX_BATCH - 1);
    expect(await count(db, INDEXED_PARCELS)).toBe(0);
    await writer.run(TEST_TENANT, ({ trx }) => insertMessage(trx, INDEX_BATCH, 'parcel last'));
    expect(await count(db, QUEUED)).toBe(0);
    expect(await count(db, INDEXED_PARCELS)).toBe(INDEX_BATCH);
  });
});

