// Routing's reads: the oldest waiting conversations of the routed queues, merged across queues in
// one order (created, then id), never those of a manual queue, each queue read from its index.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeInbound } from '../operations/inboundPayload';
import { receiveInbound } from '../operations/inbound';
import { createWriter } from '../sync/writer';
import { insertConversation, openPlannedDatabase, type PlannedDatabase, TEST_TENANT } from '../test/plannedDatabase';
import { routeWaiting } from './changes';

let database: PlannedDatabase;
beforeEach(async () => {
  database = await openPlannedDatabase();
  const { db } = database;
  // q1 (manual) comes with the database; two routed queues, one agent working both, room for 4.
  for (const [id, position] of [['r1', 1], ['r2', 2]] as const) {
    await db.insertInto('queues').values({ id, tenant_id: TEST_TENANT, name: id, position, routing: 'roundRobin', last_assigned_agent_id: null }).execute();
  }
  await db
    .insertInto('agents')
    .values({ id: 'a1', tenant_id: TEST_TENANT, name: 'Ann', email: 'ann@example.com', password_hash: 'x', created_at: 1, role: 'agent', status: 'available', capacity: 4, seq: 1 })
    .execute();
  await db.insertInto('agent_queues').values([{ tenant_id: TEST_TENANT, agent_id: 'a1', queue_id: 'r1' }, { tenant_id: TEST_TENANT, agent_id: 'a1', queue_id: 'r2' }]).execute();
});
afterEach(() => database.close());

let ids = 0;
const newId = () => `m${++ids}`;

describe('routeWaiting', () => {
  it('assigns the oldest waiting conversations of the routed queues first, ties by id, leaving manual queues alone', async () => {
    const { db } = database;
    await insertConversation(db, { id: 'manual-oldest', queue_id: 'q1', created_at: 1 });
    await insertConversation(db, { id: 'c-late', queue_id: 'r1', created_at: 40 });
    await insertConversation(db, { id: 'c-first', queue_id: 'r1', created_at: 10 });
    await insertConversation(db, { id: 'c-tie-b', queue_id: 'r2', created_at: 20 });
    await insertConversation(db, { id: 'c-tie-a', queue_id: 'r2', created_at: 20 });
    await insertConversation(db, { id: 'c-no-room', queue_id: 'r2', created_at: 50 });
    const writer = createWriter({ database, publisher: { publish: () => undefined }, now: () => 100, retainEvents: null });
    const from = database.queryCount();
    expect(await writer.run(TEST_TENANT, (ctx) => routeWaiting(ctx, TEST_TENANT, newId))).toBe(4);

    const assigned = await db.selectFrom('conversations').select(['id', 'status', 'assignee_id', 'seq']).orderBy('seq').execute();
    expect(assigned.filter((c) => c.assignee_id === 'a1').map((c) => c.id)).toEqual(['c-first', 'c-tie-a', 'c-tie-b', 'c-late']);
    expect(assigned.filter((c) => c.assignee_id === null).map((c) => [c.id, c.status])).toEqual([
      ['manual-oldest', 'queued'],
      ['c-no-room', 'queued'],
    ]);
    const waitingReads = database.plans(from).filter((plan) => plan.includes('queue_id=?'));
    expect(waitingReads).toHaveLength(2);
    for (const plan of waitingReads) expect(plan).toBe('SEARCH conversations USING INDEX conversations_queue_waiting (tenant_id=? AND status=? AND queue_id=?)');
  });

  it('runs after an inbound message only when its new conversation entered a routed queue', async () => {
    const { db } = database;
    await insertConversation(db, { id: 'backlog', queue_id: 'r1', created_at: 1 });
    const writer = createWriter({ database, publisher: { publish: () => undefined }, now: () => 100, retainEvents: null });
    const inbound = (n: number) => describeInbound('sms', { externalId: `x${n}`, from: `+1 555 010 000${n}`, text: 'Hello' });
    const from = database.queryCount();
    const manual = await receiveInbound({ writer, newId }, TEST_TENANT, 'sms', inbound(1));
    // The first queue (q1) is manual: nothing was routed, no routed queue was read.
    expect(database.statements(from).filter((q) => q.includes('"routing" <>'))).toEqual([]);
    const status = async (id: string) => (await db.selectFrom('conversations').select(['status', 'assignee_id']).where('id', '=', id).executeTakeFirstOrThrow());
    expect(await status(manual.conversationId)).toEqual({ status: 'queued', assignee_id: null });
    expect(await status('backlog')).toEqual({ status: 'queued', assignee_id: null });

    await db.updateTable('queues').set({ routing: 'roundRobin' }).where('id', '=', 'q1').execute();
    await db.insertInto('agent_queues').values({ tenant_id: TEST_TENANT, agent_id: 'a1', queue_id: 'q1' }).execute();
    const routed = await receiveInbound({ writer, newId }, TEST_TENANT, 'sms', inbound(2));
    expect(await status(routed.conversationId)).toEqual({ status: 'active', assignee_id: 'a1' });
  });
});
