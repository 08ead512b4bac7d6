// Keeps the query cache in step with the core: every push event lands here.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { DeskApi, Notice } from '../../../shared/ipc/contract';
import { useDeskApi } from './ApiContext';
import { applyOpenThread, notWritten } from './openThread';
import { deskKey, invalidationsFor, isListKey } from './queryKeys';
import { createRefreshScheduler } from './refreshScheduler';
import { applySession } from './session';

/**
 * Notices are taken from the core rather than read off the push: the core keeps those raised
 * before this window listened (a cache rebuilt at start), and taking clears them, so each is shown
 * once, whenever the window arrives.
 */
async function takeNotices(api: DeskApi, onNotice: (notice: Notice) => void): Promise<void> {
  const result = await api['notices.take']({});
  if (result.ok) result.value.forEach(onNotice);
}

/** Lists refresh at most this often during a burst of changes (see refreshScheduler.ts). */
export const LIST_REFRESH_INTERVAL_MS = 500;

export function usePushSync(onNotice: (notice: Notice) => void): void {
  const api = useDeskApi();
  const queryClient = useQueryClient();
  useEffect(() => {
    const refresher = createRefreshScheduler(
      {
        invalidate: (queryKey) => queryClient.invalidateQueries({ queryKey }, { cancelRefetch: false }),
        status: (queryKey) => {
          const queries = queryClient.getQueryCache().findAll({ queryKey });
          if (queries.length === 0) return 'none';
          return queries.some((query) => query.state.fetchStatus === 'fetching') ? 'fetching' : 'idle';
        },
      },
      { isList: isListKey, listIntervalMs: LIST_REFRESH_INTERVAL_MS },
      { now: () => performance.now(), setTimer: (fn, ms) => setTimeout(fn, ms), clearTimer: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>) },
    );
    const unsubscribe = [
      api.on('changed', (notice) => {
        const written = notice.open ? applyOpenThread(queryClient, notice.open) : new Set<string>();
        refresher.refresh(notWritten(queryClient, invalidationsFor(notice), written));
      }),
      api.on('connection', (state) => queryClient.setQueryData(deskKey('connection.get', {}), state)),
      api.on('session', (session) => applySession(queryClient, session)),
      api.on('notice', () => void takeNotices(api, onNotice)),
    ];
    void takeNotices(api, onNotice);
    return () => {
      unsubscribe.forEach((off) => off());
      refresher.dispose();
    };
  }, [api, queryClient, onNotice]);
}
