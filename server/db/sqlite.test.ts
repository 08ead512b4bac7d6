import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { withStatementCache } from './sqlite';

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
