import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatAge, formatClock, formatDay, formatFullDate, formatNumber, formatRelative } from './format';

const LocaleContext = createContext('en');

export function LocaleProvider({ locale, children }: { locale: string; children: ReactNode }) {
  return <LocaleContext.Provider value={locale}>{children}</LocaleContext.Provider>;
}

/** Formatters bound to the agent's locale and the current translation function. */
export function useFormat() {
  const locale = useContext(LocaleContext);
  const { t } = useTranslation();
  return useMemo(
    () => ({
      locale,
      relative: (at: number, now: number) => formatRelative(at, now, locale, t),
      clock: (at: number) => formatClock(at, locale),
      fullDate: (at: number) => formatFullDate(at, locale),
      day: (at: number, now: number) => formatDay(at, now, locale, t),
      number: (value: number) => formatNumber(value, locale),
      age: (ms: number) => formatAge(ms, locale),
    }),
    [locale, t],
  );
}
