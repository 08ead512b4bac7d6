// The portal page: who is signed in, live updates, and which screen the address names.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PortalMe, PortalTyping, SignInFailure } from '../../shared/portal';
import { ApiError, type PortalApi } from './api';
import { ComposeView } from './ComposeView';
import { PortalProvider, type PortalContextValue } from './context';
import { type Change, type LiveMode, startLiveUpdates } from './live';
import { MessagesPage } from './MessagesPage';
import { parseLocation, pathOf, type Route } from './routes';
import { LoadFailure, Loading } from './states';
import { ThreadPage } from './ThreadPage';

export interface AppProps {
  api: PortalApi;
  locale: string;
  initialRoute: Route;
  signInFailure: SignInFailure | null;
  openStream?: (url: string) => EventSource;
}

type Session = { state: 'loading' } | { state: 'signedIn'; me: PortalMe } | { state: 'signedOut' } | { state: 'failed' };

function SignedOut({ failure }: { failure: SignInFailure | null }) {
  const { t } = useTranslation();
  return (
    <main className="page state" data-testid="portal-signed-out">
      <section className="card compose-card">
        <h1>{t('signIn.title')}</h1>
        {failure && (
          <p className="error-text" role="alert">
            {t(`signIn.${failure}`)}
          </p>
        )}
        <p className="muted">{t('signIn.body')}</p>
      </section>
    </main>
  );
}

const openEventSource = (url: string) => new EventSource(url);

export function App({ api, locale, initialRoute, signInFailure, openStream = openEventSource }: AppProps) {
  const { t } = useTranslation();
  const [route, setRoute] = useState<Route>(initialRoute);
  const [session, setSession] = useState<Session>({ state: 'loading' });
  const [mode, setMode] = useState<LiveMode>('connecting');
  const [online, setOnline] = useState(() => navigator.onLine);
  const listeners = useRef(new Set<(change: Change) => void>());
  const typingListeners = useRef(new Set<(typing: PortalTyping) => void>());
  const main = useRef<HTMLDivElement>(null);

  const loadMe = useCallback(() => {
    api.me().then(
      (me) => setSession({ state: 'signedIn', me }),
      (error: unknown) => setSession(error instanceof ApiError && error.status === 401 ? { state: 'signedOut' } : { state: 'failed' }),
    );
  }, [api]);
  useEffect(loadMe, [loadMe]);

  const navigate = useCallback(
    (next: Route, options: { replace?: boolean } = {}) => {
      const path = pathOf(api.tenant, next);
      if (options.replace) history.replaceState(null, '', path);
      else history.pushState(null, '', path);
      setRoute(next);
      // Move focus to the new screen, as a page load would.
      requestAnimationFrame(() => main.current?.querySelector<HTMLElement>('h1')?.focus());
    },
    [api.tenant],
  );

  useEffect(() => {
    const onPop = () => setRoute(parseLocation(location.pathname, '')?.route ?? { page: 'messages' });
    const onOnline = () => setOnline(navigator.onLine);
    window.addEventListener('popstate', onPop);
    window.addEventListener('online', onOnline);
    window.addEventListener('offline', onOnline);
    return () => {
      window.removeEventListener('popstate', onPop);
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOnline);
    };
  }, []);

  const signedIn = session.state === 'signedIn';
  useEffect(() => {
    if (!signedIn) return;
    return startLiveUpdates({
      url: api.eventsUrl,
      open: openStream,
      onChange: (change) => listeners.current.forEach((listener) => listener(change)),
      onTyping: (typing) => typingListeners.current.forEach((listener) => listener(typing)),
      onMode: setMode,
    });
  }, [api, signedIn, openStream]);

  useEffect(() => {
    document.title = session.state === 'signedIn' ? t('app.title', { team: session.me.team.name }) : t('messages.title');
  }, [session, t]);

  const context = useMemo<PortalContextValue>(
    () => ({
      api,
      locale,
      subscribe(listener) {
        listeners.current.add(listener);
        return () => listeners.current.delete(listener);
      },
      subscribeTyping(listener) {
        typingListeners.current.add(listener);
        return () => typingListeners.current.delete(listener);
      },
      signedOut: () => setSession({ state: 'signedOut' }),
    }),
    [api, locale],
  );

  if (session.state === 'loading') return <Loading />;
  if (session.state === 'failed') return <LoadFailure onRetry={loadMe} />;
  if (session.state === 'signedOut') return <SignedOut failure={signInFailure} />;
  const { me } = session;

  return (
    <PortalProvider value={context}>
      <div className="shell" ref={main}>
        <header className="topbar">
          <span className="team">{me.team.name}</span>
          <span className="topbar-end">
            <span className="muted who">{t('app.signedInAs', { name: me.customer.name })}</span>
            <button
              type="button"
              className="button subtle"
              data-testid="portal-sign-out"
              onClick={() => api.signOut().finally(() => setSession({ state: 'signedOut' }))}
            >
              {t('app.signOut')}
            </button>
          </span>
        </header>
        {(!online || mode === 'polling') && (
          <p className="banner" role="status" data-testid="portal-live-mode" data-mode={online ? mode : 'offline'}>
            {online ? t('app.polling') : t('app.offline')}
          </p>
        )}
        {route.page === 'thread' ? (
          <ThreadPage key={route.conversationId} conversationId={route.conversationId} me={me} navigate={navigate} />
        ) : route.page === 'compose' ? (
          <ComposeView navigate={navigate} canGoBack />
        ) : (
          <MessagesPage navigate={navigate} />
        )}
      </div>
    </PortalProvider>
  );
}
