// The files waiting to be sent with the next message, and why any file was refused.
import { useFormat, useT } from '../i18n/LocaleContext';
import { CloseIcon, FileIcon } from '../ui/icons';
import { formatFileSize, problemValues } from '../../../shared/attachments';
import type { PendingFile, Refusal } from './useAttachments';

interface AttachmentTrayProps {
  files: readonly PendingFile[];
  refusals: readonly Refusal[];
  onRemove: (key: string) => void;
  onDismiss: () => void;
}

export function AttachmentTray({ files, refusals, onRemove, onDismiss }: AttachmentTrayProps) {
  const t = useT();
  const format = useFormat();
  if (files.length === 0 && refusals.length === 0) return null;
  return (
    <div className="tray">
      {refusals.length > 0 ? (
        <div className="tray__refusals" role="alert" data-testid="attachment-refusal">
          <ul>
            {refusals.map((r, i) => (
              <li key={i}>
                {t(`attachments.refused.${r.code}`, problemValues(r, format.locale))}
              </li>
            ))}
          </ul>
          <button type="button" className="icon-button" aria-label={t('attachments.dismiss')} onClick={onDismiss}>
            <CloseIcon />
          </button>
        </div>
      ) : null}
      {files.length > 0 ? (
        <ul className="tray__files">
          {files.map((f) => (
            <li key={f.key} className={`tray__file tray__file--${f.state}`} data-testid="attachment-pending" data-state={f.state}>
              <FileIcon />
              <span className="tray__name" dir="auto">{f.name}</span>
              <span className="tray__size">
                {f.state === 'reading' ? t('attachments.reading', { percent: Math.floor((f.read / Math.max(1, f.size)) * 100) }) : formatFileSize(f.size, format.locale)}
              </span>
              <button type="button" className="icon-button" aria-label={t('attachments.remove', { name: f.name })} onClick={() => onRemove(f.key)}>
                <CloseIcon />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
