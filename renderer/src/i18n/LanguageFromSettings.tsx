import { useEffect } from 'react';
import { useDeskQuery } from '../api/hooks';
import { useLocale } from './LocaleContext';

/**
 * Applies the language chosen in Settings: once the core has answered, and on every change (the
 * Settings dialog updates the same query at once, so the switch needs no reload).
 */
export function LanguageFromSettings() {
  const settings = useDeskQuery('settings.get', {}, { staleTime: Infinity });
  const { choose } = useLocale();
  const choice = settings.data?.language;
  useEffect(() => {
    if (choice) choose(choice);
  }, [choice, choose]);
  return null;
}
