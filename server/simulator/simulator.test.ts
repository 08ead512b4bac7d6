// The simulator posts valid webhooks for every channel at a bounded rate and stops cleanly.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../shared/domain';
import { webhookSchemas } from '../../shared/protocol';
import { type Backend, connectAgent, startBackend } from '../../testing/backend';
import { makePeople } from '../seed/people';
import { createRandom } from '../seed/prng';
import { startSimulator } from './simulator';
import { syntheticTargets } from './targets';
import { reachableChannel, webhookBody } from './traffic';

describe('webhookBody', () => {
  it('produces a body every channel schema accepts, for openings and follow-ups', () => {
    const random = createRandom(3);
    const [person] = makePeople(random, 1);
    for (const channel of CHANNELS) {
      for (const opening of [true, false]) {
        const target = { channel, name: person!.name, phone: person!.phone, email: person!.email, psid: person!.psid };
        const body = webhookBody(random, target, channel, `x-${channel}`, opening);
        expect(webhookSchemas[channel].safeParse(body).success).toBe(true);
      }
    }
  });

  it('answers a voice conversation by SMS and falls back to a channel the customer can use', () => {
    const base = { name: 'Ann Lee', phone: '+1 555 0100 1000', email: null, psid: null };
    expect(reachableChannel({ ...base, channel: 'voice' }, false)).toBe('sms');
    expect(reachableChannel({ ...base, channel: 'voice' }, true)).toBe('voice');
    expect(reachableChannel({ ...base, channel: 'email' }, false)).toBe('whatsapp');
    expect(reachableChannel({ ...base, phone: null, channel: 'sms' }, false)).toBeNull();
  });
});

describe('startSimulator', () => {
  let backend: Backend;
  beforeAll(async () => {
    backend = await startBackend({ seed: 'minimal' });
  });
  afterAll(async () => {
    await backend?.stop();
  });

  it('sends customer traffic through the webhooks until stopped', async () => {
    const errors: unknown[] = [];
    const random = createRandom(11);
    const simulator = startSimulator({
      url: backend.url,
      targets: syntheticTargets(random, 50),
      random,
      newId: randomUUID,
      onError: (error) => errors.push(error),
      rate: 40,
    });
    // Wait for traffic rather than a fixed time: a loaded machine sends fewer per second.
    const deadline = Date.now() + 30_000;
    while (simulator.stats().sent < 15 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    await simulator.stop();
    const stats = simulator.stats();
    expect(errors).toEqual([]);
    expect(stats.failed).toBe(0);
    expect(stats.sent).toBeGreaterThanOrEqual(15);

    const agent = await connectAgent(backend.url, (await backend.login()).token);
    try {
      const snapshot = await agent.request('sync.snapshot', { messagesPerConversation: 200 });
      expect(snapshot.messages).toHaveLength(stats.sent);
      // Follow-ups land in existing conversations: fewer conversations than messages.
      expect(snapshot.conversations.length).toBeLessThan(stats.sent);
      await new Promise((r) => setTimeout(r, 200));
      expect(simulator.stats().sent).toBe(stats.sent);
    } finally {
      agent.close();
    }
  });
});
