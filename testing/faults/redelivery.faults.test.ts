// Live events delivered twice, shuffled and stale converge to the server's state. The real
// pushes are withheld; the test feeds the core's live path (the socket's `sync.events` listener)
// with real events pulled from the server, duplicated and reordered by a seeded PRNG.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AGENTS } from '../../shared/demo';
import type { ChangeEvent } from '../../shared/protocol';
import { connectAgent, startBackend, type Backend } from '../backend';
import { dumpClientCache } from './canonical';
import { value, type InProcessClient } from './clients';
import { caughtUpClient } from './setup';
import { differences, expectConverged, settled, type Participant } from './converge';
import { customerBurst } from './customers';
import { sleep, waitFor } from './poll';
import { createPrng, envInt, type Prng } from './prng';

const SEED = envInt('FAULTS_SEED', 20_240_601);

/** Every event after `after`, straight from the server's change log. */
async function pullAll(backend: Backend, token: string, after: number): Promise<ChangeEvent[]> {
  const agent = await connectAgent(backend.url, token);
  try {
    const events: ChangeEvent[] = [];
    for (;;) {
      const page = await agent.request('sync.pull', { after: events.at(-1)?.seq ?? after, limit: 5_000 });
      if (page.mustRefetch) throw new Error(`cursor ${after} is older than the server's log`);
      events.push(...page.events);
      if (!page.hasMore) return events;
    }
  } finally {
    agent.close();
  }
}

/** Waits until the server's head has not moved for a while (carrier receipts have landed). */
async function quiescent(backend: Backend, token: string): Promise<number> {
  const agent = await connectAgent(backend.url, token);
  try {
    let head = -1;
    let stableSince = Date.now();
    return await waitFor('the server head to stop moving', async () => {
      const now = (await agent.request('sync.pull', { after: 0, limit: 1 })).head;
      if (now !== head) {
        head = now;
        stableSince = Date.now();
      }
      return Date.now() - stableSince > 600 ? head : undefined;
    });
  } finally {
    agent.close();
  }
}

/** Each event 1–3 times, shuffled, cut into pushes of 1–6 events. */
function scramble(random: Prng, events: readonly ChangeEvent[]): ChangeEvent[][] {
  const copies = random.shuffle(events.flatMap((e) => Array.from({ length: random.int(1, 3) }, () => e)));
  const pushes: ChangeEvent[][] = [];
  while (copies.length > 0) pushes.push(copies.splice(0, random.int(1, 6)));
  return pushes;
}

describe('events delivered twice and out of order', () => {
  let backend: Backend;
  let client: InProcessClient;
  let me: Participant;
  let beaToken: string;

  beforeAll(async () => {
    backend = await startBackend({ seed: 'demo', carrierDelayScale: 0.01 });
    beaToken = (await backend.login(DEMO_AGENTS[1].email)).token;
    ({ client, me } = await caughtUpClient(backend, { name: 'alex' }));
  });

  afterAll(async () => {
    await client?.stop();
    await backend?.stop();
  });

  it('converges from duplicated, shuffled and stale live pushes', async () => {
    const random = createPrng(SEED);
    const label = `FAULTS_SEED=${SEED}`;
    // Events the client has already applied, to be delivered again later as stale ones.
    const seeded = dumpClientCache(client.dataDir).localSeq ?? 0;
    await customerBurst(backend, 6, 3, 'applied');
    await settled(backend.url, [me]);
    client.tap.forwardLive = false;
    const start = dumpClientCache(client.dataDir).localSeq ?? 0;
    const stale = await pullAll(backend, me.token, seeded);
    expect(stale.at(-1)?.seq).toBe(start);

    // Every event type: new contacts, inbound messages, conversation updates, another agent's
    // replies with carrier receipts, and this agent's read markers (set from another device).
    const conversations = await customerBurst(backend, 24, 6, 'redelivery');
    for (const [i, conversationId] of conversations.entries()) {
      await backend.request(beaToken, 'message.send', { clientId: crypto.randomUUID(), conversationId, body: `reply ${i}` });
    }
    for (const conversationId of conversations.slice(0, 3)) {
      await backend.request(me.token, 'conversation.markRead', { clientId: crypto.randomUUID(), conversationId, readSeq: 1_000_000 });
    }
    const head = await quiescent(backend, me.token);
    const fresh = await pullAll(backend, me.token, start);
    expect(fresh.at(-1)?.seq).toBe(head);
    expect(new Set(fresh.map((e) => e.type)).size, 'all five event types are exercised').toBe(5);

    // 1. Contiguous blocks after the cursor, each shuffled and duplicated, with stale events from
    //    before the cursor mixed in: the live buffer alone must order them (no hole, no pull).
    const pullsBefore = client.tap.requestsOf('sync.pull').length;
    const half = fresh.slice(0, Math.floor(fresh.length / 2));
    for (let i = 0; i < half.length; i += 8) {
      const block = [...half.slice(i, i + 8), ...stale.slice(0, random.int(0, 4))];
      for (const push of [random.shuffle(block), random.shuffle(block)]) client.tap.inject({ events: push });
      await sleep(random.int(0, 3));
    }
    const appliedTo = half.at(-1)?.seq ?? start;
    await waitFor('the live path to apply the first half', () => dumpClientCache(client.dataDir).localSeq === appliedTo);
    expect(client.tap.requestsOf('sync.pull').length, 'in-order blocks need no pull').toBe(pullsBefore);

    // 2. Everything (both halves and the stale events) duplicated and in random order.
    for (const push of scramble(random, [...stale, ...fresh])) {
      client.tap.inject({ events: push });
      if (random.chance(0.3)) await sleep(random.int(0, 5));
    }
    await waitFor('the cursor to reach the head', () => dumpClientCache(client.dataDir).localSeq === head);
    const converged = await differences(backend.url, me);
    expect(converged, label).toEqual([]);

    // 3. The whole history again, after convergence: nothing may change.
    const before = dumpClientCache(client.dataDir);
    for (const push of scramble(random, fresh)) client.tap.inject({ events: push });
    await sleep(300);
    const after = dumpClientCache(client.dataDir);
    expect(after.localSeq).toBe(head);
    expect(after.state, label).toEqual(before.state);

    client.tap.forwardLive = true;
    await expectConverged(backend.url, [me], label);
    const diagnostics = await value(client, 'diagnostics.get', {});
    expect(diagnostics.localSeq).toBe(head);
  });
});
