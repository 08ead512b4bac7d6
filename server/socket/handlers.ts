// One handler per socket request. Each runs with the authenticated session, and every query
// inside is scoped to the session's tenant.
import type { z } from 'zod';
import type { SocketRequestName, SocketResponse, socketRequests } from '../../shared/protocol';
import type { Session } from '../store/directory';
import { historyPage } from '../operations/history';
import { markRead } from '../operations/markRead';
import { pull } from '../operations/pull';
import { sendMessage, type SendDeps } from '../operations/send';
import { snapshot } from '../operations/snapshot';

export type ParsedRequest<N extends SocketRequestName> = z.output<(typeof socketRequests)[N]['request']>;

export type Handlers = {
  [N in SocketRequestName]: (session: Session, request: ParsedRequest<N>) => Promise<SocketResponse<N>>;
};

export function createHandlers(deps: SendDeps & { now: () => number }): Handlers {
  return {
    'sync.pull': (session, request) => pull(deps.db, session.tenantId, request),
    'sync.snapshot': (session, request) => snapshot(deps.db, session, request, deps.now()),
    'history.page': (session, request) => historyPage(deps.db, session.tenantId, request),
    'message.send': (session, request) => sendMessage(deps, session, request),
    'conversation.markRead': (session, request) => markRead(deps, session, request),
  };
}
