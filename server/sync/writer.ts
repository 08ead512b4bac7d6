// The single write path: every mutation of tenant data runs through `run`, which opens a locking
// transaction, hands the body a change recorder, trims the log to the retention limit, commits,
// and only then publishes the recorded events to the tenant's live subscribers.
import type { Kysely } from 'kysely';
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
}

export function createWriter({ database, publisher, now, retainEvents }: WriterOptions): Writer {
  // Commit and publish happen inside one section, so live pushes leave in seq order.
  const exclusive = createMutex();
  // Pruning on every write would cost a delete per event; trimming in steps of ~10% is as good.
  const pruneStep = retainEvents === null ? 0 : Math.max(1, Math.ceil(retainEvents / 10));

  return {
    run: (tenantId, body) =>
      exclusive(async () => {
        const { result, events } = await database.write(async (trx) => {
          const at = now();
          const changes = createChangeRecorder(trx, tenantId, at);
          const value = await body({ trx, changes, now: at });
          if (retainEvents !== null && changes.events.length > 0) {
            const { head, floor } = await readLogBounds(trx, tenantId);
            if (head - floor > retainEvents + pruneStep) await raiseLogFloor(trx, tenantId, head - retainEvents);
          }
          return { result: value, events: changes.events };
        });
        if (events.length > 0) publisher.publish(tenantId, events);
        return result;
      }),
    idle: () => exclusive(async () => undefined),
  };
}
