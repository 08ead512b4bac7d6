// The storage handle the rest of the server uses. Business code only ever sees Kysely and this
// interface, never a driver, so a second dialect (PostgreSQL via DATABASE_URL) plugs in here.
import type { Kysely } from 'kysely';
import type { DB } from './schema';

export interface Database {
  /** For reads. */
  readonly db: Kysely<DB>;
  /**
   * Runs `fn` in one transaction that holds the write lock from its first statement, so that
   * concurrent writers (also in other processes sharing the database) queue up instead of
   * deadlocking when they upgrade a read to a write, and so that a read-then-write inside `fn`
   * (idempotency checks, dedupe by external id) cannot race another writer.
   */
  write<T>(fn: (trx: Kysely<DB>) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
