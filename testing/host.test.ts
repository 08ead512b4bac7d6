import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { startHost, type Host } from './host';

/** No backend is needed for what these tests call; nothing listens on the discard port. */
const SERVER_URL = 'http://127.0.0.1:9';

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

let host: Host | null = null;
afterEach(async () => {
  await host?.stop();
  host = null;
});

describe('startHost', () => {
  it('runs a core process reachable over the bridge, with the token in its URL', async () => {
    host = await startHost({ serverUrl: SERVER_URL });
    expect(host.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/\\?token=${host.token}$`));
    expect(host.token.length).toBeGreaterThanOrEqual(32);
    expect(await host.api['app.info']({})).toMatchObject({ ok: true, value: { mode: 'host', defaultServerUrl: SERVER_URL } });
    expect(await host.api['inbox.list']({ view: 'nope' as 'mine' })).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });

  it('survives kill -9 and restarts on the same data directory with a new token', async () => {
    host = await startHost({ serverUrl: SERVER_URL });
    const { dataDir, token } = host;
    const pid = host.pid!;
    await host.kill();
    expect(isAlive(pid)).toBe(false);
    expect(host.pid).toBeNull();
    expect(() => host!.api['app.info']({})).toThrow(/not running/);

    await host.restart();
    expect(host.dataDir).toBe(dataDir);
    expect(host.token).not.toBe(token);
    expect(await host.api['app.info']({})).toMatchObject({ ok: true });
  });

  it('stops its process and removes the temporary data directory', async () => {
    host = await startHost({ serverUrl: SERVER_URL });
    const pid = host.pid!;
    const { dataDir } = host;
    await host.stop();
    host = null;
    expect(isAlive(pid)).toBe(false);
    expect(existsSync(dataDir)).toBe(false);
  });
});
