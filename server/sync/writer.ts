// The single write path: every mutation of tenant data runs through `run`, which opens a locking
// transaction, hands the body a change recorder, trims the log to the retention limit, commits,
// and only then publishes the recorded events to the tenant's live subscribers.
//
// Group commit: writes that arrive while a transaction is running wait for it and then run
// together, one after another, in one transaction (each in its own savepoint, so a failing one
// rolls back alone and is the only one to fail). A commit costs more than the writes of an inbound
// webhook; under load one commit now carries many of them. Seqs are still allocated in run order
// under the same lock, and events are still published only after the commit, in seq order.
//
// A write that finds nothing running waits for the rest of the event loop's turn before its
// transaction starts. The write path runs without a real await (SQLite answers synchronously), so
// started at once each webhook's transaction would commit before the next request was even read
// and groups would never form over HTTP; deferred, the requests read in one turn share a commit.
import { CompiledQuery, type Kysely } from 'kysely';
import type { ChangeEvent } from '../../shared/protocol';
import type { Database } from '../db/database';
import type { DB } from '../db/schema';
import { type ChangeRecorder, createChangeRecorder, raiseLogFloor } from './changeLog';
import { createMutex } from './mutex';
import { readLogBounds } from './seq';

export interface Publisher {
  publish(tenantId: string, events: readonly ChangeEvent[]): void;
}

export interface WriteContext {
  trx: Kysely<DB>;
  changes: ChangeRecorder;
  now: number;
}

export interface Writer {
  run<T>(tenantId: string, body: (ctx: WriteContext) => Promise<T>): Promise<T>;
  /** Resolves once every write started so far has finished. */
  idle(): Promise<void>;
}

export interface WriterOptions {
  database: Database;
  publisher: Publisher;
  now: () => number;
  /** Keep at most this many events per tenant (null: no count limit). */
  retainEvents: number | null;
  /** At most this many writes share one transaction. */
  maxGroup?: number;
  /** Runs `start` once the current turn of the event loop is done (default setImmediate). */
  defer?: (start: () => void) => void;
}

/** A write waiting for its turn. */
interface Pending {
  tenantId: string;
  body: (ctx: WriteContext) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  /** Settles (never rejects) once the write has finished. */
  settled: Promise<void>;
}

type Outcome = { ok: true; value: unknown; events: readonly ChangeEvent[] } | { ok: false; error: unknown };

const DEFAULT_MAX_GROUP = 64;

const SAVEPOINT = CompiledQuery.raw('savepoint grouped_write');
const ROLLBACK_TO_SAVEPOINT = CompiledQuery.raw('rollback to savepoint grouped_write');
const RELEASE_SAVEPOINT = CompiledQuery.raw('release savepoint grouped_write');

export function createWriter({ database, publisher, now, retainEvents, maxGroup = DEFAULT_MAX_GROUP, defer = setImmediate }: WriterOptions): Writer {
  // Commit and publish happen inside one section, so live pushes leave in seq order.
  const exclusive = createMutex();
  // Pruning on every write would cost a delete per event; trimming in steps of ~10% is as good.
  const pruneStep = retainEvents === null ? 0 : Math.max(1, Math.ceil(retainEvents / 10));
  // Whenever this is not empty, a flush is queued on `exclusive` that has not started yet.
  let waiting: Pending[] = [];

  async function runOne(trx: Kysely<DB>, write: Pending): Promise<{ value: unknown; events: readonly ChangeEvent[] }> {
    const at = now();
    const changes = createChangeRecorder(trx, write.tenantId, at);
    const value = await write.body({ trx, changes, now: at });
    return { value, events: changes.events };
  }

  async function trim(trx: Kysely<DB>, tenantId: string): Promise<void> {
    if (retainEvents === null) return;
    const { head, floor } = await readLogBounds(trx, tenantId);
    if (head - floor > retainEvents + pruneStep) await raiseLogFloor(trx, tenantId, head - retainEvents);
  }

  /** Runs the group's writes in one transaction; a write that throws is undone to its savepoint. */
  async function writeGroup(group: readonly Pending[]): Promise<Outcome[]> {
    return database.write(async (trx) => {
      const outcomes: Outcome[] = [];
      if (group.length === 1 && group[0]) {
        // Alone, a failure rolls the whole transaction back, as it always did.
        outcomes.push({ ok: true, ...(await runOne(trx, group[0])) });
      } else {
        for (const write of group) {
          await trx.executeQuery(SAVEPOINT);
          try {
            outcomes.push({ ok: true, ...(await runOne(trx, write)) });
          } catch (error) {
            await trx.executeQuery(ROLLBACK_TO_SAVEPOINT);
            outcomes.push({ ok: false, error });
          }
          await trx.executeQuery(RELEASE_SAVEPOINT);
        }
      }
      const tenants = new Set<string>();
      group.forEach((write, i) => {
        const outcome = outcomes[i];
        if (outcome?.ok && outcome.events.length > 0) tenants.add(write.tenantId);
      });
      for (const tenantId of tenants) await trim(trx, tenantId);
      return outcomes;
    });
  }

  async function flush(): Promise<void> {
    const group = waiting.slice(0, maxGroup);
    waiting = waiting.slice(group.length);
    if (waiting.length > 0) void exclusive(flush);
    let outcomes: Outcome[];
    try {
      outcomes = await writeGroup(group);
    } catch (error) {
      // Nothing of the group was committed.
      for (const write of group) write.reject(error);
      return;
    }
    // One push per tenant for the whole group (its writes' events are consecutive seqs of that
    // tenant, in order): each push is one frame to every socket of the tenant, so a group of ten
    // webhooks with 200 agents connected sends 200 frames instead of 2,000.
    const pushes = new Map<string, ChangeEvent[]>();
    group.forEach((write, i) => {
      const outcome = outcomes[i];
      if (!outcome?.ok || outcome.events.length === 0) return;
      const events = pushes.get(write.tenantId);
      if (events) events.push(...outcome.events);
      else pushes.set(write.tenantId, [...outcome.events]);
    });
    const pushFailed = new Map<string, unknown>();
    for (const [tenantId, events] of pushes) {
      try {
        publisher.publish(tenantId, events);
      } catch (error) {
        pushFailed.set(tenantId, error);
      }
    }
    group.forEach((write, i) => {
      const outcome = outcomes[i];
      if (!outcome) return write.reject(new Error('A grouped write has no outcome.'));
      if (!outcome.ok) return write.reject(outcome.error);
      if (outcome.events.length > 0 && pushFailed.has(write.tenantId)) return write.reject(pushFailed.get(write.tenantId));
      write.resolve(outcome.value);
    });
  }

  return {
    run: <T>(tenantId: string, body: (ctx: WriteContext) => Promise<T>) => {
      let settle = () => undefined as void;
      const settled = new Promise<void>((resolve) => (settle = resolve));
      const result = new Promise<T>((resolve, reject) => {
        waiting.push({ tenantId, body, resolve: resolve as (value: unknown) => void, reject, settled });
        if (waiting.length === 1) defer(() => void exclusive(flush));
      });
      result.then(settle, settle);
      return result;
    },
    // The last write queued so far finishes last: groups run in queue order, and a flush that
    // leaves writes behind queues the next one before anything queued after it.
    idle: async () => {
      const last = waiting.at(-1)?.settled;
      await exclusive(async () => undefined);
      await last;
    },
  };
}
