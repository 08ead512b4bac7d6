import { type Kysely, sql } from 'kysely';
import type { Migration } from '../migrate';
import type { DB } from '../schema';

// Conversation workflow: the five statuses, waiting/inactivity times, tags and labels, links to an
// earlier conversation, closure reasons; agent availability, capacity and queue membership; queue
// routing; per-agent pins.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function up(db: Kysely<any>): Promise<void> {
  const conversations = [
    ['waiting_since', 'bigint'],
    ['previous_conversation_id', 'text'],
    ['closure_reason', 'text'],
  ] as const;
  for (const [name, type] of conversations) await db.schema.alterTable('conversations').addColumn(name, type).execute();
  await db.schema.alterTable('conversations').addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]')).execute();
  await db.schema.alterTable('conversations').addColumn('labels', 'text', (c) => c.notNull().defaultTo('[]')).execute();
  await db.updateTable('conversations').set({ status: 'active' }).where('status', '=', 'assigned').execute();
  // Best estimate for rows written before these columns: the last message tells who is waiting.
  await db
    .updateTable('conversations')
    .set({ waiting_since: sql`last_message_at`, last_inbound_at: sql`last_message_at` })
    .where('last_message_direction', '=', 'inbound')
    .execute();

  await db.schema.alterTable('agents').addColumn('status', 'text', (c) => c.notNull().defaultTo('available')).execute();
  await db.schema.alterTable('agents').addColumn('capacity', 'integer', (c) => c.notNull().defaultTo(5)).execute();
  await db.schema.alterTable('agents').addColumn('seq', 'bigint', (c) => c.notNull().defaultTo(0)).execute();

  await db.schema.alterTable('queues').addColumn('routing', 'text', (c) => c.notNull().defaultTo('manual')).execute();
  // Round robin continues after the agent who got the queue's previous conversation.
  await db.schema.alterTable('queues').addColumn('last_assigned_agent_id', 'text').execute();

  await db.schema
    .createTable('agent_queues')
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('agent_id', 'text', (c) => c.notNull().references('agents.id'))
    .addColumn('queue_id', 'text', (c) => c.notNull().references('queues.id'))
    .addPrimaryKeyConstraint('agent_queues_pk', ['agent_id', 'queue_id'])
    .execute();
  await db.schema.createIndex('agent_queues_queue').on('agent_queues').columns(['queue_id']).execute();
  // Existing agents work every queue of their tenant.
  await sql`INSERT INTO agent_queues (tenant_id, agent_id, queue_id)
    SELECT a.tenant_id, a.id, q.id FROM agents a JOIN queues q ON q.tenant_id = a.tenant_id`.execute(db);

  await db.schema
    .createTable('pins')
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('agent_id', 'text', (c) => c.notNull().references('agents.id'))
    .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id'))
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('pins_pk', ['agent_id', 'conversation_id'])
    .execute();

  // Timers sweep open conversations by their inactivity times.
  await db.schema.createIndex('conversations_tenant_inbound').on('conversations').columns(['tenant_id', 'status', 'last_inbound_at']).execute();
  await db.schema.createIndex('conversations_assignee').on('conversations').columns(['assignee_id', 'status']).execute();
}

export const workflow: Migration = {
  version: 6,
  name: 'workflow',
  up: (db: Kysely<DB>) => up(db),
};
