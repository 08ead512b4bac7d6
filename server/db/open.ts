// The one place that picks the SQL dialect.
import type { Database } from './database';
import { openSqlite } from './sqlite';

export function openDatabase(options: { dataDir: string; databaseUrl: string | null }): Database {
  if (options.databaseUrl !== null) {
    throw new Error(
      'DATABASE_URL is set, but this build ships only the embedded SQLite dialect. Unset DATABASE_URL to use it.',
    );
  }
  return openSqlite(options.dataDir);
}
