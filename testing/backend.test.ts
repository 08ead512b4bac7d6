// The harness itself: a real backend process that can be stopped, killed and restarted on the
// same data directory and port.
import { existsSync } from 'node:fs';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AGENTS, DEMO_TENANT } from '../shared/demo';
import { type Backend, startBackend } from './backend';

let backend: Backend;

beforeAll(async () => {
  backend = await startBackend({ seed: 'minimal' });
});

afterAll(async () => {
  await backend?.stop();
});

describe('startBackend', () => {
  it('starts a backend on 127.0.0.1 in a temporary data directory', async () => {
    expect(backend.url).toBe(`http://127.0.0.1:${backend.port}`);
    expect(backend.dataDir.startsWith(os.tmpdir())).toBe(true);
    expect(backend.tenant).toBe(DEMO_TENANT.slug);
    expect(backend.pid).toBeGreaterThan(0);
    expect(await (await fetch(`${backend.url}/api/health`)).json()).toEqual({ ok: true });
    const login = await backend.login();
    expect(login.agent.email).toBe(DEMO_AGENTS[0].email);
    await expect(backend.login(DEMO_AGENTS[0].email, 'nope')).rejects.toMatchObject({ status: 401 });
  });

  it('keeps data and port across restart, after a graceful stop and after kill -9', async () => {
    const opened = await backend.webhook('sms', { externalId: `harness-${Date.now()}`, from: '+1 777 0100 200', text: 'Still there?' });
    expect(opened.status).toBe(200);
    const { conversationId } = opened.json as { conversationId: string };

    await backend.kill();
    expect(backend.pid).toBeNull();
    await expect(fetch(`${backend.url}/api/health`)).rejects.toThrow();
    await backend.restart();
    expect(existsSync(backend.dataDir)).toBe(true);
    let messages = await backend.history((await backend.login()).token, conversationId);
    expect(messages.map((m) => m.body)).toEqual(['Still there?']);

    await backend.stop();
    await backend.restart();
    messages = await backend.history((await backend.login()).token, conversationId);
    expect(messages).toHaveLength(1);
  });

  it('fails with the server’s stderr when the backend cannot start', async () => {
    await expect(startBackend({ seed: 'none', port: backend.port })).rejects.toThrow(/EADDRINUSE/);
  });
});
