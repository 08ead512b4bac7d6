// Numbered, append-only migrations tracked by `PRAGMA user_version`, one transaction each, so a
// crash mid-upgrade leaves the file at a well-defined version. Never edit a shipped migration:
// append a new one.
import type Database from 'better-sqlite3';

/** Migration N (1-based) is `migrations[N - 1]`: SQL run inside one transaction. */
export type Migration = string;

/** The file was written by a newer version of the app, whose schema this one cannot read. */
export class NewerSchemaError extends Error {
  constructor(schema: string, version: number, known: number) {
    super(`${schema} database is version ${version}, newer than this app (${known}); update the app.`);
    this.name = 'NewerSchemaError';
  }
}

/** Brings `schema` (main or an attached database name) to the latest version; returns it. */
export function migrate(db: Database.Database, schema: string, migrations: readonly Migration[]): number {
  const current = db.pragma(`${schema}.user_version`, { simple: true }) as number;
  if (current > migrations.length) throw new NewerSchemaError(schema, current, migrations.length);
  for (let version = current + 1; version <= migrations.length; version++) {
    const sql = migrations[version - 1] as string;
    db.transaction(() => {
      db.exec(sql);
      // PRAGMA cannot be parameterised; `version` is a loop integer, not input.
      db.exec(`PRAGMA ${schema}.user_version = ${version}`);
    })();
  }
  return migrations.length;
}
