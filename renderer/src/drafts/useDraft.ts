// Keeps the composer's text as a draft in the core (SQLite): loaded when the conversation opens,
// saved shortly after the agent stops typing and when the composer goes away.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useDeskApi } from '../api/ApiContext';
import { useDeskQuery } from '../api/hooks';
import { deskKey } from '../api/queryKeys';

const SAVE_DELAY_MS = 400;

/**
 * `restore` is called once with the stored draft (if the agent has not typed yet); `body` is saved
 * when it changes.
 */
export function useDraft(conversationId: string, body: string, restore: (text: string) => void): void {
  const api = useDeskApi();
  const queryClient = useQueryClient();
  const stored = useDeskQuery('draft.get', { conversationId }, { staleTime: Infinity });
  const restored = useRef(false);
  const saved = useRef<string | null>(null);

  useEffect(() => {
    if (restored.current || !stored.isSuccess) return;
    restored.current = true;
    saved.current = stored.data ?? '';
    if (stored.data && body === '') restore(stored.data);
  }, [stored.isSuccess, stored.data, body, restore]);

  const latest = useRef(body);
  latest.current = body;
  useEffect(() => {
    if (!restored.current || saved.current === body) return;
    const save = () => {
      saved.current = latest.current;
      queryClient.setQueryData(deskKey('draft.get', { conversationId }), latest.current || null);
      void api['draft.save']({ conversationId, body: latest.current });
    };
    const timer = setTimeout(save, SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [api, queryClient, conversationId, body]);

  // Switching away must not lose the last keystrokes still waiting for the timer.
  useEffect(
    () => () => {
      if (restored.current && saved.current !== latest.current) {
        queryClient.setQueryData(deskKey('draft.get', { conversationId }), latest.current || null);
        void api['draft.save']({ conversationId, body: latest.current });
      }
    },
    [api, queryClient, conversationId],
  );
}
