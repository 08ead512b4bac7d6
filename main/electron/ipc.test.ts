import { EventEmitter } from 'node:events';
import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it } from 'vitest';
import {
  METHOD_NAMES,
  ipcChannel,
  pushChannel,
  type DeskHandlers,
  type PushEventName,
  type PushEvents,
} from '../../shared/ipc/contract';
import { DeskError } from '../../shared/ipc/result';
import { APP_START_URL } from './appOrigin';
import { forwardPushEvents, registerContractHandlers, type IpcRegistry, type MainWindowRef } from './ipc';

const handlers = Object.fromEntries(
  METHOD_NAMES.map((method) => [
    method,
    async (request: unknown) => {
      if (method === 'app.info') return { version: '1.0.0', mode: 'electron', defaultServerUrl: 'http://127.0.0.1:4780' };
      if (method === 'inbox.list') return { rows: [], total: 0, seen: request };
      throw new DeskError('unauthenticated', 'Log in first.');
    },
  ]),
) as unknown as DeskHandlers;

const mainWindow: MainWindowRef = { webContents: { id: 7, mainFrame: { processId: 3, routingId: 1 } } };

function event(overrides: { senderId?: number; processId?: number; routingId?: number; url?: string | null }): IpcMainInvokeEvent {
  const url = overrides.url === undefined ? APP_START_URL : overrides.url;
  return {
    sender: { id: overrides.senderId ?? 7 },
    senderFrame: url === null ? null : { url, processId: overrides.processId ?? 3, routingId: overrides.routingId ?? 1 },
  } as unknown as IpcMainInvokeEvent;
}

function fakeIpcMain() {
  const registered = new Map<string, (event: IpcMainInvokeEvent, payload: unknown) => Promise<unknown>>();
  const registry: IpcRegistry = {
    handle: (channel, listener) => registered.set(channel, listener),
    removeHandler: (channel) => registered.delete(channel),
  };
  return { registry, registered };
}

describe('registerContractHandlers', () => {
  it('registers one handler per contract method and removes them all', () => {
    const { registry, registered } = fakeIpcMain();
    const unregister = registerContractHandlers(registry, handlers, () => mainWindow);
    expect([...registered.keys()].sort()).toEqual(METHOD_NAMES.map(ipcChannel).sort());
    unregister();
    expect(registered.size).toBe(0);
  });

  it('validates and dispatches calls from the main window', async () => {
    const { registry, registered } = fakeIpcMain();
    registerContractHandlers(registry, handlers, () => mainWindow);
    const call = (method: string, payload: unknown, e = event({})) => registered.get(`desk:${method}`)!(e, payload);
    expect(await call('app.info', {})).toMatchObject({ ok: true, value: { mode: 'electron' } });
    expect(await call('inbox.list', { view: 'mine' })).toMatchObject({ ok: true, value: { seen: { view: 'mine', limit: 50 } } });
    expect(await call('inbox.list', { view: 'everything' })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await call('session.get', {})).toEqual({ ok: false, error: { code: 'unauthenticated', message: 'Log in first.' } });
  });

  it('answers forbidden to any other sender', async () => {
    const { registry, registered } = fakeIpcMain();
    let window: MainWindowRef | null = mainWindow;
    registerContractHandlers(registry, handlers, () => window);
    const appInfo = registered.get(ipcChannel('app.info'))!;
    for (const e of [
      event({ senderId: 8 }),
      event({ routingId: 2 }),
      event({ processId: 4 }),
      event({ url: 'https://evil.test/' }),
      event({ url: null }),
    ]) {
      expect(await appInfo(e, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    window = null;
    expect(await appInfo(event({}), {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('forwardPushEvents', () => {
  it('sends each core event on its derived channel until unsubscribed', () => {
    const emitter = new EventEmitter();
    const source = {
      on<E extends PushEventName>(name: E, listener: (payload: PushEvents[E]) => void) {
        emitter.on(name, listener);
        return () => void emitter.off(name, listener);
      },
    };
    const sent: [string, unknown][] = [];
    const stop = forwardPushEvents(source, (channel, payload) => sent.push([channel, payload]));
    emitter.emit('notice', { kind: 'sendFailed', message: 'x' });
    emitter.emit('session', null);
    stop();
    emitter.emit('notice', { kind: 'sendFailed', message: 'y' });
    expect(sent).toEqual([
      [pushChannel('notice'), { kind: 'sendFailed', message: 'x' }],
      [pushChannel('session'), null],
    ]);
  });
});
