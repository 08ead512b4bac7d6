import type { Kysely } from 'kysely';
import type { Migration } from '../migrate';
import type { DB } from '../schema';

// Every inbound message looks up its contact's latest (and latest open) conversation and routes the
// queue oldest first. Without these both walked all of the tenant's conversations by recency or
// sorted every queued one, a cost that grew with the tenant. The id ends each index because the
// queries break ties by it, so the index alone gives their total order.
async function up(db: Kysely<DB>): Promise<void> {
  await db.schema.createIndex('conversations_contact_recent').on('conversations').columns(['tenant_id', 'contact_id', 'last_message_at', 'id']).execute();
  await db.schema.createIndex('conversations_status_created').on('conversations').columns(['tenant_id', 'status', 'created_at', 'id']).execute();
}

export const conversationLookups: Migration = {
  version: 9,
  name: 'conversation_lookups',
  up: (db: Kysely<DB>) => up(db),
};
