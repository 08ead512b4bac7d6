// An in-process stand-in for the backend's socket, serving generated snapshot pages and change-log
// pages to the core's own sync engine. Every answer is delivered on a later turn of the event loop,
// as a socket's would be, so the core's change coalescing (setImmediate) runs between pages.
import { performance } from 'node:perf_hooks';
import type { ChangeEvent, SocketRequestName } from '../../shared/protocol';
import { TransportError, type Transport, type TransportFactory, type TransportListener } from '../../main/core/sync/transport';

export type FeedHandlers = Partial<Record<SocketRequestName, (body: Record<string, unknown>) => unknown>>;

export interface Feed {
  transport: Transport;
  /** Time spent producing answers (generating data), to subtract from end-to-end timings. */
  readonly busyMs: number;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export function feed(handlers: FeedHandlers): Feed {
  let busyMs = 0;
  const transport: Transport = {
    connected: true,
    async request(name, body) {
      await nextTurn();
      const handler = handlers[name];
      if (!handler) throw new TransportError('invalid', `no handler for ${name}`);
      const t0 = performance.now();
      try {
        return handler(body as Record<string, unknown>);
      } finally {
        busyMs += performance.now() - t0;
      }
    },
    close: () => undefined,
  };
  return {
    transport,
    get busyMs() {
      return busyMs;
    },
  };
}

/** The same feed as a TransportFactory for createCore, plus live pushes. */
export function feedFactory(handlers: FeedHandlers): { factory: TransportFactory; push(events: ChangeEvent[]): void } {
  let listener: TransportListener | null = null;
  const { transport } = feed(handlers);
  return {
    factory: (_url, _token, l) => {
      listener = l;
      setImmediate(() => l.connected());
      return transport;
    },
    push(events) {
      listener?.events({ events });
    },
  };
}

/** A backend that is never reached: the core stays offline and never retries over the network. */
export const offlineFactory: TransportFactory = () => ({
  connected: false,
  request: () => Promise.reject(new TransportError('disconnected', 'Not connected.')),
  close: () => undefined,
});
