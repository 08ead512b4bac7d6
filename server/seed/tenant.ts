// A tenant with its agents and queues; the base of every seed, and what tests use to add tenants.
import type { Agent, AgentRole, Queue, RoutingMode } from '../../shared/domain';
import { hashPassword } from '../auth/passwords';
import { sha256 } from '../auth/tokens';
import type { Database } from '../db/database';

export interface TenantSpec {
  slug: string;
  name: string;
  webhookSecret: string;
  agents: readonly { name: string; email: string; password: string; role?: AgentRole }[];
  queues: readonly string[];
  /** Routing per queue name; unnamed queues are manual (Accept only). */
  routing?: Readonly<Partial<Record<string, RoutingMode>>>;
  /** Max concurrent conversations per agent. */
  capacity?: number;
}

export const DEFAULT_CAPACITY = 5;

export interface CreatedTenant {
  tenantId: string;
  agents: Agent[];
  queues: Queue[];
}

export async function createTenant(
  database: Database,
  spec: TenantSpec,
  deps: { now: number; newId: () => string },
): Promise<CreatedTenant> {
  const hashes = await Promise.all(spec.agents.map((a) => hashPassword(a.password)));
  const tenantId = deps.newId();
  const agents: Agent[] = spec.agents.map((a) => ({ id: deps.newId(), name: a.name, email: a.email.toLowerCase(), role: a.role ?? 'agent' }));
  const queues: Queue[] = spec.queues.map((name) => ({ id: deps.newId(), name, routing: spec.routing?.[name] ?? 'manual' }));
  await database.write(async (trx) => {
    await trx
      .insertInto('tenants')
      .values({ id: tenantId, slug: spec.slug, name: spec.name, webhook_secret_hash: sha256(spec.webhookSecret), created_at: deps.now })
      .execute();
    await trx.insertInto('tenant_counters').values({ tenant_id: tenantId, last_seq: 0, log_floor: 0 }).execute();
    await trx
      .insertInto('agents')
      .values(
        agents.map((a, i) => ({
          ...a,
          role: a.role ?? 'agent',
          tenant_id: tenantId,
          password_hash: hashes[i]!,
          created_at: deps.now,
          status: 'available',
          capacity: spec.capacity ?? DEFAULT_CAPACITY,
          seq: 0,
        })),
      )
      .execute();

    await trx
      .insertInto('queues')
      .values(queues.map((q, position) => ({ ...q, tenant_id: tenantId, position })))
      .execute();
    // Every agent works every queue until an administrator narrows it.
    await trx
      .insertInto('agent_queues')
      .values(agents.flatMap((a) => queues.map((q) => ({ tenant_id: tenantId, agent_id: a.id, queue_id: q.id }))))
      .execute();
  });
  return { tenantId, agents, queues };
}
