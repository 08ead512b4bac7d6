// The randomized convergence test: a seeded schedule of customer messages, sends and read marks
// from two agents (an in-process core and a host-mode core process), client stops and kill -9s,
// and backend stops and kill -9s. At the end, once everything settles, each client's cache must
// equal the server's state within its window.
//
// FAULTS_STEPS (default 300) sets the length; FAULTS_SEED replays a schedule. The seed is in the
// test name and in every assertion message.
import { isClosed } from '../../shared/workflow/transitions';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_AGENTS } from '../../shared/demo';
import type { Result } from '../../shared/ipc/result';
import { startBackend, type Backend } from '../backend';
import { hostClient, inProcessClient, login, type DeskClient, type HostClient, type InProcessClient } from './clients';
import { expectConverged, type Participant } from './converge';
import { customerSms, newPhone } from './customers';
import { sleep } from './poll';
import { createPrng, envInt, type Prng } from './prng';

const SEED = envInt('FAULTS_SEED', Math.floor(Math.random() * 2 ** 31));
const STEPS = envInt('FAULTS_STEPS', 300);
const LABEL = `FAULTS_SEED=${SEED} FAULTS_STEPS=${STEPS}`;

type Action = 'customer' | 'sendA' | 'sendB' | 'readA' | 'readB' | 'stopA' | 'killB' | 'backendDown' | 'pause';

const WEIGHTS: ReadonlyArray<[Action, number]> = [
  ['customer', 38],
  ['sendA', 14],
  ['sendB', 14],
  ['readA', 7],
  ['readB', 7],
  ['stopA', 4],
  ['killB', 3],
  ['backendDown', 3],
  ['pause', 10],
];

function nextAction(random: Prng): Action {
  let roll = random.next() * WEIGHTS.reduce((sum, [, w]) => sum + w, 0);
  for (const [action, weight] of WEIGHTS) {
    roll -= weight;
    if (roll < 0) return action;
  }
  return 'pause';
}

/**
 * An IPC call whose expected refusal (the conversation is not cached yet) is fine; anything else
 * fails the run. Returns the value, or null when refused.
 */
async function act<T>(client: DeskClient, call: () => Promise<Result<T>>, what: string): Promise<T | null> {
  const result = await call();
  if (result.ok) return result.value;
  if (result.error.code === 'notFound') return null;
  throw new Error(`${LABEL}: ${client.name}: ${what} failed: ${result.error.code}: ${result.error.message}`);
}

describe('randomized convergence', () => {
  let backend: Backend | undefined;
  let a: InProcessClient | undefined;
  let b: HostClient | undefined;

  afterAll(async () => {
    await a?.stop();
    await b?.host.stop();
    await backend?.stop();
  });

  it(`converges after a seeded schedule of traffic and faults (${LABEL})`, { timeout: 120_000 + STEPS * 250 }, async () => {
    const random = createPrng(SEED);
    const server = await startBackend({ seed: 'demo', carrierDelayScale: 0.01 });
    backend = server;
    const alex = DEMO_AGENTS[0].email;
    const bea = DEMO_AGENTS[1].email;
    const clientA = inProcessClient({ name: 'A (alex, in-process)', serverUrl: server.url });
    a = clientA;
    await clientA.start();
    await login(clientA, server.url, alex);
    const clientB = await hostClient({ name: 'B (bea, host process)', serverUrl: server.url });
    b = clientB;
    await login(clientB, server.url, bea);
    const participants: Participant[] = [
      { client: clientA, token: (await server.login(alex)).token },
      { client: clientB, token: (await server.login(bea)).token },
    ];

    // Targets in a seed-determined order: the open demo conversations and their customers, then
    // whatever the schedule's customers create.
    const snapshot = await server.request(participants[0]!.token, 'sync.snapshot', { cursor: null, limit: 2_000, messagesPerConversation: 0 });
    // WhatsApp ones are left out: free text is refused there once the customer's 24-hour window has
    // closed, and the schedule sends free text.
    const open = snapshot.conversations
      .filter((c) => !isClosed(c.status) && c.channel !== 'whatsapp')
      .sort((x, y) => (x.id < y.id ? -1 : 1));
    const conversations = open.map((c) => c.id);
    const phones = snapshot.contacts.filter((c) => c.phone !== null && open.some((o) => o.contactId === c.id)).map((c) => c.phone as string).sort();
    const externalIds: string[] = [];
    // Per client, the client ids of the messages it accepted, in the order written.
    const written = new Map<DeskClient, Array<{ clientId: string; conversationId: string }>>([
      [clientA, []],
      [clientB, []],
    ]);

    let backendDownFor = 0;
    let aDownFor = 0;
    let bDownFor = 0;
    const counts: Record<string, number> = {};
    for (let step = 0; step < STEPS; step++) {
      if (backendDownFor > 0 && --backendDownFor === 0) await server.restart();
      if (aDownFor > 0 && --aDownFor === 0) await clientA.start();
      if (bDownFor > 0 && --bDownFor === 0) await clientB.host.restart();

      const action = nextAction(random);
      counts[action] = (counts[action] ?? 0) + 1;
      const target = random.pick(conversations);
      switch (action) {
        case 'customer': {
          const retry = externalIds.length > 0 && random.chance(0.15);
          const externalId = retry ? random.pick(externalIds) : `seed-${SEED}-step-${step}`;
          const from = random.chance(0.3) || phones.length === 0 ? newPhone(SEED) : random.pick(phones);
          if (!retry) phones.push(from);
          if (backendDownFor > 0) break;
          const { conversationId } = await customerSms(server, from, `customer at step ${step}`, externalId);
          if (!retry) externalIds.push(externalId);
          if (!conversations.includes(conversationId)) conversations.push(conversationId);
          break;
        }
        case 'sendA':
        case 'sendB': {
          const client = action === 'sendA' ? clientA : clientB;
          if (client.running) {
            const body = `seed ${SEED} step ${step} from ${client.name}`;
            const message = await act(client, () => client.call('message.send', { conversationId: target, body }), 'message.send');
            if (message) written.get(client)?.push({ clientId: message.id, conversationId: target });
          }
          break;
        }
        case 'readA':
        case 'readB': {
          const client = action === 'readA' ? clientA : clientB;
          if (client.running) await act(client, () => client.call('conversation.markRead', { conversationId: target }), 'markRead');
          break;
        }
        case 'stopA':
          if (clientA.running) {
            await clientA.stop();
            aDownFor = random.int(1, 25);
          }
          break;
        case 'killB':
          if (clientB.running) {
            await clientB.host.kill('SIGKILL');
            bDownFor = random.int(1, 25);
          }
          break;
        case 'backendDown':
          if (backendDownFor === 0) {
            if (random.chance(0.5)) await server.kill();
            else await server.stop();
            backendDownFor = random.int(1, 15);
          }
          break;
        case 'pause':
          await sleep(random.int(5, 80));
          break;
      }
      // Let the cores' sockets and timers run between steps.
      await sleep(random.int(0, 4));
    }

    if (backendDownFor > 0) await server.restart();
    if (!clientA.running) await clientA.start();
    if (!clientB.running) await clientB.host.restart();
    console.log(`${LABEL}: ${JSON.stringify(counts)}`);
    await expectConverged(server.url, participants, LABEL, 90_000);

    // Exactly once, in order: each client's outbox is one serial queue, so the server's seq order
    // of its messages is the order they were written in.
    for (const [client, messages] of written) {
      expect(messages.length, `${LABEL}: ${client.name} wrote messages`).toBeGreaterThan(0);
      const touched = [...new Set(messages.map((m) => m.conversationId))];
      const stored = (await Promise.all(touched.map((id) => server.history(participants[0]!.token, id))))
        .flat()
        .filter((m) => m.body.endsWith(`from ${client.name}`) && m.body.startsWith(`seed ${SEED} `))
        .sort((x, y) => x.seq - y.seq);
      expect(stored.map((m) => m.clientId), `${LABEL}: ${client.name}: each message once, in order`).toEqual(messages.map((m) => m.clientId));
    }
  });
});
