// Offline-first behaviour against a real backend process that is stopped and restarted: reading
// from the cache, queueing replies, delivering them once and in order, cache corruption, an
// expired cursor, logout with unsent work, an expired session and switching accounts.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { DEMO_AGENTS, DEMO_PASSWORD } from '../../shared/demo';
import { startBackend, type Backend } from '../../testing/backend';
import { tempDir, removeTempDirs } from './testkit/fixtures';
import { startCore, synced, waitFor, type TestCore } from './testkit/harness';

const ALEX = DEMO_AGENTS[0];
const BEA = DEMO_AGENTS[1];

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

async function backendUp(options: Parameters<typeof startBackend>[0]): Promise<Backend> {
  const b = await startBackend(options);
  cleanup.push(() => b.stop());
  return b;
}

async function coreUp(url: string, dataDir?: string): Promise<TestCore> {
  const c = await startCore(url, dataDir);
  cleanup.push(() => c.stop());
  return c;
}

async function loggedIn(backend: Backend, email: string = ALEX.email, dataDir?: string): Promise<TestCore> {
  const core = await coreUp(backend.url, dataDir);
  await core.handlers['session.login']({ serverUrl: backend.url, email, password: DEMO_PASSWORD });
  await synced(core);
  return core;
}

/** A new conversation from a customer, created through the inbound webhook. */
async function inbound(backend: Backend, text: string, from = '+15550001111'): Promise<string> {
  const answer = await backend.webhook('sms', { externalId: `${text}-${Math.random()}`, from, text });
  return (answer.json as { conversationId: string }).conversationId;
}

describe('offline', () => {
  it('reads the cache with the backend down, queues replies, and delivers them once, in order', async () => {
    const backend = await backendUp({ seed: 'minimal', carrierDelayScale: 0.01 });
    const conversationId = await inbound(backend, 'Hello?');
    const first = await loggedIn(backend);
    await waitFor('the inbound conversation', async () => (await first.handlers['inbox.counts']({})).all === 1);
    await first.stop();
    await backend.stop();

    // A fresh process on the same data directory, with the server gone.
    const core = await coreUp(backend.url, first.dataDir);
    const h = core.handlers;
    expect(await h['session.get']({})).toMatchObject({ agent: { email: ALEX.email } });
    expect((await h['inbox.list']({ view: 'all', limit: 50 })).rows.map((r) => r.conversationId)).toEqual([conversationId]);
    expect((await h['thread.get']({ conversationId, limit: 50 })).messages.map((m) => m.body)).toEqual(['Hello?']);
    await waitFor('offline status', async () => (await h['connection.get']({})).status === 'offline');

    const bodies = ['one', 'two', 'three'];
    for (const body of bodies) await h['message.send']({ conversationId, body });
    const queued = await h['thread.get']({ conversationId, limit: 50 });
    expect(queued.messages.slice(1).map((m) => [m.body, m.status, m.outbox?.state])).toEqual(
      bodies.map((b) => [b, 'pending', 'waiting']),
    );
    // A read marker queued offline is outbox work, but not a message the agent would lose.
    await h['conversation.markRead']({ conversationId });
    expect(await h['connection.get']({})).toMatchObject({ status: 'offline', unsent: 3 });
    const diag = await h['diagnostics.get']({});
    expect(diag.outboxDepth).toBe(4);
    expect(diag.oldestOutboxAgeMs).not.toBeNull();

    await backend.restart();
    await waitFor('the outbox to drain', async () => (await h['diagnostics.get']({})).outboxDepth === 0, 30_000);
    await synced(core);
    const token = (await backend.login()).token;
    const server = await backend.history(token, conversationId);
    expect(server.map((m) => m.body)).toEqual(['Hello?', ...bodies]);
    const cached = await h['thread.get']({ conversationId, limit: 50 });
    expect(cached.messages.map((m) => [m.body, m.outbox])).toEqual(server.map((m) => [m.body, null]));
    expect(core.connection.some((c) => c.status === 'offline' && c.unsent === 3)).toBe(true);
  });

  it('recovers from a corrupt cache file, keeps the outbox, and converges', async () => {
    const backend = await backendUp({ seed: 'minimal' });
    const conversationId = await inbound(backend, 'Anyone there?');
    const first = await loggedIn(backend);
    await backend.stop();
    await first.handlers['message.send']({ conversationId, body: 'Yes, here.' });
    await first.stop();
    // Overwrite the cache with garbage, WAL included.
    const cacheFile = path.join(first.dataDir, 'cache.sqlite');
    fs.writeFileSync(cacheFile, Buffer.alloc(64 * 1024, 7));
    fs.rmSync(`${cacheFile}-wal`, { force: true });

    await backend.restart();
    const core = await coreUp(backend.url, first.dataDir);
    expect(core.notices.find((n) => n.kind === 'cacheRecovered')?.reason).toEqual({ code: 'cacheRecovered', params: {} });
    expect(fs.readdirSync(first.dataDir).some((f) => f.startsWith('cache.sqlite.corrupt-'))).toBe(true);
    await synced(core);
    await waitFor('the outbox to drain', async () => (await core.handlers['connection.get']({})).unsent === 0);
    await synced(core);
    const thread = await core.handlers['thread.get']({ conversationId, limit: 50 });
    expect(thread.messages.map((m) => m.body)).toEqual(['Anyone there?', 'Yes, here.']);
  });

  it('sets aside a cache written by a newer app, says so, and downloads the inbox again', async () => {
    const backend = await backendUp({ seed: 'minimal' });
    const conversationId = await inbound(backend, 'Hello from the future?');
    const first = await loggedIn(backend);
    await synced(first);
    await first.stop();
    const cacheFile = path.join(first.dataDir, 'cache.sqlite');
    const raw = new Database(cacheFile);
    raw.pragma('user_version = 999');
    raw.close();

    const core = await coreUp(backend.url, first.dataDir);
    expect(core.notices.find((n) => n.kind === 'cacheRecovered')?.reason).toEqual({ code: 'cacheFromNewerApp', params: {} });
    expect(fs.readdirSync(first.dataDir).some((f) => f.startsWith('cache.sqlite.newer-'))).toBe(true);
    await synced(core);
    const thread = await core.handlers['thread.get']({ conversationId, limit: 50 });
    expect(thread.messages.map((m) => m.body)).toEqual(['Hello from the future?']);
  });

  it('re-bootstraps when the cursor is older than the server keeps, keeping the outbox', async () => {
    const backend = await backendUp({ seed: 'minimal', retainEvents: 5 });
    const conversationId = await inbound(backend, 'first contact');
    const first = await loggedIn(backend);
    await backend.stop();
    await first.handlers['message.send']({ conversationId, body: 'queued while away' });
    await first.stop();
    await backend.restart();
    for (let i = 0; i < 8; i++) await inbound(backend, `burst ${i}`, `+1555000${2000 + i}`);

    const core = await coreUp(backend.url, first.dataDir);
    await waitFor('the mustRefetch notice', () => core.notices.some((n) => n.kind === 'mustRefetch' && n.reason?.code === 'mustRefetch'));
    await waitFor('the outbox to drain', async () => (await core.handlers['connection.get']({})).unsent === 0);
    await synced(core);
    expect((await core.handlers['inbox.counts']({})).all).toBe(9);
    const token = (await backend.login()).token;
    const server = await backend.history(token, conversationId);
    expect(server.filter((m) => m.body === 'queued while away')).toHaveLength(1);
    const thread = await core.handlers['thread.get']({ conversationId, limit: 50 });
    expect(thread.messages.map((m) => m.body)).toEqual(server.map((m) => m.body));
  });

  it('asks before logging out with unsent messages, then clears everything', async () => {
    const backend = await backendUp({ seed: 'minimal' });
    const conversationId = await inbound(backend, 'hi');
    const core = await loggedIn(backend);
    await backend.stop();
    await core.handlers['message.send']({ conversationId, body: 'a' });
    await core.handlers['message.send']({ conversationId, body: 'b' });
    await expect(core.handlers['session.logout']({ discardUnsent: false })).rejects.toMatchObject({
      code: 'unsentMessages',
      message: '2 messages have not been sent yet.',
    });
    expect(await core.handlers['session.logout']({ discardUnsent: true })).toEqual({ discarded: 2 });
    expect(await core.handlers['session.get']({})).toBeNull();
    expect(core.sessions.at(-1)).toBeNull();
    expect(await core.handlers['outbox.list']({})).toEqual([]);
    expect((await core.handlers['diagnostics.get']({})).cachedConversations).toBe(0);
  });

  it('tells the agent when the server refuses the stored session', async () => {
    const backend = await backendUp({ seed: 'minimal' });
    const first = await loggedIn(backend);
    await first.stop();
    const file = path.join(first.dataDir, 'session.json');
    const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as { token: string };
    fs.writeFileSync(file, JSON.stringify({ ...stored, token: 'revoked-token' }));
    const core = await coreUp(backend.url, first.dataDir);
    await waitFor('the session push', () => core.sessions.includes(null));
    const state = await core.handlers['connection.get']({});
    expect(state.lastError).toMatch(/session has expired/);
    expect(state.lastErrorReason).toEqual({ code: 'sessionExpired', params: {} });
    expect(await core.handlers['session.get']({})).toBeNull();
  });

  it('wipes the cache when another agent logs in', async () => {
    const backend = await backendUp({ seed: 'minimal' });
    await inbound(backend, 'hello');
    const core = await loggedIn(backend);
    const h = core.handlers;
    await h['conversation.markRead']({
      conversationId: (await h['inbox.list']({ view: 'all', limit: 1 })).rows[0]?.conversationId ?? '',
    });
    await waitFor('the outbox to drain', async () => (await h['outbox.list']({})).length === 0);
    await h['session.login']({ serverUrl: backend.url, email: BEA.email, password: DEMO_PASSWORD });
    await synced(core);
    // Bea has not read the conversation that Alex read: her unread count comes from her own data.
    const row = (await h['inbox.list']({ view: 'all', limit: 1 })).rows[0];
    expect(row?.unreadCount).toBe(1);
    expect((await h['session.get']({}))?.agent.email).toBe(BEA.email);
  });
});

describe('data directory', () => {
  it('starts without a session and without a network', async () => {
    const core = await coreUp('http://127.0.0.1:9', tempDir());
    expect(await core.handlers['session.get']({})).toBeNull();
    expect(await core.handlers['connection.get']({})).toMatchObject({ status: 'offline', unsent: 0 });
    expect(await core.handlers['app.info']({})).toEqual({ version: '0.0.0-test', mode: 'host', defaultServerUrl: 'http://127.0.0.1:9', systemLocales: [] });
  });
});

afterAll(removeTempDirs);
