import { describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES, ipcChannel, pushChannel } from '../shared/ipc/contract';
import { createDeskApi, type IpcTransport } from './api';

function fakeIpc() {
  const listeners = new Map<string, Set<(event: unknown, payload: unknown) => void>>();
  const transport = {
    invoke: vi.fn(async (channel: string, request: unknown) => ({ ok: true, value: { channel, request } })),
    on: (channel: string, listener: (event: unknown, payload: unknown) => void) => {
      const set = listeners.get(channel) ?? new Set();
      listeners.set(channel, set);
      set.add(listener);
    },
    removeListener: (channel: string, listener: (event: unknown, payload: unknown) => void) => {
      listeners.get(channel)?.delete(listener);
    },
  } satisfies IpcTransport;
  const emit = (channel: string, payload: unknown) => {
    for (const listener of listeners.get(channel) ?? []) listener({ sender: 'raw-ipc-event' }, payload);
  };
  return { transport, emit, listeners };
}

describe('createDeskApi', () => {
  it('exposes exactly one function per contract method plus on()', () => {
    const api = createDeskApi(fakeIpc().transport);
    expect(Object.keys(api).sort()).toEqual([...METHOD_NAMES, 'on'].sort());
    for (const key of Object.keys(api)) expect(typeof (api as Record<string, unknown>)[key]).toBe('function');
  });

  it('invokes the channel derived from the method name', async () => {
    const { transport } = fakeIpc();
    const api = createDeskApi(transport);
    const result = await api['inbox.list']({ view: 'mine' });
    expect(transport.invoke).toHaveBeenCalledWith(ipcChannel('inbox.list'), { view: 'mine' });
    expect(result).toEqual({ ok: true, value: { channel: 'desk:inbox.list', request: { view: 'mine' } } });
  });

  it('delivers push payloads without the raw event and unsubscribes', () => {
    const { transport, emit, listeners } = fakeIpc();
    const api = createDeskApi(transport);
    const seen: unknown[][] = [];
    const off = api.on('notice', (...args: unknown[]) => seen.push(args));
    emit(pushChannel('notice'), { kind: 'sendFailed', message: 'x' });
    expect(seen).toEqual([[{ kind: 'sendFailed', message: 'x' }]]);
    off();
    emit(pushChannel('notice'), { kind: 'sendFailed', message: 'y' });
    expect(seen).toHaveLength(1);
    expect(listeners.get(pushChannel('notice'))?.size).toBe(0);
  });

  it('refuses unknown push events and non-function listeners', () => {
    const api = createDeskApi(fakeIpc().transport) as unknown as { on(event: string, listener: unknown): unknown };
    expect(() => api.on('desk:session.login', () => undefined)).toThrow(/Unknown push event/);
    expect(() => api.on('notice', 'not a function')).toThrow(/function/);
  });
});
