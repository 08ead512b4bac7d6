import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from './database';
import { migrate } from './migrate';
import { MIGRATIONS } from './migrations';
import { openDatabase } from './open';
import { SQLITE_FILE_NAME } from './sqlite';

const opened: { database: Database; dir: string }[] = [];
afterEach(async () => {
  for (const { database, dir } of opened.splice(0)) {
    await database.close();
    await rm(dir, { recursive: true, force: true });
  }
});

async function fresh(): Promise<Database> {
  return (await freshIn()).database;
}

async function freshIn(): Promise<{ database: Database; dir: string }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'agent-desk-migrate-'));
  const database = openDatabase({ dataDir: dir, databaseUrl: null });
  opened.push({ database, dir });
  return { database, dir };
}

describe('migrate', () => {
  it('applies each migration once and records it', async () => {
    const database = await fresh();
    const versions = MIGRATIONS.map((m) => m.version);
    expect(await migrate(database, MIGRATIONS, () => 1)).toEqual(versions);
    expect(await migrate(database, MIGRATIONS, () => 2)).toEqual([]);
    const rows = await database.db.selectFrom('schema_migrations').selectAll().orderBy('version').execute();
    expect(rows).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name, applied_at: 1 })));
  });

  it('rolls a failing migration back completely', async () => {
    const database = await fresh();
    await migrate(database, MIGRATIONS, () => 1);
    const broken = {
      version: MIGRATIONS.length + 1,
      name: 'broken',
      up: async (db: Parameters<(typeof MIGRATIONS)[number]['up']>[0]) => {
        await db.schema.createTable('half_done').addColumn('id', 'text').execute();
        throw new Error('boom');
      },
    };
    await expect(migrate(database, [...MIGRATIONS, broken], () => 1)).rejects.toThrow('boom');
    const tables = await database.db.introspection.getTables();
    expect(tables.map((t) => t.name)).not.toContain('half_done');
    expect((await database.db.selectFrom('schema_migrations').select('version').orderBy('version').execute()).map((r) => r.version)).toEqual(
      MIGRATIONS.map((m) => m.version),
    );
  });

  it('refuses gaps in the numbering', async () => {
    const database = await fresh();
    await expect(migrate(database, [{ ...MIGRATIONS[0]!, version: 2 }], () => 1)).rejects.toThrow(/numbered/);
  });

  it('turns on WAL and foreign keys', async () => {
    const { database, dir } = await freshIn();
    await migrate(database, MIGRATIONS, () => 1);
    expect(existsSync(path.join(dir, `${SQLITE_FILE_NAME}-wal`))).toBe(true);
    await expect(
      database.write((trx) => trx.insertInto('queues').values({ id: 'q', tenant_id: 'missing', name: 'x', position: 0, routing: 'manual' }).execute()),
    ).rejects.toThrow(/FOREIGN KEY/);
  });
});
