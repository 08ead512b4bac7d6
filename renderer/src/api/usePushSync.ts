// Keeps the query cache in step with the core: every push event lands here.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { DeskApi, Notice } from '../../../shared/ipc/contract';
import { useDeskApi } from './ApiContext';
import { deskKey, invalidationsFor } from './queryKeys';
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

export function usePushSync(onNotice: (notice: Notice) => void): void {
  const api = useDeskApi();
  const queryClient = useQueryClient();
  useEffect(() => {
    const unsubscribe = [
      api.on('changed', (notice) => {
        for (const queryKey of invalidationsFor(notice)) void queryClient.invalidateQueries({ queryKey });
      }),
      api.on('connection', (state) => queryClient.setQueryData(deskKey('connection.get', {}), state)),
      api.on('session', (session) => applySession(queryClient, session)),
      api.on('notice', () => void takeNotices(api, onNotice)),
    ];
    void takeNotices(api, onNotice);
    return () => unsubscribe.forEach((off) => off());
  }, [api, queryClient, onNotice]);
}
