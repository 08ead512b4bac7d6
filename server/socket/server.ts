// socket.io: token authentication in the handshake, one room per tenant, request/ack dispatch.
import type { Server as HttpServer } from 'node:http';
import type { Kysely } from 'kysely';
import { Server, type Socket } from 'socket.io';
import { type ProtocolError, type SocketRequestName, socketRequests } from '../../shared/protocol';
import { sha256 } from '../auth/tokens';
import type { DB } from '../db/schema';
import { describeZodError, ProtocolFailure } from '../errors';
import { errorFields, type Logger } from '../log';
import { findSession, type Session } from '../store/directory';
import type { Publisher } from '../sync/writer';
import { visibleTo } from '../operations/canned';
import type { Handlers } from './handlers';

export const tenantRoom = (tenantId: string) => `tenant:${tenantId}`;

type Ack = (answer: { ok: true; value: unknown } | { ok: false; error: ProtocolError }) => void;

export function createSocketServer(httpServer: HttpServer, deps: { db: Kysely<DB>; log: Logger }): { io: Server; publisher: Publisher } {
  const io = new Server(httpServer, { serveClient: false });
  io.use((socket, next) => {
    authenticate(deps.db, socket.handshake.auth?.token).then(
      async (session) => {
        if (!session) return next(new Error('unauthorized'));
        socket.data.session = session;
        await socket.join(tenantRoom(session.tenantId));
        next();
      },
      (error: unknown) => {
        deps.log.error('socket authentication failed', errorFields(error));
        next(new Error('internal'));
      },
    );
  });
  const publisher: Publisher = {
    publish: (tenantId, events) => {
      const room = tenantRoom(tenantId);
      if (events.every((e) => visibleTo(e, '') === e)) return void io.to(room).emit('sync.events', { events });
      // Some events are private to one agent: each socket gets its own view, in the same seq order.
      for (const socketId of io.sockets.adapter.rooms.get(room) ?? []) {
        const socket = io.sockets.sockets.get(socketId);
        const agentId = (socket?.data.session as Session | undefined)?.agentId;
        if (socket && agentId) socket.emit('sync.events', { events: events.map((e) => visibleTo(e, agentId)) });
      }
    },
  };
  return { io, publisher };
}

async function authenticate(db: Kysely<DB>, token: unknown): Promise<Session | null> {
  if (typeof token !== 'string' || token.length === 0 || token.length > 200) return null;
  return findSession(db, sha256(token));
}

export function serveRequests(io: Server, handlers: Handlers, log: Logger): void {
  io.on('connection', (socket: Socket) => {
    const session = socket.data.session as Session;
    for (const name of Object.keys(socketRequests) as SocketRequestName[]) {
      socket.on(name, (payload: unknown, ack: unknown) => {
        if (typeof ack !== 'function') return;
        void answer(name, session, payload, handlers, log).then(ack as Ack);
      });
    }
  });
}

async function answer(
  name: SocketRequestName,
  session: Session,
  payload: unknown,
  handlers: Handlers,
  log: Logger,
): Promise<Parameters<Ack>[0]> {
  const parsed = socketRequests[name].request.safeParse(payload);
  if (!parsed.success) return { ok: false, error: { code: 'invalid', message: `${name}: ${describeZodError(parsed.error)}` } };
  try {
    const handler = handlers[name] as (session: Session, request: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(session, parsed.data) };
  } catch (error) {
    if (error instanceof ProtocolFailure) {
      return { ok: false, error: { code: error.code, message: error.message, ...(error.reason ? { reason: error.reason } : {}) } };
    }
    log.error(`${name} failed`, { ...errorFields(error), agentId: session.agentId });
    return { ok: false, error: { code: 'internal', message: 'Internal server error.' } };
  }
}
