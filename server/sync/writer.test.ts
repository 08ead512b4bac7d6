// Group commit: writes that queue up behind a running transaction share the next one, each in its
// own savepoint; seqs stay gap-free and published in order, and a failing write fails alone.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChangeEvent } from '../../shared/protocol';
import type { Database } from '../db/database';
import { migrate } from '../db/migrate';
import { MIGRATIONS } from '../db/migrations';
import { openDatabase } from '../db/open';
import { createWriter, type WriteContext, type Writer } from './writer';

const TENANT = 'tenant-1';
let dir: string;
let database: Database;
let transactions: number;
let published: ChangeEvent[];
let pushes: number;
let writer: Writer;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'agent-desk-writer-'));
  const opened = openDatabase({ dataDir: dir, databaseUrl: null });
  await migrate(opened, MIGRATIONS, () => 1);
  await opened.db.insertInto('tenants').values({ id: TENANT, slug: 't', name: 'T', webhook_secret_hash: 'x', created_at: 1 }).execute();
  await opened.db.insertInto('tenant_counters').values({ tenant_id: TENANT, last_seq: 0, log_floor: 0 }).execute();
  transactions = 0;
  database = {
    ...opened,
    write: (fn) => {
      transactions++;
      return opened.write(fn);
    },
  };
  published = [];
  pushes = 0;
  writer = createWriter({
    database,
    publisher: {
      publish: (_t, events) => {
        pushes++;
        published.push(...events);
      },
    },
    now: () => 1,
    retainEvents: null,
  });
});

afterEach(async () => {
  await database.close();
  await rm(dir, { recursive: true, force: true });
});

/** A write that records one event and answers with its seq. */
async function recordOne({ changes }: WriteContext): Promise<number> {
  const seq = await changes.nextSeq();
  await changes.record({ seq, type: 'conversation.read', conversationId: `c${seq}`, agentId: 'a', readSeq: seq });
  return seq;
}

async function loggedSeqs(): Promise<number[]> {
  const rows = await database.db.selectFrom('change_log').select('seq').orderBy('seq').execute();
  return rows.map((r) => Number(r.seq));
}

/** A write whose transaction has begun and waits for `release`. */
async function runningWrite(): Promise<{ first: Promise<number>; release: () => void }> {
  let release = () => undefined as void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let started = () => undefined as void;
  const running = new Promise<void>((resolve) => (started = resolve));
  const first = writer.run(TENANT, async (ctx) => {
    started();
    await gate;
    return recordOne(ctx);
  });
  await running;
  return { first, release };
}

describe('writer', () => {
  it('runs the writes that wait behind a transaction together in the next one, in order', async () => {
    const { first, release } = await runningWrite();
    const queued = Array.from({ length: 5 }, () => writer.run(TENANT, recordOne));
    release();
    expect(await Promise.all([first, ...queued])).toEqual([1, 2, 3, 4, 5, 6]);
    expect(transactions).toBe(2);
    expect(published.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    // One push per group: the five queued writes' events went out together.
    expect(pushes).toBe(2);
    expect(await loggedSeqs()).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('undoes a failing write of a group alone: the others commit and its seq is reused', async () => {
    const { first, release } = await runningWrite();
    const ok1 = writer.run(TENANT, recordOne);
    const failing = writer.run(TENANT, async (ctx) => {
      await recordOne(ctx);
      throw new Error('refused');
    });
    const ok2 = writer.run(TENANT, recordOne);
    release();
    await expect(failing).rejects.toThrow('refused');
    expect(await Promise.all([first, ok1, ok2])).toEqual([1, 2, 3]);
    expect(published.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(await loggedSeqs()).toEqual([1, 2, 3]);
  });

  it("pushes each tenant's events of a group once, in seq order, and only the failed write's events are left out", async () => {
    await database.db.insertInto('tenants').values({ id: 'tenant-2', slug: 't2', name: 'T2', webhook_secret_hash: 'x', created_at: 1 }).execute();
    await database.db.insertInto('tenant_counters').values({ tenant_id: 'tenant-2', last_seq: 100, log_floor: 100 }).execute();
    const byTenant = new Map<string, number[][]>();
    const grouped = createWriter({
      database,
      publisher: { publish: (tenantId, events) => byTenant.set(tenantId, [...(byTenant.get(tenantId) ?? []), events.map((e) => e.seq)]) },
      now: () => 1,
      retainEvents: null,
    });
    const writes = [
      grouped.run(TENANT, recordOne),
      grouped.run('tenant-2', recordOne),
      grouped.run(TENANT, async (ctx) => {
        await recordOne(ctx);
        throw new Error('refused');
      }),
      grouped.run(TENANT, recordOne),
      grouped.run('tenant-2', recordOne),
    ];
    const settled = await Promise.allSettled(writes);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect(transactions).toBe(1);
    expect(byTenant.get(TENANT)).toEqual([[1, 2]]);
    expect(byTenant.get('tenant-2')).toEqual([[101, 102]]);
  });

  it('rolls a write that runs alone back as a whole when it fails', async () => {
    await expect(
      writer.run(TENANT, async (ctx) => {
        await recordOne(ctx);
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(await writer.run(TENANT, recordOne)).toBe(1);
    expect(await loggedSeqs()).toEqual([1]);
  });

  it('stores a write repeated within one group once: each write sees what the earlier ones wrote', async () => {
    // The shape of every idempotent write (inbound by external id, sends by client id): look, then write.
    const once = async (ctx: WriteContext): Promise<number> => {
      const existing = await ctx.trx.selectFrom('change_log').select('seq').where('tenant_id', '=', TENANT).where('type', '=', 'conversation.read').executeTakeFirst();
      return existing ? Number(existing.seq) : recordOne(ctx);
    };
    const { first, release } = await runningWrite();
    const repeats = Array.from({ length: 3 }, () => writer.run(TENANT, once));
    release();
    expect(await first).toBe(1);
    expect(await Promise.all(repeats)).toEqual([1, 1, 1]);
    expect(transactions).toBe(2);
    expect(await loggedSeqs()).toEqual([1]);
  });

  it('caps a group at maxGroup writes; idle still waits for every write queued before it', async () => {
    const small = createWriter({ database, publisher: { publish: (_t, events) => published.push(...events) }, now: () => 1, retainEvents: null, maxGroup: 2 });
    const writes = Array.from({ length: 5 }, () => small.run(TENANT, recordOne));
    await small.idle();
    expect(await loggedSeqs()).toEqual([1, 2, 3, 4, 5]);
    expect(transactions).toBe(3);
    expect(published.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    await Promise.all(writes);
  });

  it('starts a transaction after the current turn, so writes begun in one turn share it, as webhooks read together do', async () => {
    // Each request is its own callback; everything a callback awaits settles before the next one.
    const settle = async () => {
      for (let i = 0; i < 200; i++) await Promise.resolve();
    };
    const inTurn = async (w: Writer) => {
      const first = w.run(TENANT, recordOne);
      await settle();
      const second = w.run(TENANT, recordOne);
      return Promise.all([first, second]);
    };
    expect(await inTurn(writer)).toEqual([1, 2]);
    expect(transactions).toBe(1);
    // Started at once, the first write commits before the second arrives: the test tells them apart.
    const eager = createWriter({ database, publisher: { publish: () => undefined }, now: () => 1, retainEvents: null, defer: (start) => start() });
    expect(await inTurn(eager)).toEqual([3, 4]);
    expect(transactions).toBe(3);
  });

  it('idle waits for writes still queued', async () => {
    const writes = Array.from({ length: 3 }, () => writer.run(TENANT, recordOne));
    await writer.idle();
    expect(await loggedSeqs()).toEqual([1, 2, 3]);
    await Promise.all(writes);
  });
});
