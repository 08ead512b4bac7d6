// Tenants, agents, queues and sessions: the slowly changing rows around the conversations.
import type { Kysely } from 'kysely';
import type { Agent, AgentRole, Queue } from '../../shared/domain';
import type { DB } from '../db/schema';

export interface TenantRow {
  id: string;
  slug: string;
  name: string;
  webhookSecretHash: string;
}

export async function findTenantBySlug(db: Kysely<DB>, slug: string): Promise<TenantRow | null> {
  const row = await db.selectFrom('tenants').selectAll().where('slug', '=', slug).executeTakeFirst();
  return row ? { id: row.id, slug: row.slug, name: row.name, webhookSecretHash: row.webhook_secret_hash } : null;
}

export async function getTenant(db: Kysely<DB>, id: string): Promise<TenantRow> {
  const row = await db.selectFrom('tenants').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  return { id: row.id, slug: row.slug, name: row.name, webhookSecretHash: row.webhook_secret_hash };
}

export async function countTenants(db: Kysely<DB>): Promise<number> {
  const row = await db.selectFrom('tenants').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface AgentLogin extends Agent {
  tenantId: string;
  passwordHash: string;
}

export async function findAgentByEmail(db: Kysely<DB>, email: string): Promise<AgentLogin | null> {
  const row = await db.selectFrom('agents').selectAll().where('email', '=', email).executeTakeFirst();
  return row
    ? { id: row.id, name: row.name, email: row.email, role: row.role as AgentRole, tenantId: row.tenant_id, passwordHash: row.password_hash }
    : null;
}

export async function listAgents(db: Kysely<DB>, tenantId: string): Promise<Agent[]> {
  const rows = await db.selectFrom('agents').select(['id', 'name', 'email', 'role']).where('tenant_id', '=', tenantId).orderBy('name').execute();
  return rows.map((r) => ({ ...r, role: r.role as AgentRole }));
}

export async function listQueues(db: Kysely<DB>, tenantId: string): Promise<Queue[]> {
  return db.selectFrom('queues').select(['id', 'name']).where('tenant_id', '=', tenantId).orderBy('position').execute();
}

/** New conversations land in the tenant's first queue. */
export async function firstQueueId(db: Kysely<DB>, tenantId: string): Promise<string> {
  const row = await db
    .selectFrom('queues')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .orderBy('position')
    .limit(1)
    .executeTakeFirst();
  if (!row) throw new Error(`Tenant ${tenantId} has no queue.`);
  return row.id;
}

export async function createSession(
  db: Kysely<DB>,
  session: { tokenHash: string; agentId: string; tenantId: string; now: number },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({ token_hash: session.tokenHash, agent_id: session.agentId, tenant_id: session.tenantId, created_at: session.now })
    .execute();
}

export interface Session {
  agentId: string;
  tenantId: string;
}

export async function findSession(db: Kysely<DB>, tokenHash: string): Promise<Session | null> {
  const row = await db
    .selectFrom('sessions')
    .select(['agent_id', 'tenant_id'])
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  return row ? { agentId: row.agent_id, tenantId: row.tenant_id } : null;
}

export async function agentRole(db: Kysely<DB>, tenantId: string, agentId: string): Promise<AgentRole | null> {
  const row = await db.selectFrom('agents').select('role').where('tenant_id', '=', tenantId).where('id', '=', agentId).executeTakeFirst();
  return row ? (row.role as AgentRole) : null;
}
