// Editing canned messages with the backend down: the changes show at once, reach the server in
// order once it is back (a new one keeps its id, so it can be edited before the server saw it),
// and a change the server refuses is undone and left in the outbox with its reason.
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_AGENTS, DEMO_PASSWORD } from '../../../shared/demo';
import { connectAgent, startBackend, type Backend } from '../../../testing/backend';
import { removeTempDirs } from '../testkit/fixtures';
import { startCore, synced, waitFor, type TestCore } from '../testkit/harness';

// Not the supervisor: team canned messages are refused for this agent.
const BEA = DEMO_AGENTS[1];

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
  removeTempDirs();
});

async function serverCanned(backend: Backend) {
  const { token } = await backend.login(BEA.email, DEMO_PASSWORD);
  const socket = await connectAgent(backend.url, token);
  try {
    const snapshot = await socket.request('sync.snapshot', { cursor: null, limit: 1, messagesPerConversation: 0 });
    return snapshot.canned ?? [];
  } finally {
    socket.close();
  }
}

describe('canned messages offline', () => {
  it('queues creates, edits and deletes, delivers them in order, and undoes a refused one', async () => {
    const backend = await startBackend({ seed: 'minimal', carrierDelayScale: 0.01 });
    cleanup.push(() => backend.stop());
    const core: TestCore = await startCore(backend.url);
    cleanup.push(() => core.stop());
    const h = core.handlers;
    await h['session.login']({ serverUrl: backend.url, email: BEA.email, password: DEMO_PASSWORD });
    await synced(core);
    await backend.stop();
    await waitFor('offline status', async () => (await h['connection.get']({})).status === 'offline');

    const mine = await h['canned.save']({ canned: { id: null, scope: 'personal', title: 'Sign-off', shortcut: 'beabye', category: 'Closing', body: 'Bye!' } });
    await h['canned.save']({ canned: { id: mine.id, scope: 'personal', title: 'Sign-off', shortcut: 'beabye', category: 'Closing', body: 'Cheers, {{agent_name}}' } });
    const gone = await h['canned.save']({ canned: { id: null, scope: 'personal', title: 'Typo', shortcut: 'typo', category: 'Closing', body: 'x' } });
    await h['canned.delete']({ id: gone.id });
    await h['canned.save']({ canned: { id: null, scope: 'team', title: 'Hours', shortcut: 'hours', category: 'Welcome', body: 'We are open 8–18.' } });

    const offline = await h['canned.list']({});
    expect(offline.find((c) => c.id === mine.id)).toMatchObject({ body: 'Cheers, {{agent_name}}', scope: 'personal' });
    expect(offline.map((c) => c.shortcut)).toContain('hours');
    expect(offline.map((c) => c.shortcut)).not.toContain('typo');
    // What the cache can judge is refused at once, not after reconnecting.
    await expect(h['canned.save']({ canned: { id: null, scope: 'personal', title: 'Again', shortcut: 'beabye', category: 'X', body: 'y' } })).rejects.toMatchObject({ code: 'invalid' });
    await expect(h['canned.delete']({ id: 'no-such-canned' })).rejects.toMatchObject({ code: 'notFound' });

    await backend.restart();
    await waitFor('the outbox to settle', async () => (await h['outbox.list']({})).every((e) => e.state === 'failed'), 30_000);
    await synced(core);

    const onServer = await serverCanned(backend);
    expect(onServer.find((c) => c.id === mine.id)).toMatchObject({ body: 'Cheers, {{agent_name}}', scope: 'personal' });
    expect(onServer.map((c) => c.shortcut)).not.toContain('typo');
    expect(onServer.map((c) => c.shortcut)).not.toContain('hours');

    const after = await h['canned.list']({});
    expect(after.map((c) => c.shortcut)).not.toContain('hours');
    const [refused, ...rest] = await h['outbox.list']({});
    expect(rest).toEqual([]);
    expect(refused).toMatchObject({ kind: 'canned.save', state: 'failed' });
    expect(refused?.error).toMatch(/supervisor/i);
  }, 60_000);
});
