// kill -9 of the backend in the middle of a bootstrap and in the middle of a catch-up: after the
// restart the client resumes where its cursor says (not from scratch) and converges.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AGENTS } from '../../shared/demo';
import { startBackend, type Backend } from '../backend';
import { dumpClientCache } from './canonical';
import { inProcessClient, login, type InProcessClient } from './clients';
import { expectConverged, type Participant } from './converge';
import { customerBurst } from './customers';
import { waitFor } from './poll';

describe('backend killed mid-sync', () => {
  let backend: Backend;
  let client: InProcessClient;
  let me: Participant;

  beforeAll(async () => {
    backend = await startBackend({ seed: 'demo', carrierDelayScale: 0.01 });
    // Small pages: the demo bootstrap takes ~30 snapshot pages and a catch-up many pulls, so both
    // can be interrupted in the middle.
    client = inProcessClient({ name: 'alex', serverUrl: backend.url, sync: { snapshotPageSize: 10, pullLimit: 20 } });
    me = { client, token: (await backend.login(DEMO_AGENTS[0].email)).token };
  });

  afterAll(async () => {
    await client?.stop();
    await backend?.stop();
  });

  it('resumes a bootstrap interrupted by kill -9 at the next page and converges', async () => {
    let killed: Promise<void> | null = null;
    client.tap.before = async ({ name }) => {
      if (name === 'sync.snapshot' && client.tap.requestsOf('sync.snapshot').length === 4 && !killed) {
        killed = backend.kill();
        await killed;
      }
    };
    await client.start();
    await login(client, backend.url, DEMO_AGENTS[0].email);
    await waitFor('the backend to be killed on the 4th snapshot page', () => killed !== null);
    await killed;
    client.tap.before = null;

    const partial = dumpClientCache(client.dataDir);
    expect(partial.localSeq, 'no cursor before the bootstrap ends').toBeNull();
    expect(Object.keys(partial.state.conversations)).toHaveLength(30);

    const requestsBeforeRestart = client.tap.requests.length;
    await backend.restart();
    await expectConverged(backend.url, [me]);
    const resumed = client.tap.requests.slice(requestsBeforeRestart).find((r) => r.name === 'sync.snapshot');
    expect(resumed?.body, 'the bootstrap resumes with the stored page cursor').toMatchObject({ cursor: expect.any(String) });
  });

  it('resumes a catch-up interrupted by kill -9 from the last applied page and converges', async () => {
    await client.stop();
    const before = dumpClientCache(client.dataDir).localSeq ?? 0;
    // ~330 change events while the client is offline: 17 pulls of 20.
    await customerBurst(backend, 150, 30, 'catchup');

    let killed: Promise<void> | null = null;
    let pulls = 0;
    client.tap.before = async ({ name }) => {
      if (name === 'sync.pull' && ++pulls === 4 && killed === null) {
        killed = backend.kill();
        await killed;
      }
    };
    const requestsBeforeStart = client.tap.requests.length;
    await client.start();
    await waitFor('the backend to be killed on the 4th pull', () => killed !== null);
    await killed;
    client.tap.before = null;
    // Pages are written while the next ones are pulled: the three pulled before the kill are all
    // applied, whichever of them was still being written when the pull failed.
    const killedAt = before + 60;
    await waitFor('three pages applied', () => dumpClientCache(client.dataDir).localSeq === killedAt);

    const requestsBeforeRestart = client.tap.requests.length;
    await backend.restart();
    await expectConverged(backend.url, [me]);
    const firstPulls = client.tap.requests.slice(requestsBeforeStart).filter((r) => r.name === 'sync.pull');
    expect(firstPulls[0]?.body).toMatchObject({ after: before });
    const resumed = client.tap.requests.slice(requestsBeforeRestart).find((r) => r.name === 'sync.pull');
    expect(resumed?.body, 'the catch-up resumes from the cursor stored with the last page').toMatchObject({ after: killedAt });
  });
});
