import { sql, type Kysely } from 'kysely';
import { MESSAGE_INDEX_STATEMENTS } from '../../../shared/search/messageIndex';
import type { Migration } from '../migrate';
import type { DB } from '../schema';

// Full-text indexes over messages for the server's search, the same as the desktop cache's.
export const search: Migration = {
  version: 4,
  name: 'search',
  up: async (db: Kysely<DB>) => {
    for (const statement of MESSAGE_INDEX_STATEMENTS) await sql.raw(statement).execute(db);
  },
};
