// A seam on the core's socket: wraps its TransportFactory so a fault test can see every request,
// hold or fail one at an exact point (e.g. "the server committed, the ack is lost"), and replace
// the live `sync.events` pushes with its own (duplicated, shuffled) deliveries.
import type { SocketRequestName } from '../../shared/protocol';
import type { TransportFactory, TransportListener } from '../../main/core/sync/transport';

export interface TappedRequest {
  name: SocketRequestName;
  body: unknown;
}

export interface Tap {
  /** Every request the core made, in order, across reconnections and restarts. */
  readonly requests: TappedRequest[];
  /** Runs before a request is forwarded; may wait (hold the request) or throw (fail it). */
  before: ((request: TappedRequest) => Promise<void> | void) | null;
  /** Runs on the server's answer before the core sees it; may throw to pretend the ack was lost. */
  after: ((request: TappedRequest, value: unknown) => Promise<void> | void) | null;
  /** When false, live pushes from the server are dropped; tests deliver their own with inject(). */
  forwardLive: boolean;
  /** Delivers a `sync.events` payload to the current connection as if the server pushed it. */
  inject(payload: unknown): void;
  requestsOf(name: SocketRequestName): unknown[];
}

export function tapTransport(inner: TransportFactory): { factory: TransportFactory; tap: Tap } {
  let listener: TransportListener | null = null;
  const tap: Tap = {
    requests: [],
    before: null,
    after: null,
    forwardLive: true,
    inject(payload) {
      if (!listener) throw new Error('inject(): the core has no connection yet');
      listener.events(payload);
    },
    requestsOf: (name) => tap.requests.filter((r) => r.name === name).map((r) => r.body),
  };
  const factory: TransportFactory = (url, token, outer) => {
    listener = outer;
    const transport = inner(url, token, {
      ...outer,
      events: (payload) => {
        if (tap.forwardLive) outer.events(payload);
      },
    });
    return {
      get connected() {
        return transport.connected;
      },
      async request(name, body, timeoutMs) {
        const request = { name, body };
        tap.requests.push(request);
        await tap.before?.(request);
        const value = await transport.request(name, body, timeoutMs);
        await tap.after?.(request, value);
        return value;
      },
      close: () => transport.close(),
    };
  };
  return { factory, tap };
}
