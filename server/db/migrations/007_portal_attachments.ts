import type { Kysely } from 'kysely';
import type { Migration } from '../migrate';
import type { DB } from '../schema';

// Files a customer uploads on the portal: who uploaded them (a contact, where an agent's upload
// names the agent), so that only that customer can send or fetch them before they are sent.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('attachments').addColumn('uploaded_by_contact', 'text', (c) => c.references('contacts.id')).execute();
}

export const portalAttachments: Migration = {
  version: 7,
  name: 'portal_attachments',
  up: (db: Kysely<DB>) => up(db),
};
