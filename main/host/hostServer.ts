// The host-mode HTTP server on 127.0.0.1: the built renderer as static files, and the contract
// bridge as a WebSocket on BRIDGE_PATH, admitted only with the per-run token from our own origin.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Logger } from '../core/ports';
import { BRIDGE_TOKEN_PARAM, type BridgeServerMessage } from '../../shared/ipc/bridge';
import { PUSH_EVENT_NAMES, type DeskHandlers, type PushEventName, type PushEvents } from '../../shared/ipc/contract';
import { answerBridgeMessage } from './bridgeServer';
import { serveStatic } from './staticFiles';
import { createToken } from './token';
import { decideUpgrade, ownOrigins } from './upgradePolicy';

/** What the host needs from the core: its handlers and its push events. */
export interface HostedCore {
  handlers: DeskHandlers;
  on<E extends PushEventName>(event: E, listener: (payload: PushEvents[E]) => void): () => void;
}

export interface HostServerOptions {
  core: HostedCore;
  rendererDir: string;
  /** 0 picks a free port. */
  port: number;
  log: Logger;
  /** Defaults to a fresh random token. */
  token?: string;
}

export interface HostServer {
  /** The page URL, token included: what a browser opens. */
  url: string;
  origin: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/** Large enough for any contract request (a message body is capped far below this). */
const MAX_MESSAGE_BYTES = 1024 * 1024;

function refuseUpgrade(socket: Duplex, status: number): void {
  const text = status === 401 ? 'Unauthorized' : status === 403 ? 'Forbidden' : 'Not Found';
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

export async function startHostServer(options: HostServerOptions): Promise<HostServer> {
  const { core, rendererDir, log } = options;
  const token = options.token ?? createToken();
  const clients = new Set<WebSocket>();
  const send = (ws: WebSocket, text: string) => {
    if (ws.readyState === ws.OPEN) ws.send(text);
  };

  const http = createServer((request, response) => {
    serveStatic(rendererDir, request, response).catch((error: unknown) => {
      log.error('Serving a static file failed.', { url: request.url, error: String(error) });
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const port = await listen(http, options.port);
  const allowedOrigins = ownOrigins(port);

  http.on('upgrade', (request, socket, head) => {
    const decision = decideUpgrade({ url: request.url ?? '/', origin: request.headers.origin }, token, allowedOrigins);
    if (!decision.ok) {
      log.warn('Refused a bridge connection.', { status: decision.status, reason: decision.reason });
      return refuseUpgrade(socket, decision.status);
    }
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws));
  });

  wss.on('connection', (ws: WebSocket) => {
    clients.add(ws);
    ws.on('close', () => clients.delete(ws));
    ws.on('error', (error) => log.warn('A bridge connection failed.', { error: String(error) }));
    ws.on('message', (data, isBinary) => {
      // Binary frames are not part of the protocol: answered like any other malformed message.
      const raw = isBinary ? '' : String(data);
      void answerBridgeMessage(core.handlers, raw).then((answer) => send(ws, JSON.stringify(answer)));
    });
  });

  // A push is made text once for every client: the open thread's page rides on the change
  // notices (tens of kilobytes each, tens a second under live traffic).
  const unsubscribers = PUSH_EVENT_NAMES.map((event) =>
    core.on(event, (payload) => {
      if (clients.size === 0) return;
      const message: BridgeServerMessage = { type: 'push', event, payload };
      const text = JSON.stringify(message);
      for (const ws of clients) send(ws, text);
    }),
  );

  const origin = allowedOrigins[0] as string;
  return {
    url: `${origin}/?${BRIDGE_TOKEN_PARAM}=${token}`,
    origin,
    port,
    token,
    async close() {
      for (const unsubscribe of unsubscribers) unsubscribe();
      for (const ws of clients) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}
