import { useLocale, useT } from '../i18n/LocaleContext';
import { AlertIcon, CloseIcon } from '../ui/icons';
import { useToasts } from './ToastContext';
import { toastText } from './toastText';
import './toasts.css';

export function Toasts() {
  const t = useT();
  const { locale } = useLocale();
  const { toasts, dismiss } = useToasts();
  return (
    <section className="toasts" aria-label={t('toast.region')} aria-live="polite">
      {toasts.map((toast) => {
        const { title, detail } = toastText(t, locale, toast.message);
        return (
          <div key={toast.id} className={`toast toast--${toast.tone}`} data-testid="toast">
            {toast.tone === 'error' ? <AlertIcon className="toast__icon" /> : null}
            <div className="toast__text">
              <p className="toast__title">{title}</p>
              {detail ? <p className="toast__detail">{detail}</p> : null}
            </div>
            <button type="button" className="icon-button toast__dismiss" aria-label={t('toast.dismiss')} onClick={() => dismiss(toast.id)}>
              <CloseIcon />
            </button>
          </div>
        );
      })}
    </section>
  );
}
