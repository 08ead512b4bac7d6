// A corrupt cache file: the core moves it aside, keeps the outbox (pending entries are delivered
// once, in order), rebuilds from the server, converges, and tells the agent.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AGENTS } from '../../shared/demo';
import { startBackend, type Backend } from '../backend';
import { dumpClientCache } from './canonical';
import { hostClient, inProcessClient, login, value, type DeskClient, type InProcessClient } from './clients';
import { expectConverged, settled, type Participant } from './converge';
import { firstOwnConversation } from './setup';
import { corruptFile } from './corrupt';

describe('corrupt cache file', () => {
  let backend: Backend;
  let token: string;

  beforeAll(async () => {
    backend = await startBackend({ seed: 'demo', carrierDelayScale: 0.01 });
    token = (await backend.login(DEMO_AGENTS[0].email)).token;
  });

  afterAll(async () => {
    await backend?.stop();
  });

  /** Queues messages with the backend down; returns their client ids. */
  async function queueOffline(client: DeskClient, tag: string): Promise<{ conversationId: string; written: string[] }> {
    const conversationId = await firstOwnConversation(client);
    await backend.stop();
    const written: string[] = [];
    for (let i = 0; i < 3; i++) written.push((await value(client, 'message.send', { conversationId, body: `${tag} ${i}` })).id);
    return { conversationId, written };
  }

  async function expectDeliveredOnce(conversationId: string, written: readonly string[]): Promise<void> {
    const history = await backend.history(token, conversationId);
    const sent = history.filter((m) => m.clientId !== null && written.includes(m.clientId)).map((m) => m.clientId);
    expect(sent, 'each kept entry delivered once, in order').toEqual(written);
  }

  const movedAside = (dataDir: string) =>
    fs.readdirSync(dataDir).filter((f) => f.startsWith('cache.sqlite.corrupt-') && !/-(wal|shm)$/.test(f));

  for (const how of ['header', 'pages'] as const) {
    it(`recovers from garbage over the ${how}, keeps the outbox and converges`, async () => {
      const client: InProcessClient = inProcessClient({ name: `alex-${how}`, serverUrl: backend.url });
      const me: Participant = { client, token };
      try {
        await client.start();
        await login(client, backend.url, DEMO_AGENTS[0].email);
        await settled(backend.url, [me]);
        const { conversationId, written } = await queueOffline(client, `kept through ${how} corruption`);
        await client.stop();

        corruptFile(`${client.dataDir}/cache.sqlite`, how);
        await backend.restart();
        await client.start();
        expect(client.notices.map((n) => n.kind), 'the agent is told').toContain('cacheRecovered');
        expect(movedAside(client.dataDir), 'the damaged file is kept aside').toHaveLength(1);

        await expectConverged(backend.url, [me]);
        await expectDeliveredOnce(conversationId, written);
      } finally {
        await client.stop();
      }
    });
  }

  it('tells the agent in host mode when the cache was found damaged at start', async () => {
    const client = await hostClient({ name: 'alex-host', serverUrl: backend.url });
    const me: Participant = { client, token };
    try {
      await login(client, backend.url, DEMO_AGENTS[0].email);
      await settled(backend.url, [me]);
      const { conversationId, written } = await queueOffline(client, 'kept in host mode');
      await client.host.kill('SIGTERM');

      corruptFile(`${client.dataDir}/cache.sqlite`, 'header');
      await backend.restart();
      await client.host.restart();
      await expectConverged(backend.url, [me]);
      await expectDeliveredOnce(conversationId, written);
      expect(dumpClientCache(client.dataDir).outbox).toEqual([]);
      // The recovery happens while the core starts, before any window or bridge client exists;
      // the notice waits in the core until a window takes it, as the renderer does when it loads.
      const taken = await client.host.api['notices.take']({});
      expect(taken.ok && taken.value.map((n) => n.kind), 'the agent is told').toContain('cacheRecovered');
      const again = await client.host.api['notices.take']({});
      expect(again.ok && again.value, 'each notice is shown once').toEqual([]);
    } finally {
      await client.host.stop();
    }
  });
});
