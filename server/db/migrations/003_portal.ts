import type { Kysely } from 'kysely';
import type { Migration } from '../migrate';
import type { DB } from '../schema';

// Kysely<any>: a migration describes the schema as it was then, not the current DB type.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function up(db: Kysely<any>): Promise<void> {
  // One row per tenant, created on first use: the key that signs magic links and the reply time
  // the portal promises.
  await db.schema
    .createTable('portal_settings')
    .addColumn('tenant_id', 'text', (c) => c.primaryKey().references('tenants.id'))
    .addColumn('signing_secret', 'text', (c) => c.notNull())
    .addColumn('reply_within_minutes', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('portal_sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .execute();
}

export const portal: Migration = {
  version: 3,
  name: 'portal',
  up: (db: Kysely<DB>) => up(db),
};
