// Opens the cache with the outbox attached, applies pragmas and migrations, and checks the cache's
// integrity. One connection serves both files so that an outbox entry and its optimistic effect
// on the cache are written in one transaction.
//
// A full `quick_check` reads every page (seconds on a 1M-message cache), so it runs only when the
// last session did not close the file cleanly: a marker file exists from open until close. After a
// clean close the schema and the first page of every table are probed; damage anywhere else shows
// up as SQLITE_CORRUPT on the query that meets it, and the core rebuilds the cache then.
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { migrate, NewerSchemaError } from './migrations';
import { CACHE_MIGRATIONS, OUTBOX_MIGRATIONS } from './schema';

export interface DbFiles {
  cacheFile: string;
  outboxFile: string;
  nativeBinding?: string;
}

export const BUSY_TIMEOUT_MS = 5_000;

/**
 * Thrown when the cache file cannot be used; the outbox file is never the culprit here. Either it
 * is damaged, or a newer version of the app wrote it (the agent went back to an older version):
 * both end the same way, but the agent is told which.
 */
export class CacheUnusableError extends Error {
  readonly fromNewerApp: boolean;

  constructor(override readonly cause: unknown) {
    const fromNewerApp = cause instanceof NewerSchemaError;
    const why = fromNewerApp ? 'was written by a newer version of the app' : 'is damaged';
    super(`The local cache file ${why}: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'CacheUnusableError';
    this.fromNewerApp = fromNewerApp;
  }
}

function configureOutbox(db: Database.Database): void {
  // The outbox is the one file whose loss loses the agent's work: every commit reaches the disk.
  db.pragma('outbox.journal_mode = WAL');
  db.pragma('outbox.synchronous = FULL');
}

/** Exists while a connection has the cache open; found at open, the last one did not close. */
export const openMarkerOf = (cacheFile: string) => `${cacheFile}.open`;

/** Reads the schema and the first row of every ordinary table: a corrupt page there throws. */
function probeTables(db: Database.Database): void {
  const tables = db
    .prepare("SELECT name FROM main.sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'")
    .pluck()
    .all() as string[];
  for (const name of tables) db.prepare(`SELECT * FROM main."${name.replaceAll('"', '""')}" LIMIT 1`).all();
}

function checkIntegrity(db: Database.Database, uncleanShutdown: boolean): void {
  if (!uncleanShutdown) {
    probeTables(db);
    return;
  }
  const check = db.pragma('quick_check', { simple: true });
  if (check !== 'ok') throw new Error(`quick_check: ${String(check)}`);
}

/** Closes a connection from openDatabase and records the clean close. */
export function closeDatabase(db: Database.Database, cacheFile: string): void {
  if (!db.open) return;
  db.close();
  fs.rmSync(openMarkerOf(cacheFile), { force: true });
}

/** The cache connection's page cache, in KiB. */
export const CACHE_KIB = 16 * 1024;
/**
 * The writer's page cache while it writes a catch-up's batches, in KiB (see writer/job.ts): a
 * batch of 20,000 events at design scale dirties up to 7,400 pages (29 MB), which 16 MB did not
 * hold. 64 MB read back hardly less (38 against 59 MB per 100k events) for twice the memory.
 */
export const CATCH_UP_CACHE_KIB = 32 * 1024;
/** WAL pages (4 KiB each) after which a commit checkpoints: 64 MB. */
export const WAL_CHECKPOINT_PAGES = 16_000;
/**
 * The same in a catch-up's batches, which leave the checkpoint to one job after the last batch
 * (see writer/job.ts): 256 MB bounds the WAL meanwhile.
 */
export const WAL_CHECKPOINT_LATER_PAGES = 65_536;
/**
 * The WAL file's size kept on disk, in bytes: what the checkpoints in commits cycle through. A
 * catch-up's WAL grows past it (161 MB for 100k events at design scale); the first commit after
 * its checkpoint has been copied into the file truncates it back, where it used to keep that size
 * until the app closed.
 */
export const WAL_KEPT_BYTES = 64 * 1024 * 1024;

function openCacheFile(files: DbFiles): Database.Database {
  const options: Database.Options = files.nativeBinding ? { nativeBinding: files.nativeBinding } : {};
  return new Database(files.cacheFile, options);
}

/** The pragmas every cache connection runs with (journal_mode=WAL is stored in the file itself). */
export function configureCache(db: Database.Database): void {
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  // The cache is rebuilt from the server if a power cut loses its last commits.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  // 16 MB of page cache instead of SQLite's 2 MB: a catch-up page rewrites the rows and inbox
  // index entries of every conversation it touches, more pages than 2 MB hold, so the write
  // spilled to the WAL before its commit and read the pages back for the next page.
  db.pragma(`cache_size = -${CACHE_KIB}`);
  // Checkpoint every 64 MB of WAL instead of every 4 MB: a sync page rewrites the same
  // conversation rows and index pages again and again, and each checkpoint copies the pages
  // dirtied since the last one into the file, so fewer checkpoints copy each page fewer times.
  db.pragma(`wal_autocheckpoint = ${WAL_CHECKPOINT_PAGES}`);
  db.pragma(`journal_size_limit = ${WAL_KEPT_BYTES}`);
  // Statement journals (the pages a statement changes, kept in case it fails halfway) in memory
  // instead of a temporary file. An upsert with triggers keeps one, and once one outgrows
  // SQLite's 64 KiB it moves to a file: on the writer's connection every later statement of a
  // catch-up batch then wrote its pages there (~940 MB per 100k events at design scale, never read
  // back); on the core's, which writes live batches, a new file was created, written and unlinked
  // ~40 times a second at 200 messages a second. In memory it holds one statement's pages at a time.
  db.pragma('temp_store = MEMORY');
}

function attachOutbox(db: Database.Database, files: DbFiles): void {
  db.prepare('ATTACH DATABASE ? AS outbox').run(files.outboxFile);
  configureOutbox(db);
}

/**
 * A second connection to cache + outbox, for the thread that writes sync batches. The files are
 * already open, migrated and checked by openDatabase's connection, which stays open longer than
 * this one and records the clean close; this one only needs the same pragmas.
 */
export function openWriterConnection(files: DbFiles): Database.Database {
  const db = openCacheFile(files);
  try {
    configureCache(db);
    attachOutbox(db, files);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

/**
 * Opens cache + outbox. Throws CacheUnusableError when the cache file is corrupt or unreadable
 * (the caller moves it aside and tries again); other errors propagate as they are.
 */
export function openDatabase(files: DbFiles): Database.Database {
  const marker = openMarkerOf(files.cacheFile);
  const uncleanShutdown = fs.existsSync(marker);
  let db: Database.Database;
  try {
    db = openCacheFile(files);
  } catch (e) {
    throw new CacheUnusableError(e);
  }
  try {
    try {
      configureCache(db);
      db.pragma('journal_mode = WAL');
      checkIntegrity(db, uncleanShutdown);
      migrate(db, 'main', CACHE_MIGRATIONS);
    } catch (e) {
      throw new CacheUnusableError(e);
    }
    attachOutbox(db, files);
    migrate(db, 'outbox', OUTBOX_MIGRATIONS);
    fs.writeFileSync(marker, '');
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}
