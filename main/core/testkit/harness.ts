// A core on a temp data directory, with the pushes it emits recorded, for integration tests.
import { DEMO_PASSWORD } from '../../../shared/demo';
import type { Notice, PushEvents } from '../../../shared/ipc/contract';
import { createCore, type Core, type CoreDeps } from '../index';
import { socketIoTransportWith } from '../sync/transport';
import { quietLog, tempDir } from './fixtures';

export interface TestCore extends Core {
  dataDir: string;
  notices: Notice[];
  connection: Array<PushEvents['connection']>;
  sessions: Array<PushEvents['session']>;
}

export async function startCore(serverUrl: string, dataDir = tempDir(), deps: Partial<CoreDeps> = {}): Promise<TestCore> {
  const core = createCore({
    dataDir,
    mode: 'host',
    version: '0.0.0-test',
    defaultServerUrl: serverUrl,
    log: quietLog,
    deps: {
      outbox: { ackTimeoutMs: 5_000, backoff: { baseMs: 100, maxMs: 1_000 } },
      sync: { retry: { baseMs: 100, maxMs: 1_000 } },
      transport: socketIoTransportWith({ reconnectDelayMaxMs: 500 }),
      ...deps,
    },
  });
  const t: TestCore = { ...core, dataDir, notices: [], connection: [], sessions: [] };
  core.on('notice', (n) => t.notices.push(n));
  core.on('connection', (c) => t.connection.push(c));
  core.on('session', (s) => t.sessions.push(s));
  await core.start();
  return t;
}

/** Polls until `check` returns a value that is not undefined/false, or fails with `what`. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Waits until the core is online, synced (no progress shown) and its cursor reached the head. */
export async function synced(core: Core, timeoutMs = 20_000): Promise<void> {
  await waitFor(
    'sync to settle',
    async () => {
      const [c, d] = await Promise.all([core.handlers['connection.get']({}), core.handlers['diagnostics.get']({})]);
      return c.status === 'online' && c.sync === null && d.serverHead !== null && d.syncLag === 0;
    },
    timeoutMs,
  );
}

/** A core logged in to the backend as the demo agent `email`, past its first sync. */
export async function loggedInCore(serverUrl: string, email: string): Promise<TestCore> {
  const core = await startCore(serverUrl);
  await core.handlers['session.login']({ serverUrl, email, password: DEMO_PASSWORD });
  await synced(core);
  return core;
}
