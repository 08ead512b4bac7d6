// The connection drops while messages are in flight: once after the server committed a send but
// before its acknowledgement arrived, once before a send reached the server. Every message is
// stored exactly once on the server, in the order written, and once in the cache with the
// server's id.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TransportError } from '../../main/core/sync/transport';
import { startBackend, type Backend } from '../backend';
import { dumpClientCache } from './canonical';
import { value, type InProcessClient } from './clients';
import { expectConverged, type Participant } from './converge';
import { waitFor } from './poll';
import { caughtUpClient, firstOwnConversation } from './setup';

describe('socket dropped with messages in flight', () => {
  let backend: Backend;
  let client: InProcessClient;
  let me: Participant;

  beforeAll(async () => {
    backend = await startBackend({ seed: 'demo', carrierDelayScale: 0.01 });
    ({ client, me } = await caughtUpClient(backend, { name: 'alex' }));
  });

  afterAll(async () => {
    await client?.stop();
    await backend?.stop();
  });

  it('loses and duplicates nothing when the ack is lost or the send never arrives', async () => {
    const conversationId = await firstOwnConversation(client);

    let sends = 0;
    const drops: string[] = [];
    // Send #2: the server stores it, then the backend dies before the ack is read.
    client.tap.after = async ({ name }) => {
      if (name === 'message.send' && ++sends === 2) {
        drops.push('ack lost');
        await backend.kill();
        throw new TransportError('disconnected', 'Connection lost (transport close).');
      }
    };
    const bodies = Array.from({ length: 6 }, (_, i) => `in flight ${i}`);
    const written: string[] = [];
    for (const body of bodies.slice(0, 3)) written.push((await value(client, 'message.send', { conversationId, body })).id);
    await waitFor('the backend to die after committing send #2', () => drops.length === 1);
    client.tap.after = null;

    // While the backend is down the rest queue up; then the backend comes back, and the first
    // send after it is cut off before it reaches the server.
    for (const body of bodies.slice(3)) written.push((await value(client, 'message.send', { conversationId, body })).id);
    let attempts = 0;
    client.tap.before = async ({ name }) => {
      if (name === 'message.send' && ++attempts === 1) {
        drops.push('send cut off');
        await backend.kill();
      }
    };
    await backend.restart();
    await waitFor('the backend to die before the next send', () => drops.length === 2);
    client.tap.before = null;
    await backend.restart();
    await expectConverged(backend.url, [me]);

    // The optimistic id of a message is its client id.
    const history = await backend.history(me.token, conversationId);
    const ours = history.filter((m) => m.clientId !== null && written.includes(m.clientId));
    expect(ours.map((m) => m.clientId), 'each message once, in the order written').toEqual(written);
    expect(ours.map((m) => m.body)).toEqual(bodies);
    const cached = Object.entries(dumpClientCache(client.dataDir).state.messages).filter(
      ([, m]) => m.clientId !== null && written.includes(m.clientId),
    );
    expect(cached.map(([id]) => id).sort()).toEqual(ours.map((m) => m.id).sort());
  });
});
