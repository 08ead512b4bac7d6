// Canned messages: the team's, and each agent's personal ones.
import type { Kysely } from 'kysely';
import type { CannedMessage } from '../../shared/domain';
import type { DB } from '../db/schema';
import { fromCanned, toCanned } from './rows';

/** The team's canned messages and the agent's own personal ones. */
export async function listCannedFor(db: Kysely<DB>, tenantId: string, agentId: string): Promise<CannedMessage[]> {
  const rows = await db
    .selectFrom('canned_messages')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where((eb) => eb.or([eb('scope', '=', 'team'), eb('owner_agent_id', '=', agentId)]))
    .orderBy('category')
    .orderBy('title')
    .execute();
  return rows.map(toCanned);
}

export async function getCanned(db: Kysely<DB>, tenantId: string, id: string): Promise<CannedMessage | null> {
  const row = await db.selectFrom('canned_messages').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  return row ? toCanned(row) : null;
}

/** Whether any tenant has a canned message with this id (ids are unique across tenants). */
export async function cannedIdTaken(db: Kysely<DB>, id: string): Promise<boolean> {
  return (await db.selectFrom('canned_messages').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

export async function saveCanned(db: Kysely<DB>, tenantId: string, canned: CannedMessage): Promise<void> {
  const row = fromCanned(tenantId, canned);
  await db
    .insertInto('canned_messages')
    .values(row)
    .onConflict((oc) => oc.column('id').doUpdateSet({ ...row }))
    .execute();
}

export async function deleteCanned(db: Kysely<DB>, tenantId: string, id: string): Promise<void> {
  await db.deleteFrom('canned_messages').where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

/** Whether a shortcut is taken among the canned messages the agent sees (other than `exceptId`). */
export async function shortcutTaken(db: Kysely<DB>, tenantId: string, agentId: string, shortcut: string, exceptId: string | null): Promise<boolean> {
  const visible = await listCannedFor(db, tenantId, agentId);
  return visible.some((c) => c.shortcut === shortcut && c.id !== exceptId);
}
