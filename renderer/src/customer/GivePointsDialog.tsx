import { useState, type FormEvent } from 'react';
import { useT } from '../i18n/LocaleContext';
import { useDeskMutation } from '../api/hooks';
import { Dialog } from '../ui/Dialog';

export function GivePointsDialog({ contactId, name, onClose }: { contactId: string; name: string; onClose: () => void }) {
  const t = useT();
  const update = useDeskMutation('contact.update', { onSuccess: onClose });
  const [points, setPoints] = useState('50');
  const [reason, setReason] = useState('');
  const amount = Number(points);
  const valid = Number.isInteger(amount) && amount >= 1 && amount <= 100_000 && reason.trim() !== '';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (valid) update.mutate({ contactId, change: { op: 'givePoints', points: amount, reason: reason.trim() } });
  };
  return (
    <Dialog
      title={t('customer.givePoints.title', { name })}
      onClose={onClose}
      testId="give-points"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t('customer.cancel')}
          </button>
          <button type="submit" form="give-points-form" className="button button--primary" disabled={!valid || update.isPending} data-testid="give-points-submit">
            {t('customer.givePoints.submit')}
          </button>
        </>
      }
    >
      <form id="give-points-form" className="form-stack" onSubmit={submit}>
        <label className="form-stack__field">
          {t('customer.givePoints.points')}
          <input className="input" type="number" min={1} max={100_000} step={1} value={points} autoFocus onChange={(e) => setPoints(e.target.value)} data-testid="give-points-amount" />
        </label>
        <label className="form-stack__field">
          {t('customer.givePoints.reason')}
          <input className="input" value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} data-testid="give-points-reason" />
        </label>
      </form>
    </Dialog>
  );
}
