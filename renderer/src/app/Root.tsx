// Everything the app needs before its first screen: translations, the query cache, the API and
// toasts. Also the two states in which nothing else can work: no token, or the core went away.
import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ApiProvider } from '../api/ApiContext';
import { createQueryClient } from '../api/queryClient';
import type { ApiConnection } from '../api/selectApi';
import type { LocaleSetup } from '../i18n/i18n';
import { LanguageFromSettings } from '../i18n/LanguageFromSettings';
import { LocaleProvider, useT } from '../i18n/LocaleContext';
import { ToastProvider } from '../toasts/ToastContext';
import { FullScreenMessage } from '../ui/FullScreenMessage';
import { App } from './App';

export function Root({ connection, locale, systemLocales }: { connection: ApiConnection; locale: LocaleSetup; systemLocales: readonly string[] }) {
  const [queryClient] = useState(createQueryClient);
  return (
    <LocaleProvider setup={locale} systemLocales={systemLocales}>
      {connection.kind === 'missingToken' ? (
        <MissingToken />
      ) : (
        <CoreGuard connection={connection}>
          <QueryClientProvider client={queryClient}>
            <ApiProvider api={connection.api}>
              <LanguageFromSettings />
              <ToastProvider>
                <App />
              </ToastProvider>
            </ApiProvider>
          </QueryClientProvider>
        </CoreGuard>
      )}
    </LocaleProvider>
  );
}

function MissingToken() {
  const t = useT();
  return <FullScreenMessage title={t('app.missingToken.title')} body={t('app.missingToken.body')} />;
}

/** In host mode the core is a separate process; when its socket drops nothing on screen is live. */
function CoreGuard({ connection, children }: { connection: Exclude<ApiConnection, { kind: 'missingToken' }>; children: React.ReactNode }) {
  const t = useT();
  const [stopped, setStopped] = useState(false);
  useEffect(() => {
    if (connection.kind === 'bridge') connection.client.onClose(() => setStopped(true));
  }, [connection]);

  if (stopped) {
    return (
      <FullScreenMessage
        testId="core-stopped"
        title={t('app.coreStopped.title')}
        body={t('app.coreStopped.body')}
        action={
          <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
            {t('app.coreStopped.reload')}
          </button>
        }
      />
    );
  }
  return children;
}
