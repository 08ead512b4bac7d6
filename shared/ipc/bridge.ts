// The host bridge: the IPC contract carried over a WebSocket, for host mode (core under Node, UI in
// a browser) and for tests that drive a core process from outside. The client is written against
// the WHATWG WebSocket shape, which both browsers and the `ws` package implement.
import {
  METHOD_NAMES,
  PUSH_EVENT_NAMES,
  type DeskApi,
  type MethodName,
  type PushEventName,
  type PushEvents,
  type RequestOf,
  type ResponseOf,
} from './contract';
import { err, type Result } from './result';

/** Query parameter that carries the per-run token on the bridge URL. */
export const BRIDGE_TOKEN_PARAM = 'token';
export const BRIDGE_PATH = '/ipc';

export type BridgeClientMessage = { type: 'call'; id: number; method: string; payload: unknown };
export type BridgeServerMessage =
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'push'; event: PushEventName; payload: unknown };

/** The subset of the WebSocket API the client needs. */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(): void;
  addEventListener(type: 'open' | 'close' | 'error', listener: () => void): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}

const OPEN = 1;

export interface BridgeClient {
  api: DeskApi;
  /** Resolves once the socket is open; rejects if it closes first. */
  ready: Promise<void>;
  close(): void;
  /** Called when the bridge drops (the core process went away). */
  onClose(listener: () => void): void;
}

export function connectBridge(url: string, createSocket: (url: string) => WebSocketLike): BridgeClient {
  const socket = createSocket(url);
  const pending = new Map<number, (result: Result<unknown>) => void>();
  const listeners = new Map<PushEventName, Set<(payload: unknown) => void>>();
  const closeListeners = new Set<() => void>();
  let nextId = 1;
  let closed = false;

  const ready = new Promise<void>((resolve, reject) => {
    socket.addEventListener('open', () => resolve());
    socket.addEventListener('close', () => reject(new Error('The connection to the core closed.')));
  });
  // Callers that never await `ready` must not produce an unhandled rejection.
  ready.catch(() => undefined);

  socket.addEventListener('close', () => {
    closed = true;
    for (const resolve of pending.values()) resolve(err('unreachable', 'The connection to the core closed.'));
    pending.clear();
    for (const listener of closeListeners) listener();
  });
  socket.addEventListener('message', (event) => {
    let message: BridgeServerMessage;
    try {
      message = JSON.parse(String(event.data)) as BridgeServerMessage;
    } catch {
      return;
    }
    if (message.type === 'result') {
      pending.get(message.id)?.(message.result);
      pending.delete(message.id);
    } else if (message.type === 'push') {
      for (const listener of listeners.get(message.event) ?? []) listener(message.payload);
    }
  });

  async function call(method: MethodName, payload: unknown): Promise<Result<unknown>> {
    if (closed) return err('unreachable', 'The connection to the core closed.');
    if (socket.readyState !== OPEN) await ready.catch(() => undefined);
    if (closed || socket.readyState !== OPEN) return err('unreachable', 'The connection to the core closed.');
    const id = nextId++;
    const message: BridgeClientMessage = { type: 'call', id, method, payload };
    return new Promise((resolve) => {
      pending.set(id, resolve);
      socket.send(JSON.stringify(message));
    });
  }

  const methods = Object.fromEntries(
    METHOD_NAMES.map((method) => [method, (request: unknown) => call(method, request)]),
  ) as { [M in MethodName]: (request: RequestOf<M>) => Promise<Result<ResponseOf<M>>> };

  const api: DeskApi = {
    ...methods,
    on<E extends PushEventName>(event: E, listener: (payload: PushEvents[E]) => void) {
      if (!PUSH_EVENT_NAMES.includes(event)) throw new Error(`Unknown push event: ${event}`);
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      const wrapped = listener as (payload: unknown) => void;
      set.add(wrapped);
      return () => set.delete(wrapped);
    },
  };

  return {
    api,
    ready,
    close: () => socket.close(),
    onClose: (listener) => closeListeners.add(listener),
  };
}
