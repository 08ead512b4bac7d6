// A cursor older than the server's change-log retention: the pull answers mustRefetch, the core
// re-bootstraps (replacing the cache), keeps the outbox and its optimistic rows throughout, tells
// the agent, and converges; the kept entries are then delivered once, in order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackend, type Backend } from '../backend';
import { dumpClientCache } from './canonical';
import { value, type InProcessClient } from './clients';
import { expectConverged, type Participant } from './converge';
import { customerBurst } from './customers';
import { waitFor } from './poll';
import { caughtUpClient, firstOwnConversation } from './setup';

describe('cursor older than retention', () => {
  let backend: Backend;
  let client: InProcessClient;
  let me: Participant;

  beforeAll(async () => {
    backend = await startBackend({ seed: 'demo', carrierDelayScale: 0.01, retainEvents: 50 });
    ({ client, me } = await caughtUpClient(backend, { name: 'alex', sync: { snapshotPageSize: 20 } }));
  });

  afterAll(async () => {
    await client?.stop();
    await backend?.stop();
  });

  it('re-bootstraps on mustRefetch and keeps the outbox', async () => {
    const conversationId = await firstOwnConversation(client);
    await backend.stop();
    const written: string[] = [];
    for (let i = 0; i < 3; i++) written.push((await value(client, 'message.send', { conversationId, body: `kept across refetch ${i}` })).id);
    await client.stop();
    const staleCursor = dumpClientCache(client.dataDir).localSeq ?? 0;

    // ~250 events while the client is away: far more than the 50 the server keeps.
    await backend.restart();
    await customerBurst(backend, 100, 25, 'retention');

    // Sends wait until the re-bootstrap is done, so the outbox has to survive the cache wipe.
    let release = () => undefined as void;
    const released = new Promise<void>((resolve) => (release = resolve));
    client.tap.before = async ({ name }) => {
      if (name === 'message.send') await released;
    };
    const refetchAnswers: unknown[] = [];
    client.tap.after = ({ name }, answer) => {
      if (name === 'sync.pull' && (answer as { mustRefetch?: boolean }).mustRefetch) refetchAnswers.push(answer);
    };
    const requestsBefore = client.tap.requests.length;
    await client.start();
    try {
      await waitFor('the re-bootstrap to finish', () => {
        const dump = dumpClientCache(client.dataDir);
        return dump.localSeq !== null && dump.localSeq > staleCursor;
      });
      expect(refetchAnswers.length, 'the server answered mustRefetch').toBeGreaterThan(0);
      expect(client.notices.map((n) => n.kind)).toContain('mustRefetch');
      const snapshots = client.tap.requests.slice(requestsBefore).filter((r) => r.name === 'sync.snapshot');
      expect(snapshots.length, 'a fresh, paged snapshot').toBeGreaterThan(1);
      expect(snapshots[0]?.body).toMatchObject({ cursor: null });

      const during = dumpClientCache(client.dataDir);
      expect(during.outbox.map((e) => e.id), 'the outbox is kept').toEqual(written);
      const optimistic = Object.entries(during.state.messages).filter(([, m]) => m.seq === null).map(([id]) => id);
      expect(optimistic.sort(), 'unsent messages stay visible through the re-bootstrap').toEqual([...written].sort());
    } finally {
      release();
      client.tap.before = null;
      client.tap.after = null;
    }

    await expectConverged(backend.url, [me]);
    const history = await backend.history(me.token, conversationId);
    const sent = history.filter((m) => m.clientId !== null && written.includes(m.clientId)).map((m) => m.clientId);
    expect(sent, 'each kept entry delivered once, in order').toEqual(written);
  });
});
