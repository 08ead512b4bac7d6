import { useTranslation } from 'react-i18next';
import { AlertIcon, CloseIcon } from '../ui/icons';
import { useToasts } from './ToastContext';
import './toasts.css';

export function Toasts() {
  const { t } = useTranslation();
  const { toasts, dismiss } = useToasts();
  return (
    <section className="toasts" aria-label={t('toast.region')} aria-live="polite">
      {toasts.map((toast) => (
        <div key={toast.id} className={`toast toast--${toast.tone}`} data-testid="toast">
          {toast.tone === 'error' ? <AlertIcon className="toast__icon" /> : null}
          <div className="toast__text">
            <p className="toast__title">{toast.title}</p>
            {toast.detail ? <p className="toast__detail">{toast.detail}</p> : null}
          </div>
          <button type="button" className="icon-button toast__dismiss" aria-label={t('toast.dismiss')} onClick={() => dismiss(toast.id)}>
            <CloseIcon />
          </button>
        </div>
      ))}
    </section>
  );
}
