// SQLite dialect: one better-sqlite3 connection per process in WAL mode.
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import type { Database } from './database';
import type { DB } from './schema';

export const SQLITE_FILE_NAME = 'agent-desk.sqlite';

// Writers from another process wait this long for the lock before failing.
const BUSY_TIMEOUT_MS = 10_000;

export function openSqlite(dataDir: string): Database {
  fs.mkdirSync(dataDir, { recursive: true });
  const connection = new BetterSqlite3(path.join(dataDir, SQLITE_FILE_NAME));
  connection.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  connection.pragma('journal_mode = WAL');
  connection.pragma('synchronous = NORMAL');
  connection.pragma('foreign_keys = ON');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: connection }) });

  return {
    db,
    // A plain BEGIN takes the write lock only at the first write; two processes that both read
    // first would then deadlock (SQLITE_BUSY). BEGIN IMMEDIATE queues them on busy_timeout instead.
    write: (fn) =>
      db.connection().execute(async (conn) => {
        await sql`begin immediate`.execute(conn);
        try {
          const result = await fn(conn);
          await sql`commit`.execute(conn);
          return result;
        } catch (error) {
          if (connection.inTransaction) await sql`rollback`.execute(conn);
          throw error;
        }
      }),
    close: () => db.destroy(),
  };
}
