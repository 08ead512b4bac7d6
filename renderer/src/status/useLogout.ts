import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { errorCode } from '../api/call';
import { useDeskMutation } from '../api/hooks';
import { applySession } from '../api/session';
import { useToasts } from '../toasts/ToastContext';

/**
 * Logout that never silently drops unsent messages: with anything in the outbox the agent confirms
 * first, and the core's own check (`unsentMessages`) catches a message queued in the meantime.
 */
export function useLogout(unsent: number) {
  const { show } = useToasts();
  const queryClient = useQueryClient();
  const [confirmCount, setConfirmCount] = useState<number | null>(null);
  const logout = useDeskMutation('session.logout', {
    onSuccess: () => {
      setConfirmCount(null);
      applySession(queryClient, null);
    },
    onError: (error) => {
      if (errorCode(error) === 'unsentMessages') setConfirmCount(Math.max(unsent, 1));
      else show({ message: { errorCode: errorCode(error) }, tone: 'error' });
    },
  });

  return {
    confirmCount,
    busy: logout.isPending,
    start: () => (unsent > 0 ? setConfirmCount(unsent) : logout.mutate({ discardUnsent: false })),
    confirm: () => logout.mutate({ discardUnsent: true }),
    cancel: () => setConfirmCount(null),
  };
}
