// A message the customer sent that the server has not confirmed yet: a clock while it travels, a
// retry when it failed. The retry reuses the id, so the server stores it at most once.
import { useTranslation } from 'react-i18next';
import type { Outgoing } from './Composer';
import { AlertIcon, ClockIcon, FileIcon } from './icons';

export interface Pending extends Outgoing {
  clientId: string;
  state: 'sending' | 'failed';
}

export function PendingBubble({ pending, onRetry }: { pending: Pending; onRetry(): void }) {
  const { t } = useTranslation();
  return (
    <li className="message mine pending" data-testid="portal-message" data-from="customer" data-status={pending.state === 'sending' ? 'pending' : 'failed'}>
      <div className="bubble">
        {pending.text !== '' && <p className="body" dir="auto">{pending.text}</p>}
        {pending.fileNames.length > 0 && (
          <ul className="attachments">
            {pending.fileNames.map((name, index) => (
              <li key={index} className="attachment-file">
                <FileIcon />
                <span className="attachment-name" dir="auto">
                  {name}
                </span>
              </li>
            ))}
          </ul>
        )}
        <div className="message-meta">
          {pending.state === 'sending' ? (
            <span className="status" title={t('status.pending')}>
              <ClockIcon label={t('status.pending')} />
            </span>
          ) : (
            <span className="status failed">
              <AlertIcon />
              <span>{t('composer.failed')}</span>
              <button type="button" className="link-button" onClick={onRetry}>
                {t('composer.retry')}
              </button>
            </span>
          )}
        </div>
      </div>
    </li>
  );
}
