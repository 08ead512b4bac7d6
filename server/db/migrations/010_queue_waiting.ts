import type { Kysely } from 'kysely';
import type { Migration } from '../migrate';
import type { DB } from '../schema';

// Routing reads each routed queue's oldest waiting conversations, once per inbound message that
// opens a conversation: by this index it reads only those, not every queued conversation.
export const queueWaiting: Migration = {
  version: 10,
  name: 'queue_waiting',
  up: async (db: Kysely<DB>) => {
    await db.schema.createIndex('conversations_queue_waiting').on('conversations').columns(['tenant_id', 'status', 'queue_id', 'created_at', 'id']).execute();
  },
};
