// kill -9 of the core process (host mode) with unsent work: entries written while the backend was
// down, and entries being sent at the moment of the crash. After restarting, each entry reaches
// the server exactly once and in the order written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AGENTS } from '../../shared/demo';
import { startBackend, type Backend } from '../backend';
import { dumpClientCache } from './canonical';
import { hostClient, login, value, type HostClient } from './clients';
import { expectConverged, settled, type Participant } from './converge';
import { firstOwnConversation } from './setup';

describe('core process killed with a pending outbox', () => {
  let backend: Backend;
  let client: HostClient;
  let me: Participant;
  let conversationId: string;

  beforeAll(async () => {
    backend = await startBackend({ seed: 'demo', carrierDelayScale: 0.01 });
    client = await hostClient({ name: 'alex-host', serverUrl: backend.url });
    me = { client, token: (await backend.login(DEMO_AGENTS[0].email)).token };
    await login(client, backend.url, DEMO_AGENTS[0].email);
    await settled(backend.url, [me]);
    conversationId = await firstOwnConversation(client);
  });

  afterAll(async () => {
    await client?.host.stop();
    await backend?.stop();
  });

  /** Server messages carrying the given client ids, in server order. */
  async function delivered(clientIds: readonly string[]): Promise<Array<{ clientId: string | null; body: string }>> {
    const history = await backend.history(me.token, conversationId);
    return history.filter((m) => m.clientId !== null && clientIds.includes(m.clientId));
  }

  it('sends entries written offline exactly once, in order, after kill -9 and restart', async () => {
    await backend.stop();
    const bodies = Array.from({ length: 5 }, (_, i) => `offline ${i}`);
    const written: string[] = [];
    for (const body of bodies) written.push((await value(client, 'message.send', { conversationId, body })).id);
    const queued = await value(client, 'outbox.list', {});
    expect(queued.map((e) => e.id)).toEqual(written);

    await client.host.kill('SIGKILL');
    expect(dumpClientCache(client.dataDir).outbox.map((e) => e.id), 'the outbox survived the crash').toEqual(written);
    await backend.restart();
    await client.host.restart();
    await expectConverged(backend.url, [me]);

    const sent = await delivered(written);
    expect(sent.map((m) => m.clientId), 'each entry once, in order').toEqual(written);
    expect(sent.map((m) => m.body)).toEqual(bodies);
  });

  it('sends entries exactly once when the crash hits while they are being sent', async () => {
    const bodies = Array.from({ length: 12 }, (_, i) => `crash while sending ${i}`);
    const written: string[] = [];
    for (const body of bodies) written.push((await value(client, 'message.send', { conversationId, body })).id);
    await client.host.kill('SIGKILL');
    const left = dumpClientCache(client.dataDir).outbox.length;

    await client.host.restart();
    await expectConverged(backend.url, [me]);
    const sent = await delivered(written);
    expect(sent.map((m) => m.clientId), `each entry once, in order (${left} were unsent at the crash)`).toEqual(written);
    expect(sent.map((m) => m.body)).toEqual(bodies);
  });
});
