import { sql, type Kysely } from 'kysely';
import { MESSAGE_INDEX_QUEUE } from '../messageIndexQueue';
import type { Migration } from '../migrate';
import type { DB } from '../schema';

// messages_fts is kept through a queue applied at the end of each transaction, not by direct
// triggers (server/db/messageIndexQueue.ts says why).
export const messageIndexQueue: Migration = {
  version: 11,
  name: 'message_index_queue',
  up: async (db: Kysely<DB>) => {
    for (const statement of MESSAGE_INDEX_QUEUE) await sql.raw(statement).execute(db);
  },
};
