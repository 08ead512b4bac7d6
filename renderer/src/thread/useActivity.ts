// Typing and presence for the open conversation: fetched from the core and refetched whenever the
// core pushes an `activity` notice.
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
  return useDeskQuery('activity.get', { conversationId }, { refetchInterval: 10_000 });
}
