// Seeding a new database: the demo tenant alone (minimal) or with its history (demo).
import { DEMO_AGENTS, DEMO_PASSWORD, DEMO_QUEUES, DEMO_SUPERVISOR_EMAIL, DEMO_TENANT, DEMO_WEBHOOK_SECRET } from '../../shared/demo';
import type { Database } from '../db/database';
import type { SeedMode } from '../config';
import { fromCanned, fromContact, fromConversation, fromMessage } from '../store/rows';
import { DEMO_CANNED } from './cannedSeed';
import { normalizeHandle } from '../store/contacts';
import { generateDemoData } from './demoData';
import { createRandom } from './prng';
import { demoLink, demoProfile } from './profiles';
import { createTenant, type TenantSpec } from './tenant';

export const DEMO_TENANT_SPEC: TenantSpec = {
  slug: DEMO_TENANT.slug,
  name: DEMO_TENANT.name,
  webhookSecret: DEMO_WEBHOOK_SECRET,
  agents: DEMO_AGENTS.map((a) => ({ ...a, password: DEMO_PASSWORD, role: a.email === DEMO_SUPERVISOR_EMAIL ? 'supervisor' : 'agent' })),
  queues: DEMO_QUEUES,
  // General is worked from the queue view (Accept); the others show automatic assignment.
  routing: { Billing: 'roundRobin', Technical: 'leastLoaded' },
  capacity: 8,
};

const DEMO_RANDOM_SEED = 20_240_601;
// Rows per INSERT: well under every dialect's bound-parameter limit.
const CHUNK = 200;

function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

export async function seed(database: Database, mode: Exclude<SeedMode, 'none'>, deps: { now: number; newId: () => string }): Promise<void> {
  const tenant = await createTenant(database, DEMO_TENANT_SPEC, deps);
  if (mode === 'minimal') return;

  const data = generateDemoData(createRandom(DEMO_RANDOM_SEED), deps.now, tenant.agents, tenant.queues);
  const tenantId = tenant.tenantId;
  // Profiles draw from their own stream, so adding them left the conversations unchanged.
  const profileRandom = createRandom(DEMO_RANDOM_SEED + 1);
  for (const [index, entry] of data.contacts.entries()) {
    entry.contact.profile = demoProfile(profileRandom, entry.person, index, deps.now, deps.newId).profile;
  }
  const profiles = new Map(data.contacts.map((c) => [c.contact.id, c.contact.profile!]));
  for (const conversation of data.conversations) conversation.linkedRecord = demoLink(profileRandom, profiles.get(conversation.contactId)!);
  // Rows are written directly, without change events; the floor moves to the head so clients
  // bootstrap from a snapshot instead of pulling a log that never existed.
  await database.write(async (trx) => {
    for (const part of chunks(data.contacts)) {
      await trx.insertInto('contacts').values(part.map((c) => fromContact(tenantId, c.contact))).execute();
      await trx
        .insertInto('contact_handles')
        .values(
          part.flatMap(({ contact, person }) =>
            (
              [
                { kind: 'phone', value: person.phone },
                { kind: 'email', value: person.email },
                { kind: 'psid', value: person.psid },
              ] as const
            ).map((h) => ({ tenant_id: tenantId, contact_id: contact.id, ...normalizeHandle(h) })),
          ),
        )
        .execute();
    }
    for (const part of chunks(data.conversations)) {
      await trx.insertInto('conversations').values(part.map((c) => fromConversation(tenantId, c))).execute();
    }
    for (const part of chunks(data.messages)) {
      await trx.insertInto('messages').values(part.map((m) => fromMessage(tenantId, m, null))).execute();
    }
    for (const part of chunks(data.reads)) {
      await trx
        .insertInto('read_markers')
        .values(part.map((r) => ({ tenant_id: tenantId, conversation_id: r.conversationId, agent_id: r.agentId, read_seq: r.readSeq, seq: r.seq })))
        .execute();
    }
    await trx
      .insertInto('canned_messages')
      .values(DEMO_CANNED.map((c) => fromCanned(tenantId, { ...c, id: deps.newId(), scope: 'team', ownerAgentId: null, updatedAt: deps.now, seq: data.head })))
      .execute();
    await trx.updateTable('tenant_counters').set({ last_seq: data.head, log_floor: data.head }).where('tenant_id', '=', tenantId).execute();
  });
}
