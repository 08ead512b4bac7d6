import BetterSqlite3 from 'better-sqlite3';
import { CompiledQuery } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSqlite, withStatementCache } from './sqlite';

describe('withStatementCache', () => {
  let connection: BetterSqlite3.Database | null = null;
  afterEach(() => connection?.close());

  const open = () => {
    connection = new BetterSqlite3(':memory:');
    connection.exec('CREATE TABLE t (n INTEGER); INSERT INTO t VALUES (1), (2), (3);');
    return connection;
  };

  it('reuses the statement of a SQL text it has prepared before', () => {
    const db = withStatementCache(open());
    const first = db.prepare('SELECT n FROM t WHERE n > ?');
    expect(db.prepare('SELECT n FROM t WHERE n > ?')).toBe(first);
    expect(first.all([1])).toEqual([{ n: 2 }, { n: 3 }]);
    expect(db.prepare('SELECT n FROM t WHERE n > ?').all([2])).toEqual([{ n: 3 }]);
  });

  it('never hands out a statement that is still iterating', () => {
    const db = withStatementCache(open());
    const streaming = db.prepare('SELECT n FROM t ORDER BY n');
    const rows = streaming.iterate([]);
    expect(rows.next().value).toEqual({ n: 1 });
    const other = db.prepare('SELECT n FROM t ORDER BY n');
    expect(other).not.toBe(streaming);
    expect(other.all([])).toHaveLength(3);
    expect([...rows]).toEqual([{ n: 2 }, { n: 3 }]);
    expect(db.prepare('SELECT n FROM t ORDER BY n')).toBe(streaming);
  });

  it('keeps at most `size` statements, dropping the least recently used', () => {
    const db = withStatementCache(open(), 2);
    const a = db.prepare('SELECT 1');
    const b = db.prepare('SELECT 2');
    expect(db.prepare('SELECT 1')).toBe(a);
    db.prepare('SELECT 3');
    expect(db.prepare('SELECT 1')).toBe(a);
    expect(db.prepare('SELECT 2')).not.toBe(b);
  });
});

describe('openSqlite', () => {
  it('keeps the journals of savepoints in memory, the WAL on disk', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'agent-desk-sqlite-'));
    const database = openSqlite(dir);
    try {
      const pragma = async (name: string) => (await database.db.executeQuery(CompiledQuery.raw(`pragma ${name}`))).rows[0];
      // A grouped write's savepoint journal spills to a temporary file past 64 KiB otherwise.
      expect(await pragma('temp_store')).toEqual({ temp_store: 2 });
      expect(await pragma('journal_mode')).toEqual({ journal_mode: 'wal' });
      expect(await pragma('synchronous')).toEqual({ synchronous: 1 });
    } finally {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
