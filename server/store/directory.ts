// Tenants, agents, queues and sessions: the slowly changing rows around the conversations.
import type { Kysely } from 'kysely';
import type { Agent, AgentProfile, AgentRole, AgentStatus, Queue, RoutingMode } from '../../shared/domain';
import { compiled, fixedLimit } from '../db/compiled';
import type { DB } from '../db/schema';

export interface TenantRow {
  id: string;
  slug: string;
  name: string;
  webhookSecretHash: string;
}

const tenantBySlug = compiled((db, p: { slug: string }) => db.selectFrom('tenants').selectAll().where('slug', '=', p.slug));

export async function findTenantBySlug(db: Kysely<DB>, slug: string): Promise<TenantRow | null> {
  const row = await tenantBySlug.first(db, { slug });
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

export async function listAgents(db: Kysely<DB>, tenantId: string): Promise<AgentProfile[]> {
  const [rows, memberships] = await Promise.all([
    db.selectFrom('agents').select(['id', 'name', 'email', 'role', 'status', 'capacity', 'seq']).where('tenant_id', '=', tenantId).orderBy('name').execute(),
    db.selectFrom('agent_queues').select(['agent_id', 'queue_id']).where('tenant_id', '=', tenantId).execute(),
  ]);
  const queueIds = new Map<string, string[]>();
  for (const m of memberships) queueIds.set(m.agent_id, [...(queueIds.get(m.agent_id) ?? []), m.queue_id]);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    email: r.email,
    role: r.role as AgentRole,
    status: r.status as AgentStatus,
    capacity: Number(r.capacity),
    queueIds: (queueIds.get(r.id) ?? []).sort(),
    seq: Number(r.seq),
  }));
}

export async function getAgentProfile(db: Kysely<DB>, tenantId: string, agentId: string): Promise<AgentProfile | null> {
  return (await listAgents(db, tenantId)).find((a) => a.id === agentId) ?? null;
}

export async function listQueues(db: Kysely<DB>, tenantId: string): Promise<Queue[]> {
  const rows = await db.selectFrom('queues').select(['id', 'name', 'routing']).where('tenant_id', '=', tenantId).orderBy('position').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, routing: r.routing as RoutingMode }));
}

const firstQueueRow = compiled((db, p: { tenantId: string }) =>
  db.selectFrom('queues').select(['id', 'routing']).where('tenant_id', '=', p.tenantId).orderBy('position').limit(fixedLimit(1)),
);

/** New conversations land in the tenant's first queue. */
export async function firstQueue(db: Kysely<DB>, tenantId: string): Promise<{ id: string; routing: RoutingMode }> {
  const row = await firstQueueRow.first(db, { tenantId });
  if (!row) throw new Error(`Tenant ${tenantId} has no queue.`);
  return { id: row.id, routing: row.routing as RoutingMode };
}

export async function firstQueueId(db: Kysely<DB>, tenantId: string): Promise<string> {
  return (await firstQueue(db, tenantId)).id;
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
