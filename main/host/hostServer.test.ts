import { EventEmitter } from 'node:events';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { BRIDGE_PATH, connectBridge, type WebSocketLike } from '../../shared/ipc/bridge';
import { METHOD_NAMES, type DeskHandlers, type PushEventName, type PushEvents } from '../../shared/ipc/contract';
import { DeskError } from '../../shared/ipc/result';
import { createCore } from '../core';
import { startHostServer, type HostServer, type HostedCore } from './hostServer';

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** A core stand-in: app.info answers, everything else needs a session, pushes come from `emit`. */
function fakeCore(): HostedCore & { emit<E extends PushEventName>(event: E, payload: PushEvents[E]): void } {
  const emitter = new EventEmitter();
  const handlers = Object.fromEntries(
    METHOD_NAMES.map((method) => [
      method,
      async () => {
        if (method === 'app.info') return { version: '0.1.0', mode: 'host', defaultServerUrl: 'http://127.0.0.1:4780' };
        throw new DeskError('unauthenticated', 'Log in first.');
      },
    ]),
  ) as unknown as DeskHandlers;
  return {
    handlers,
    on(event, listener) {
      emitter.on(event, listener);
      return () => void emitter.off(event, listener);
    },
    emit: (event, payload) => emitter.emit(event, payload),
  };
}

let rendererDir: string;
let server: HostServer;
const core = fakeCore();

beforeAll(async () => {
  rendererDir = await mkdtemp(path.join(os.tmpdir(), 'desk-host-'));
  await mkdir(path.join(rendererDir, 'assets'));
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Agent Desk</title>');
  await writeFile(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(path.join(path.dirname(rendererDir), `${path.basename(rendererDir)}-secret.txt`), 'secret');
  server = await startHostServer({ core, rendererDir, port: 0, log: silent });
});

afterAll(async () => {
  await server.close();
  await rm(rendererDir, { recursive: true, force: true });
  await rm(path.join(path.dirname(rendererDir), `${path.basename(rendererDir)}-secret.txt`), { force: true });
});

/** A raw GET, so the request path reaches the server exactly as written (fetch would normalise it). */
function rawGet(requestPath: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port: server.port, path: requestPath }, (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
      })
      .on('error', reject);
  });
}

/** Opens a bridge socket and reports the HTTP status of a refused upgrade. */
function upgradeStatus(url: string, origin?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, origin ? { origin } : {});
    ws.on('open', () => {
      ws.close();
      resolve(101);
    });
    ws.on('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0);
      ws.terminate();
    });
    ws.on('error', (error) => {
      if (!String(error).includes('Unexpected server response')) reject(error);
    });
  });
}

const bridgeUrl = (token: string) => `ws://127.0.0.1:${server.port}${BRIDGE_PATH}?token=${token}`;
const openSocket = (url: string) => new WebSocket(url, { origin: server.origin }) as unknown as WebSocketLike;

describe('host server: static files', () => {
  it('serves the renderer with a strict CSP and no referrer', async () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`);
    const index = await rawGet(`/?token=${server.token}`);
    expect(index.status).toBe(200);
    expect(index.body).toContain('Agent Desk');
    expect(index.headers['content-type']).toMatch(/^text\/html/);
    expect(index.headers['content-security-policy']).toContain("connect-src 'self'");
    expect(index.headers['referrer-policy']).toBe('no-referrer');
    expect((await rawGet('/assets/app.js')).headers['content-type']).toMatch(/^text\/javascript/);
  });

  it('refuses traversal, directories and missing files', async () => {
    const escape = `${path.basename(rendererDir)}-secret.txt`;
    for (const requestPath of [`/../${escape}`, `/..%2f${escape}`, `/%2e%2e/${escape}`, '/assets', '/missing.js']) {
      const response = await rawGet(requestPath);
      expect(response.status, requestPath).toBe(404);
      expect(response.body, requestPath).not.toContain('secret');
    }
  });
});

describe('host server: bridge', () => {
  it('refuses upgrades without the token (401) or from another origin (403)', async () => {
    expect(await upgradeStatus(`ws://127.0.0.1:${server.port}${BRIDGE_PATH}`, server.origin)).toBe(401);
    expect(await upgradeStatus(bridgeUrl('wrong'), server.origin)).toBe(401);
    expect(await upgradeStatus(bridgeUrl(server.token), 'https://evil.test')).toBe(403);
    expect(await upgradeStatus(bridgeUrl(server.token))).toBe(403);
    expect(await upgradeStatus(bridgeUrl(server.token), server.origin)).toBe(101);
  });

  it('round-trips calls through dispatch, errors included', async () => {
    const client = connectBridge(bridgeUrl(server.token), openSocket);
    await client.ready;
    expect(await client.api['app.info']({})).toEqual({
      ok: true,
      value: { version: '0.1.0', mode: 'host', defaultServerUrl: 'http://127.0.0.1:4780' },
    });
    expect(await client.api['session.get']({})).toEqual({ ok: false, error: { code: 'unauthenticated', message: 'Log in first.' } });
    expect(await client.api['inbox.list']({ view: 'nope' as 'mine' })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    client.close();
  });

  it('answers malformed messages with an error result and keeps serving', async () => {
    const ws = new WebSocket(bridgeUrl(server.token), { origin: server.origin });
    const answers: unknown[] = [];
    ws.on('message', (data) => answers.push(JSON.parse(String(data))));
    await new Promise((resolve) => ws.on('open', resolve));
    for (const raw of ['not json', '42', 'null', '{"type":"call"}', '{"type":"hello","id":5}', '{"type":"call","id":6,"method":"nope"}']) {
      ws.send(raw);
    }
    ws.send(Buffer.from([1, 2, 3]), { binary: true });
    ws.send(JSON.stringify({ type: 'call', id: 7, method: 'app.info', payload: {} }));
    await expect.poll(() => answers.length).toBe(8);
    expect(answers.slice(0, 4)).toEqual(Array(4).fill(expect.objectContaining({ type: 'result', id: 0, result: expect.objectContaining({ ok: false }) })));
    expect(answers).toContainEqual(expect.objectContaining({ id: 5, result: expect.objectContaining({ ok: false }) }));
    expect(answers).toContainEqual({ type: 'result', id: 6, result: { ok: false, error: { code: 'invalid', message: 'Unknown method: nope' } } });
    expect(answers).toContainEqual(expect.objectContaining({ id: 7, result: expect.objectContaining({ ok: true }) }));
    ws.close();
  });

  it('delivers core push events to every connected client', async () => {
    const clients = [connectBridge(bridgeUrl(server.token), openSocket), connectBridge(bridgeUrl(server.token), openSocket)];
    await Promise.all(clients.map((client) => client.ready));
    const received = clients.map(() => [] as unknown[]);
    clients.forEach((client, i) => client.api.on('changed', (payload) => received[i]!.push(payload)));
    // The server registers a socket on 'connection', after the client's 'open': a call round-trip
    // guarantees both sides are ready before the push.
    await Promise.all(clients.map((client) => client.api['app.info']({})));
    const notice = { inbox: true, conversationIds: ['c1'], outbox: false };
    // Counts how often the push is made text: once, whatever the number of clients.
    let serialized = 0;
    const counted = { ...notice, toJSON: () => (serialized++, notice) };
    core.emit('changed', counted);
    await expect.poll(() => received.map((list) => list.length)).toEqual([1, 1]);
    expect(received).toEqual([[notice], [notice]]);
    expect(serialized).toBe(1);
    for (const client of clients) client.close();
  });
});

describe('host server: with the real core', () => {
  it('answers contract calls from the core through the bridge', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'desk-host-core-'));
    const realCore = createCore({ dataDir, mode: 'host', version: '0.1.0', defaultServerUrl: 'http://127.0.0.1:9' });
    await realCore.start();
    const hosted = await startHostServer({ core: realCore, rendererDir, port: 0, log: silent });
    try {
      const client = connectBridge(
        `ws://127.0.0.1:${hosted.port}${BRIDGE_PATH}?token=${hosted.token}`,
        (url) => new WebSocket(url, { origin: hosted.origin }) as unknown as WebSocketLike,
      );
      await client.ready;
      expect(await client.api['app.info']({})).toMatchObject({ ok: true, value: { mode: 'host', defaultServerUrl: 'http://127.0.0.1:9' } });
      expect(await client.api['session.get']({})).toEqual({ ok: true, value: null });
      client.close();
    } finally {
      await hosted.close();
      await realCore.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
