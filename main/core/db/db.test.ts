import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir, removeTempDirs } from '../testkit/fixtures';
import { isCorruptionError, moveAside } from './corruption';
import { migrate } from './migrations';
import { CacheUnusableError, openDatabase } from './open';

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

describe('corruption', () => {
  it('recognises damaged-file errors only', () => {
    expect(isCorruptionError(Object.assign(new Error('x'), { code: 'SQLITE_CORRUPT' }))).toBe(true);
    expect(isCorruptionError(Object.assign(new Error('x'), { code: 'SQLITE_CORRUPT_INDEX' }))).toBe(true);
    expect(isCorruptionError(Object.assign(new Error('x'), { code: 'SQLITE_NOTADB' }))).toBe(true);
    expect(isCorruptionError(Object.assign(new Error('x'), { code: 'SQLITE_CONSTRAINT' }))).toBe(false);
    expect(isCorruptionError('SQLITE_CORRUPT')).toBe(false);
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

afterAll(removeTempDirs);
