// Typing and presence for the open conversation: fetched from the core and refetched whenever the
// core pushes an `activity` notice. The core tells only about conversations asked about lately
// (main/core/activity.ts), so the ask repeats while the thread is shown and when the window comes
// back into view (a hidden window's timers may not run for a while).
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useDeskApi } from '../api/ApiContext';
import { useDeskQuery } from '../api/hooks';
import { deskKeyPrefix } from '../api/queryKeys';

export function useActivity(conversationId: string) {
  const api = useDeskApi();
  const queryClient = useQueryClient();
  useEffect(
    () =>
      api.on('activity', ({ conversationIds }) => {
        if (conversationIds.length === 0 || conversationIds.includes(conversationId)) {
          void queryClient.invalidateQueries({ queryKey: deskKeyPrefix('activity.get', { conversationId }) });
        }
      }),
    [api, queryClient, conversationId],
  );
  return useDeskQuery('activity.get', { conversationId }, { refetchInterval: 10_000, refetchOnWindowFocus: 'always' });
}
