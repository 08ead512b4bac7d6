// Loading and failure states shared by the pages.
import { useTranslation } from 'react-i18next';

export function Loading() {
  const { t } = useTranslation();
  return (
    <main className="page state" aria-busy="true">
      <p className="muted">{t('app.loading')}</p>
    </main>
  );
}

export function LoadFailure({ onRetry }: { onRetry(): void }) {
  const { t } = useTranslation();
  return (
    <main className="page state" role="alert">
      <p>{t('app.failed')}</p>
      <button type="button" className="button" onClick={onRetry}>
        {t('app.retry')}
      </button>
    </main>
  );
}
