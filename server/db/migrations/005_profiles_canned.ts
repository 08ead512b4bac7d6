import { type Kysely, sql } from 'kysely';
import type { Migration } from '../migrate';
import type { DB } from '../schema';

// Kysely<any>: a migration describes the schema as it was then, not the current DB type.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function up(db: Kysely<any>): Promise<void> {
  // A contact's profile (address, attributes, linked records) and a conversation's linked record
  // are read and written whole, so each is one JSON column.
  await db.schema.alterTable('contacts').addColumn('profile_json', 'text').execute();
  await db.schema.alterTable('conversations').addColumn('linked_record_json', 'text').execute();
  await db.schema.alterTable('agents').addColumn('role', 'text', (c) => c.notNull().defaultTo(sql`'agent'`)).execute();

  await db.schema
    .createTable('canned_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('owner_agent_id', 'text', (c) => c.references('agents.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('shortcut', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('canned_messages_tenant').on('canned_messages').columns(['tenant_id', 'scope', 'owner_agent_id']).execute();
}

export const profilesCanned: Migration = {
  version: 5,
  name: 'profiles_canned',
  up: (db: Kysely<DB>) => up(db),
};
