import type { Kysely, Selectable } from 'kysely';
import type { Contact } from '../../shared/domain';
import { compiled } from '../db/compiled';
import type { ContactHandlesTable, ContactsTable, DB, HandleKind } from '../db/schema';
import { fromContact, toContact } from './rows';

export interface Handle {
  kind: HandleKind;
  value: string;
}

/** Phone numbers arrive as "+1 (555) 010-2030" or "15550102030"; compare digits only. */
export function normalizeHandle(handle: Handle): Handle {
  if (handle.kind === 'phone') return { kind: 'phone', value: handle.value.replace(/[^0-9]/g, '') };
  if (handle.kind === 'email') return { kind: 'email', value: handle.value.trim().toLowerCase() };
  return handle;
}

const byHandle = compiled((db, p: { tenantId: string; kind: HandleKind; value: string }) =>
  db
    .selectFrom('contact_handles')
    .innerJoin('contacts', 'contacts.id', 'contact_handles.contact_id')
    .selectAll('contacts')
    .where('contact_handles.tenant_id', '=', p.tenantId)
    .where('contact_handles.kind', '=', p.kind)
    .where('contact_handles.value', '=', p.value),
);

export async function findContactByHandle(db: Kysely<DB>, tenantId: string, handle: Handle): Promise<Contact | null> {
  const { kind, value } = normalizeHandle(handle);
  const row = await byHandle.first(db, { tenantId, kind, value });
  return row ? toContact(row) : null;
}

const insertContactRow = compiled((db, row: Selectable<ContactsTable>) => db.insertInto('contacts').values(row));
const insertHandleRow = compiled((db, row: Selectable<ContactHandlesTable>) => db.insertInto('contact_handles').values(row));

export async function insertContact(
  db: Kysely<DB>,
  tenantId: string,
  contact: Contact,
  handles: readonly Handle[],
): Promise<void> {
  await insertContactRow.run(db, fromContact(tenantId, contact));
  for (const h of handles) await insertHandleRow.run(db, { tenant_id: tenantId, contact_id: contact.id, ...normalizeHandle(h) });
}

export async function getContacts(db: Kysely<DB>, tenantId: string, ids: readonly string[]): Promise<Contact[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('contacts')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return rows.map(toContact);
}

/** The address to reach a contact on a channel, or null when the contact has none there. */
export async function contactAddress(
  db: Kysely<DB>,
  contactId: string,
  kind: HandleKind,
): Promise<string | null> {
  const row = await db
    .selectFrom('contact_handles')
    .select('value')
    .where('contact_id', '=', contactId)
    .where('kind', '=', kind)
    .executeTakeFirst();
  return row?.value ?? null;
}

export async function getContact(db: Kysely<DB>, tenantId: string, id: string): Promise<Contact | null> {
  const row = await db.selectFrom('contacts').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  return row ? toContact(row) : null;
}

/** Replaces a contact's profile as the change with `seq`. */
export async function saveContactProfile(db: Kysely<DB>, tenantId: string, contact: Contact): Promise<void> {
  const row = fromContact(tenantId, contact);
  await db
    .updateTable('contacts')
    .set({ profile_json: row.profile_json, seq: row.seq })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', contact.id)
    .execute();
}
