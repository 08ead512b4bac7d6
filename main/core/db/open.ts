// Opens the cache with the outbox attached, applies pragmas and migrations, and checks the cache's
// integrity. One connection serves both files so that an outbox entry and its optimistic effect
// on the cache are written in one transaction.
import Database from 'better-sqlite3';
import { migrate } from './migrations';
import { CACHE_MIGRATIONS, OUTBOX_MIGRATIONS } from './schema';

export interface DbFiles {
  cacheFile: string;
  outboxFile: string;
  nativeBinding?: string;
}

export const BUSY_TIMEOUT_MS = 5_000;

/** Thrown when the cache file cannot be used; the outbox file is never the culprit here. */
export class CacheUnusableError extends Error {
  constructor(override readonly cause: unknown) {
    super(`The local cache file is damaged: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'CacheUnusableError';
  }
}

function configureOutbox(db: Database.Database): void {
  // The outbox is the one file whose loss loses the agent's work: every commit reaches the disk.
  db.pragma('outbox.journal_mode = WAL');
  db.pragma('outbox.synchronous = FULL');
}

function openCacheFile(files: DbFiles): Database.Database {
  const options: Database.Options = files.nativeBinding ? { nativeBinding: files.nativeBinding } : {};
  return new Database(files.cacheFile, options);
}

/**
 * Opens cache + outbox. Throws CacheUnusableError when the cache file is corrupt or unreadable
 * (the caller moves it aside and tries again); other errors propagate as they are.
 */
export function openDatabase(files: DbFiles): Database.Database {
  let db: Database.Database;
  try {
    db = openCacheFile(files);
  } catch (e) {
    throw new CacheUnusableError(e);
  }
  try {
    try {
      db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
      db.pragma('journal_mode = WAL');
      // The cache is rebuilt from the server if a power cut loses its last commits.
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      const check = db.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw new Error(`quick_check: ${String(check)}`);
      migrate(db, 'main', CACHE_MIGRATIONS);
    } catch (e) {
      throw new CacheUnusableError(e);
    }
    db.prepare('ATTACH DATABASE ? AS outbox').run(files.outboxFile);
    configureOutbox(db);
    migrate(db, 'outbox', OUTBOX_MIGRATIONS);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}
