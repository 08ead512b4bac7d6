// Keeps the query cache in step with the core: every push event lands here.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { Notice } from '../../../shared/ipc/contract';
import { useDeskApi } from './ApiContext';
import { deskKey, invalidationsFor } from './queryKeys';
import { applySession } from './session';

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
      api.on('notice', onNotice),
    ];
    return () => unsubscribe.forEach((off) => off());
  }, [api, queryClient, onNotice]);
}
