import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { SETTINGS_DEFAULTS, type Settings, type SettingsPatch } from '../../../shared/settings';
import { useDeskMutation, useDeskQuery } from '../api/hooks';
import { deskKey } from '../api/queryKeys';

/** The agent's settings (defaults until the core answers) and a function that changes some. */
export function useSettings(): { settings: Settings; update: (patch: SettingsPatch) => void } {
  const queryClient = useQueryClient();
  const query = useDeskQuery('settings.get', {}, { staleTime: Infinity });
  const key = deskKey('settings.get', {});
  const mutation = useDeskMutation('settings.update', {
    // Show the change at once; the core's answer (all settings as stored) replaces the guess.
    onMutate: (patch) => {
      const previous = queryClient.getQueryData<Settings>(key);
      queryClient.setQueryData<Settings>(key, { ...(previous ?? SETTINGS_DEFAULTS), ...patch });
      return previous;
    },
    onSuccess: (stored) => queryClient.setQueryData(key, stored),
    onError: () => void queryClient.invalidateQueries({ queryKey: key }),
  });
  // Stable across renders, so callbacks built on it can be too.
  const { mutate } = mutation;
  const update = useCallback((patch: SettingsPatch) => mutate(patch), [mutate]);
  return { settings: query.data ?? SETTINGS_DEFAULTS, update };
}
