import { useT } from '../i18n/LocaleContext';
import { Dialog } from '../ui/Dialog';

interface LogoutDialogProps {
  unsent: number;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

export function LogoutDialog({ unsent, busy, onConfirm, onCancel }: LogoutDialogProps) {
  const t = useT();
  return (
    <Dialog
      title={t('logout.title')}
      onClose={onCancel}
      testId="logout-dialog"
      footer={
        <>
          {/* Cancel comes first so it gets the initial focus: discarding must be deliberate. */}
          <button type="button" className="button" onClick={onCancel}>
            {t('logout.cancel')}
          </button>
          <button type="button" className="button button--danger" disabled={busy} onClick={onConfirm}>
            {t('logout.confirm')}
          </button>
        </>
      }
    >
      <p>{t('logout.body', { count: unsent })}</p>
    </Dialog>
  );
}
