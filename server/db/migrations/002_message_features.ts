import type { Kysely } from 'kysely';
import type { Migration } from '../migrate';
import type { DB } from '../schema';

// Replies, edits, deletions, reactions, attachments and the bot flag of a message; the customer's
// last message time of a conversation (WhatsApp's 24-hour window); uploaded files.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function up(db: Kysely<any>): Promise<void> {
  // JSON of the optional message fields (see shared/domain.ts); NULL when all are at their defaults.
  await db.schema.alterTable('messages').addColumn('extra_json', 'text').execute();
  await db.schema.alterTable('messages').addColumn('rev_seq', 'bigint', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('conversations').addColumn('last_inbound_at', 'bigint').execute();

  await db.schema
    .createTable('attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('uploaded_by', 'text', (c) => c.references('agents.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('mime_type', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('message_id', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
}

export const messageFeatures: Migration = {
  version: 2,
  name: 'message_features',
  up: (db: Kysely<DB>) => up(db),
};
