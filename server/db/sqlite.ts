// SQLite dialect: one better-sqlite3 connection per process in WAL mode.
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { CompiledQuery, Kysely, SqliteDialect, type SqliteDatabase } from 'kysely';
import type { Database } from './database';
import { messageIndexQueue } from './messageIndexQueue';
import type { DB } from './schema';

export const SQLITE_FILE_NAME = 'agent-desk.sqlite';

// Writers from another process wait this long for the lock before failing.
const BUSY_TIMEOUT_MS = 10_000;

/** Prepared statements kept per connection; Kysely's SQL texts repeat, their parameters vary. */
const STATEMENT_CACHE_SIZE = 500;

/**
 * The connection as Kysely's SQLite driver sees it, with prepared statements reused by SQL text.
 * The driver prepares every query it runs, and preparing (parsing and planning the SQL) cost more
 * than running it for the short queries of an inbound webhook. A statement still iterating (a
 * streamed select) is never handed out twice; the least recently used one is dropped when full.
 */
export function withStatementCache(connection: BetterSqlite3.Database, size = STATEMENT_CACHE_SIZE): SqliteDatabase {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => connection.close(),
    prepare(text) {
      const cached = statements.get(text);
      if (cached && !cached.busy) {
        // Map order is insertion order: re-inserting keeps the most recently used last.
        statements.delete(text);
        statements.set(text, cached);
        return cached;
      }
      const statement = connection.prepare(text);
      if (cached) return statement;
      statements.set(text, statement);
      if (statements.size > size) {
        const oldest = statements.keys().next();
        if (!oldest.done) statements.delete(oldest.value);
      }
      return statement;
    },
  };
}

const BEGIN_IMMEDIATE = CompiledQuery.raw('begin immediate');
const COMMIT = CompiledQuery.raw('commit');
const ROLLBACK = CompiledQuery.raw('rollback');

export function openSqlite(dataDir: string): Database {
  fs.mkdirSync(dataDir, { recursive: true });
  const connection = new BetterSqlite3(path.join(dataDir, SQLITE_FILE_NAME));
  connection.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  connection.pragma('journal_mode = WAL');
  connection.pragma('synchronous = NORMAL');
  connection.pragma('foreign_keys = ON');
  // Each grouped write runs in a savepoint, and a savepoint's journal of the pages it changed
  // spills to a temporary file beyond 64 KiB, which one inbound message's pages exceed. In memory
  // it is a copy; in a file a write and a truncate per write. It only ever undoes a savepoint: the
  // WAL and its durability are unchanged.
  connection.pragma('temp_store = MEMORY');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(connection) }) });
  const applyIndexQueue = messageIndexQueue();

  return {
    db,
    // A plain BEGIN takes the write lock only at the first write; two processes that both read
    // first would then deadlock (SQLITE_BUSY). BEGIN IMMEDIATE queues them on busy_timeout instead.
    write: (fn) =>
      db.connection().execute(async (conn) => {
        await conn.executeQuery(BEGIN_IMMEDIATE);
        try {
          const result = await fn(conn);
          // The word index takes the transaction's messages before they commit (messageIndexQueue.ts).
          await applyIndexQueue(conn);
          await conn.executeQuery(COMMIT);
          return result;
        } catch (error) {
          if (connection.inTransaction) await conn.executeQuery(ROLLBACK);
          throw error;
        }
      }),
    close: () => db.destroy(),
  };
}
