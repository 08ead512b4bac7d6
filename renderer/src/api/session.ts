import type { QueryClient } from '@tanstack/react-query';
import type { Session } from '../../../shared/ipc/contract';
import { DESK, deskKey } from './queryKeys';

const sessionKey = deskKey('session.get', {});
const appInfoKey = deskKey('app.info', {});

/**
 * Records the new session. On logout every cached query except the app info is dropped, so the
 * next agent never sees the previous agent's inbox, even for a frame.
 */
export function applySession(queryClient: QueryClient, session: Session | null): void {
  if (!session) {
    queryClient.removeQueries({
      predicate: (query) => {
        const [scope, method] = query.queryKey;
        return scope === DESK && method !== appInfoKey[1] && method !== sessionKey[1];
      },
    });
  }
  queryClient.setQueryData(sessionKey, session);
}
