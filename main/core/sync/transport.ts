// The socket to the backend behind a small interface, so the sync engine and the outbox sender
// can be driven by a real socket.io connection or by a scripted one in tests.
import { io, type Socket } from 'socket.io-client';
import { ackSchema, type ProtocolErrorCode, type SocketRequestName } from '../../../shared/protocol';
import { z } from 'zod';
import type { Reason } from '../../../shared/reasons';

/** Why a request failed: the server's error code, or a transport-level failure. */
export type TransportErrorCode = ProtocolErrorCode | 'timeout' | 'disconnected' | 'malformed';

export class TransportError extends Error {
  constructor(
    readonly code: TransportErrorCode,
    message: string,
    /** The server's translatable reason, when it sent one. */
    readonly reason?: Reason,
  ) {
    super(message);
    this.name = 'TransportError';
  }
}

export interface TransportListener {
  connected(): void;
  disconnected(reason: string): void;
  /** A connection attempt failed; `unauthorized` when the server refused the token. */
  connectFailed(unauthorized: boolean, message: string): void;
  /** A `sync.events` push, unvalidated. */
  events(payload: unknown): void;
  /** An `activity` push (typing, presence), unvalidated. */
  activity?(payload: unknown): void;
}

export interface Transport {
  readonly connected: boolean;
  /** Sends a request and resolves with the ack's value (unvalidated); rejects with TransportError. */
  request(name: SocketRequestName, body: unknown, timeoutMs: number): Promise<unknown>;
  close(): void;
}

export type TransportFactory = (serverUrl: string, token: string, listener: TransportListener) => Transport;

const anyAck = ackSchema(z.unknown());

export interface SocketIoOptions {
  /** Upper bound of socket.io's reconnection backoff. */
  reconnectDelayMaxMs: number;
}

/** socket.io-client with its own reconnection (exponential backoff with jitter). */
export const socketIoTransportWith =
  ({ reconnectDelayMaxMs }: SocketIoOptions): TransportFactory =>
  (serverUrl, token, listener) => {
    const socket: Socket = io(serverUrl, {
      auth: { token },
      transports: ['websocket'],
      reconnection: true,
      reconnectionDelay: Math.min(500, reconnectDelayMaxMs),
      reconnectionDelayMax: reconnectDelayMaxMs,
      randomizationFactor: 0.5,
      timeout: 10_000,
    });
    // Requests in flight fail as soon as the socket drops instead of waiting for their timeout.
    const pending = new Set<(e: TransportError) => void>();
    let closed = false;
    let retryTimer: ReturnType<typeof setTimeout> | null = null;
    // socket.io does not reconnect by itself after the server ended the connection or refused it in
    // a middleware; anything but a refused token is retried here, with jitter.
    const retryLater = () => {
      if (closed || retryTimer) return;
      retryTimer = setTimeout(() => {
        retryTimer = null;
        if (!closed && !socket.active) socket.connect();
      }, reconnectDelayMaxMs * (0.5 + Math.random() * 0.5));
    };

    socket.on('connect', () => listener.connected());
    socket.on('disconnect', (reason) => {
      for (const fail of [...pending]) fail(new TransportError('disconnected', `Connection lost (${reason}).`));
      listener.disconnected(reason);
      if (reason === 'io server disconnect') retryLater();
    });
    socket.on('connect_error', (err: Error & { data?: unknown }) => {
      // A middleware refusal leaves the socket inactive: socket.io will not retry it by itself.
      const unauthorized = !socket.active && /unauthori[sz]ed|token|session/i.test(err.message);
      listener.connectFailed(unauthorized, err.message);
      if (!unauthorized && !socket.active) retryLater();
    });
    socket.on('sync.events', (payload: unknown) => listener.events(payload));
    socket.on('activity', (payload: unknown) => listener.activity?.(payload));

    return {
      get connected() {
        return socket.connected;
      },
      request(name, body, timeoutMs) {
        if (!socket.connected) return Promise.reject(new TransportError('disconnected', 'Not connected.'));
        return new Promise((resolve, reject) => {
          const fail = (e: TransportError) => {
            pending.delete(fail);
            reject(e);
          };
          pending.add(fail);
          socket.timeout(timeoutMs).emit(name, body, (timeoutErr: Error | null, ack: unknown) => {
            if (!pending.has(fail)) return;
            pending.delete(fail);
            if (timeoutErr) return reject(new TransportError('timeout', `No answer to ${name} within ${timeoutMs} ms.`));
            const parsed = anyAck.safeParse(ack);
            if (!parsed.success) return reject(new TransportError('malformed', `Malformed answer to ${name}.`));
            if (parsed.data.ok) return resolve(parsed.data.value);
            reject(new TransportError(parsed.data.error.code, parsed.data.error.message, parsed.data.error.reason));
          });
        });
      },
      close() {
        closed = true;
        if (retryTimer) clearTimeout(retryTimer);
        socket.removeAllListeners();
        socket.disconnect();
        for (const fail of [...pending]) fail(new TransportError('disconnected', 'Connection closed.'));
      },
    };
  };

export const socketIoTransport = socketIoTransportWith({ reconnectDelayMaxMs: 10_000 });
