// Numbered, append-only migrations, each applied in its own transaction and recorded in
// schema_migrations. Never edit a released migration; add the next number.
import type { Kysely } from 'kysely';
import type { Database } from './database';
import type { DB } from './schema';

export interface Migration {
  version: number;
  name: string;
  up(db: Kysely<DB>): Promise<void>;
}

/** Applies the pending migrations; returns the versions applied by this call. */
export async function migrate(database: Database, migrations: readonly Migration[], now: () => number): Promise<number[]> {
  if (migrations.some((m, i) => m.version !== i + 1)) {
    throw new Error('Migrations must be numbered 1, 2, 3, ... without gaps.');
  }
  await database.write((trx) =>
    trx.schema
      .createTable('schema_migrations')
      .ifNotExists()
      .addColumn('version', 'integer', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('applied_at', 'bigint', (c) => c.notNull())
      .execute(),
  );
  const applied: number[] = [];
  for (const migration of migrations) {
    // The check runs under the write lock, so two processes starting on one database at the same
    // time apply each migration exactly once.
    const ran = await database.write(async (trx) => {
      const done = await trx
        .selectFrom('schema_migrations')
        .select('version')
        .where('version', '=', migration.version)
        .executeTakeFirst();
      if (done) return false;
      await migration.up(trx);
      await trx
        .insertInto('schema_migrations')
        .values({ version: migration.version, name: migration.name, applied_at: now() })
        .execute();
      return true;
    });
    if (ran) applied.push(migration.version);
  }
  return applied;
}
