import { describe, expect, it, vi } from 'vitest';
import type { WebSocketLike } from '../../../shared/ipc/bridge';
import type { DeskApi } from '../../../shared/ipc/contract';
import { bridgeUrl, selectApi } from './selectApi';

const socket = (): WebSocketLike => ({ readyState: 0, send: vi.fn(), close: vi.fn(), addEventListener: vi.fn() });

describe('selectApi', () => {
  it('uses the preload API in Electron and opens no socket', () => {
    const api = {} as DeskApi;
    const createSocket = vi.fn(socket);
    const connection = selectApi({ agentDesk: api, location: { protocol: 'file:', host: '', search: '' } }, createSocket);
    expect(connection).toEqual({ kind: 'electron', api });
    expect(createSocket).not.toHaveBeenCalled();
  });

  it('connects the bridge with the page token in host mode', () => {
    const createSocket = vi.fn(socket);
    const connection = selectApi({ location: { protocol: 'http:', host: '127.0.0.1:4321', search: '?token=a b' } }, createSocket);
    expect(connection.kind).toBe('bridge');
    expect(createSocket).toHaveBeenCalledWith('ws://127.0.0.1:4321/ipc?token=a%20b');
  });

  it('reports a missing token instead of connecting', () => {
    const createSocket = vi.fn(socket);
    expect(selectApi({ location: { protocol: 'http:', host: 'x', search: '' } }, createSocket)).toEqual({ kind: 'missingToken' });
    expect(createSocket).not.toHaveBeenCalled();
  });

  it('uses wss behind https', () => {
    expect(bridgeUrl({ protocol: 'https:', host: 'desk.example', search: '' }, 't')).toBe('wss://desk.example/ipc?token=t');
  });
});
