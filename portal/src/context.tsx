// What every portal screen needs: the API, the Intl locale, live change notices, and a way to say
// "the session is gone". Passed down explicitly through one context, created once in App.
import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react';
import { formatterFor, type Formatter } from '../../shared/i18n/format';
import { ApiError, type PortalApi } from './api';
import type { PortalTyping } from '../../shared/portal';
import type { Change } from './live';

export interface PortalContextValue {
  api: PortalApi;
  locale: string;
  /** Calls `listener` for every live change notice; returns the unsubscribe function. */
  subscribe(listener: (change: Change) => void): () => void;
  /** Calls `listener` when someone of the team starts or stops typing; returns the unsubscribe function. */
  subscribeTyping(listener: (typing: PortalTyping) => void): () => void;
  signedOut(): void;
}

const PortalContext = createContext<PortalContextValue | null>(null);
export const PortalProvider = PortalContext.Provider;

export function usePortal(): PortalContextValue {
  const value = useContext(PortalContext);
  if (!value) throw new Error('usePortal outside PortalProvider');
  return value;
}

/** Dates, times and numbers in the customer's locale, formatted like the console formats them. */
export const useFormat = (): Formatter => formatterFor(usePortal().locale);

export type Loaded<T> =
  | { state: 'loading' }
  | { state: 'ready'; data: T }
  | { state: 'error'; error: ApiError };

/**
 * Loads with `load` (again whenever `key` changes) and reloads whenever a live change passes
 * `concerns`. Earlier answers that arrive late are dropped; the last good data stays on screen
 * while a reload runs.
 */
export function useLiveLoad<T>(key: string, load: () => Promise<T>, concerns: (change: Change) => boolean): Loaded<T> & { reload(): void } {
  const { subscribe, signedOut } = usePortal();
  const [result, setResult] = useState<Loaded<T>>({ state: 'loading' });
  const latest = useRef(0);
  const loadRef = useRef(load);
  const concernsRef = useRef(concerns);
  useEffect(() => {
    loadRef.current = load;
    concernsRef.current = concerns;
  });

  const reload = useCallback(() => {
    const ticket = ++latest.current;
    loadRef.current().then(
      (data) => {
        if (ticket === latest.current) setResult({ state: 'ready', data });
      },
      (error: unknown) => {
        if (ticket !== latest.current) return;
        const failure = error instanceof ApiError ? error : new ApiError(0, 'internal', String(error));
        if (failure.status === 401) signedOut();
        // A failed background reload keeps what is shown; only a first load shows the error.
        setResult((current) => (current.state === 'ready' && failure.status === 0 ? current : { state: 'error', error: failure }));
      },
    );
  }, [signedOut]);

  useEffect(() => {
    setResult({ state: 'loading' });
    reload();
  }, [reload, key]);
  useEffect(() => subscribe((change) => concernsRef.current(change) && reload()), [subscribe, reload]);
  return { ...result, reload };
}

/** The current time, ticking every `everyMs`, for relative times. */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
