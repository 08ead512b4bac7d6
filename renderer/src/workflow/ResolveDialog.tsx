// Resolve with a closure reason from the team's list and an optional internal note.
import { useState, type KeyboardEvent } from 'react';
import { useT } from '../i18n/LocaleContext';
import { MAX_NOTE_LENGTH } from '../../../shared/protocol';
import { Dialog } from '../ui/Dialog';
import { useAction, useTeam } from './useWorkflow';
import './workflow.css';

export function ResolveDialog({ conversationId, onClose }: { conversationId: string; onClose: () => void }) {
  const t = useT();
  const team = useTeam();
  const [reason, setReason] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const resolve = useAction('conversation.resolve', onClose);
  const reasons = team.data?.closureReasons ?? [];
  const submit = () => {
    if (reason !== null && !resolve.pending) resolve.run({ conversationId, reason, ...(note.trim() ? { note: note.trim() } : {}) });
  };
  // From the keyboard: arrows or Space pick a reason, Enter resolves (Ctrl+Enter from the note).
  const onKeyDown = (event: KeyboardEvent, needsMod: boolean) => {
    if (event.key !== 'Enter' || (needsMod && !(event.ctrlKey || event.metaKey))) return;
    event.preventDefault();
    submit();
  };

  return (
    <Dialog
      title={t('workflow.resolve.title')}
      onClose={onClose}
      testId="resolve-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t('workflow.cancel')}
          </button>
          <button
            type="button"
            className="button button--primary"
            data-testid="resolve-submit"
            disabled={reason === null || resolve.pending}
            onClick={submit}
          >
            {t('workflow.resolve.submit')}
          </button>
        </>
      }
    >
      <p className="dialog-hint">{t('workflow.resolve.hint')}</p>
      <div className="pick-list" role="radiogroup" aria-label={t('workflow.resolve.reason')} onKeyDown={(e) => onKeyDown(e, false)}>
        {reasons.map((r) => (
          <label key={r} className="pick-list__item" data-testid="resolve-reason">
            <input type="radio" name="closure-reason" checked={reason === r} onChange={() => setReason(r)} />
            <span className="pick-list__name" dir="auto">{r}</span>
          </label>
        ))}
      </div>
      <label className="field">
        <span className="field__label">{t('workflow.resolve.note')}</span>
        <textarea className="field__input" data-testid="resolve-note" rows={3} maxLength={MAX_NOTE_LENGTH} value={note} onChange={(e) => setNote(e.target.value)} onKeyDown={(e) => onKeyDown(e, true)} />
      </label>
    </Dialog>
  );
}
