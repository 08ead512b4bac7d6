import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir, removeTempDirs } from '../testkit/fixtures';
import { isCorruptionError, moveAside } from './corruption';
import { migrate } from './migrations';
import { CacheUnusableError, closeDatabase, openDatabase, openMarkerOf, openWriterConnection, WAL_KEPT_BYTES } from './open';

describe('migrate', () => {
  it('runs each pending migration once and refuses a newer file', () => {
    const db = new Database(':memory:');
    expect(migrate(db, 'main', ['CREATE TABLE a (x)', 'CREATE TABLE b (x)'])).toBe(2);
    expect(migrate(db, 'main', ['CREATE TABLE a (x)', 'CREATE TABLE b (x)', 'CREATE TABLE c (x)'])).toBe(3);
    expect(db.pragma('user_version', { simple: true })).toBe(3);
    expect(() => migrate(db, 'main', ['CREATE TABLE a (x)'])).toThrow(/newer than this app/);
  });

  it('leaves the version untouched when a migration fails', () => {
    const db = new Database(':memory:');
    expect(() => migrate(db, 'main', ['CREATE TABLE a (x); CREATE TABLE a (y)'])).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(0);
  });
});

describe('the connections to the cache', () => {
  it('keep a WAL of 64 MB at most once checkpointed, and statement journals in memory', () => {
    const dir = tempDir();
    const files = { cacheFile: path.join(dir, 'cache.sqlite'), outboxFile: path.join(dir, 'outbox.sqlite') };
    const db = openDatabase(files);
    const writer = openWriterConnection(files);
    try {
      for (const c of [db, writer]) expect(c.pragma('journal_size_limit', { simple: true })).toBe(WAL_KEPT_BYTES);
      // 2 is MEMORY: the core's connection writes live batches, the writer's the rest.
      for (const c of [db, writer]) expect(c.pragma('temp_store', { simple: true })).toBe(2);
    } finally {
      writer.close();
      closeDatabase(db, files.cacheFile);
    }
  });
});

describe('corruption', () => {
  it('recognises damaged-file errors only', () => {
    expect(isCorruptionError(Object.assign(new Error('x'), { code: 'SQLITE_CORRUPT' }))).toBe(true);
    expect(isCorruptionError(Object.assign(new Error('x'), { code: 'SQLITE_CORRUPT_INDEX' }))).toBe(true);
    expect(isCorruptionError(Object.assign(new Error('x'), { code: 'SQLITE_NOTADB' }))).toBe(true);
    expect(isCorruptionError(Object.assign(new Error('x'), { code: 'SQLITE_CONSTRAINT' }))).toBe(false);
    expect(isCorruptionError('SQLITE_CORRUPT')).toBe(false);
  });

  it('tells a cache written by a newer app apart from a damaged one', () => {
    const dir = tempDir();
    const files = { cacheFile: path.join(dir, 'cache.sqlite'), outboxFile: path.join(dir, 'outbox.sqlite') };
    closeDatabase(openDatabase(files), files.cacheFile);
    const raw = new Database(files.cacheFile);
    raw.pragma('user_version = 999');
    raw.close();
    const error = (() => {
      try {
        openDatabase(files);
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(CacheUnusableError);
    expect(error).toMatchObject({ fromNewerApp: true, message: expect.stringMatching(/newer version/) });
    expect(moveAside(files.cacheFile, Date.UTC(2030, 0, 2, 3, 4, 5), 'newer')).toBe(`${files.cacheFile}.newer-2030-01-02T03-04-05-000Z`);
    fs.writeFileSync(files.cacheFile, Buffer.alloc(8192, 1));
    expect(() => openDatabase(files)).toThrow(expect.objectContaining({ fromNewerApp: false }) as Error);
  });

  it('refuses a garbage cache file and moves it aside with its WAL', () => {
    const dir = tempDir();
    const cacheFile = path.join(dir, 'cache.sqlite');
    fs.writeFileSync(cacheFile, Buffer.alloc(8192, 1));
    expect(() => openDatabase({ cacheFile, outboxFile: path.join(dir, 'outbox.sqlite') })).toThrow(CacheUnusableError);
    fs.writeFileSync(`${cacheFile}-wal`, 'x');
    const moved = moveAside(cacheFile, Date.UTC(2030, 0, 2, 3, 4, 5));
    expect(moved).toBe(`${cacheFile}.corrupt-2030-01-02T03-04-05-000Z`);
    expect(fs.existsSync(`${moved}-wal`)).toBe(true);
    expect(fs.existsSync(cacheFile)).toBe(false);
    const db = openDatabase({ cacheFile, outboxFile: path.join(dir, 'outbox.sqlite') });
    db.close();
  });
});

describe('integrity check at open', () => {
  /** A cache with a table of ~300 pages, closed cleanly, with garbage over pages deep inside it. */
  function damagedDeepInside(): { cacheFile: string; outboxFile: string } {
    const dir = tempDir();
    const files = { cacheFile: path.join(dir, 'cache.sqlite'), outboxFile: path.join(dir, 'outbox.sqlite') };
    const db = openDatabase(files);
    db.exec('CREATE TABLE filler (n INTEGER PRIMARY KEY, text TEXT)');
    const insert = db.prepare('INSERT INTO filler (text) VALUES (?)');
    db.transaction(() => {
      for (let i = 0; i < 2_000; i++) insert.run('x'.repeat(500));
    })();
    closeDatabase(db, files.cacheFile);
    expect(fs.existsSync(openMarkerOf(files.cacheFile)), 'a clean close leaves no marker').toBe(false);
    const size = fs.statSync(files.cacheFile).size;
    const fd = fs.openSync(files.cacheFile, 'r+');
    fs.writeSync(fd, Buffer.alloc(8 * 4096, 7), 0, 8 * 4096, Math.floor((size * 0.7) / 4096) * 4096);
    fs.closeSync(fd);
    return files;
  }

  it('after a clean close, skips the full check and leaves deep damage to the query that meets it', () => {
    const files = damagedDeepInside();
    const db = openDatabase(files);
    try {
      expect(fs.existsSync(openMarkerOf(files.cacheFile)), 'open while the connection is').toBe(true);
      let error: unknown = null;
      try {
        db.prepare('SELECT count(text) FROM filler').get();
      } catch (e) {
        error = e;
      }
      expect(isCorruptionError(error), String(error)).toBe(true);
    } finally {
      closeDatabase(db, files.cacheFile);
    }
  });

  it('after an unclean shutdown, runs the full check and refuses deep damage', () => {
    const files = damagedDeepInside();
    fs.writeFileSync(openMarkerOf(files.cacheFile), '');
    expect(() => openDatabase(files)).toThrow(CacheUnusableError);
  });

  it('after a clean close, still refuses damage over the first page of a table', () => {
    const dir = tempDir();
    const files = { cacheFile: path.join(dir, 'cache.sqlite'), outboxFile: path.join(dir, 'outbox.sqlite') };
    closeDatabase(openDatabase(files), files.cacheFile);
    const size = fs.statSync(files.cacheFile).size;
    const fd = fs.openSync(files.cacheFile, 'r+');
    fs.writeSync(fd, Buffer.alloc(size - 4096, 7), 0, size - 4096, 4096);
    fs.closeSync(fd);
    expect(() => openDatabase(files)).toThrow(CacheUnusableError);
  });
});

afterAll(removeTempDirs);
