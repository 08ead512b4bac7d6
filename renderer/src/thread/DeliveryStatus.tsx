import { useT } from '../i18n/LocaleContext';
import { useDeskMutation } from '../api/hooks';
import { useReasonText } from '../i18n/reasonText';
import { AlertIcon, CheckIcon, ClockIcon, DoubleCheckIcon } from '../ui/icons';
import type { DeliveryIndicator } from './delivery';

export function DeliveryStatus({ indicator }: { indicator: DeliveryIndicator }) {
  const t = useT();
  const label = t(`delivery.${indicator.state}`);
  switch (indicator.state) {
    case 'waiting':
      return (
        <span className="delivery delivery--waiting">
          <ClockIcon />
          {label}
        </span>
      );
    case 'sending':
      return (
        <span className="delivery delivery--sending">
          <ClockIcon label={label} />
        </span>
      );
    case 'sent':
      return (
        <span className="delivery">
          <CheckIcon label={label} />
        </span>
      );
    case 'delivered':
      return (
        <span className="delivery">
          <DoubleCheckIcon label={label} />
        </span>
      );
    case 'read':
      return (
        <span className="delivery delivery--read">
          <DoubleCheckIcon label={label} />
        </span>
      );
    case 'failed':
      return <FailedDelivery indicator={indicator} />;
  }
}

function FailedDelivery({ indicator }: { indicator: DeliveryIndicator }) {
  const t = useT();
  const reason = useReasonText().reason(indicator.reason);
  const retry = useDeskMutation('outbox.retry');
  const discard = useDeskMutation('outbox.discard');
  const busy = retry.isPending || discard.isPending;
  return (
    <div className="delivery delivery--failed" role="alert">
      <span className="delivery__reason">
        <AlertIcon />
        {reason ? t('delivery.failedReason', { reason }) : t('delivery.failed')}
      </span>
      {indicator.entryId ? (
        <span className="delivery__actions">
          <button type="button" className="button button--small" disabled={busy} onClick={() => retry.mutate({ entryId: indicator.entryId! })}>
            {t('delivery.retry')}
          </button>
          <button type="button" className="button button--small" disabled={busy} onClick={() => discard.mutate({ entryId: indicator.entryId! })}>
            {t('delivery.discard')}
          </button>
        </span>
      ) : null}
    </div>
  );
}
