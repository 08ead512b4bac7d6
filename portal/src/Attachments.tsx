// Files on the portal: the ones waiting in the composer (with upload progress and why any file
// was refused), and the ones a message carries (images inline, other files as download links).
// Every file is fetched from the portal's own API, which checks it belongs to the customer.
import { useTranslation } from 'react-i18next';
import { formatFileSize, problemValues } from '../../shared/attachments';
import type { PortalAttachment } from '../../shared/portal';
import { usePortal } from './context';
import { CloseIcon, FileIcon } from './icons';
import type { PendingUpload, UploadRefusal } from './useUploads';

export function UploadTray({
  uploads,
  refusals,
  onRemove,
  onDismiss,
}: {
  uploads: readonly PendingUpload[];
  refusals: readonly UploadRefusal[];
  onRemove(key: string): void;
  onDismiss(): void;
}) {
  const { t } = useTranslation();
  const { locale } = usePortal();
  if (uploads.length === 0 && refusals.length === 0) return null;
  return (
    <div className="upload-tray">
      {refusals.length > 0 && (
        <div className="upload-refusals" role="alert" data-testid="portal-attachment-refusal">
          <ul>
            {refusals.map((refusal, index) => (
              <li key={index}>
                {refusal.code === 'uploadFailed'
                  ? t('attachments.failed', { name: refusal.name })
                  : t(`attachments.refused.${refusal.code}`, problemValues(refusal, locale))}
              </li>
            ))}
          </ul>
          <button type="button" className="icon-button" aria-label={t('attachments.dismiss')} onClick={onDismiss}>
            <CloseIcon />
          </button>
        </div>
      )}
      {uploads.length > 0 && (
        <ul className="uploads">
          {uploads.map((upload) => {
            const percent = Math.floor((upload.sent / Math.max(1, upload.size)) * 100);
            return (
              <li key={upload.key} className="upload" data-testid="portal-attachment-pending" data-state={upload.state}>
                <FileIcon />
                <span className="upload-name" dir="auto">
                  {upload.name}
                </span>
                {upload.state === 'uploading' ? (
                  <progress max={100} value={percent} aria-label={t('attachments.uploading', { percent })} data-testid="portal-upload-progress" />
                ) : (
                  <span className="muted">{formatFileSize(upload.size, locale)}</span>
                )}
                <button type="button" className="icon-button" aria-label={t('attachments.remove', { name: upload.name })} onClick={() => onRemove(upload.key)}>
                  <CloseIcon />
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

/** The files a message carries. */
export function MessageAttachments({ attachments }: { attachments: readonly PortalAttachment[] }) {
  const { t } = useTranslation();
  const { api, locale } = usePortal();
  if (attachments.length === 0) return null;
  return (
    <ul className="attachments">
      {attachments.map((attachment) => {
        const url = api.attachmentUrl(attachment.id);
        return (
          <li key={attachment.id} data-testid="portal-attachment" data-kind={attachment.kind}>
            {attachment.kind === 'image' ? (
              <a href={url} target="_blank" rel="noopener noreferrer" className="attachment-image">
                <img src={url} alt={t('attachments.image', { name: attachment.name })} loading="lazy" />
              </a>
            ) : (
              <a href={url} download={attachment.name} className="attachment-file" aria-label={t('attachments.download', { name: attachment.name })}>
                <FileIcon />
                <span className="attachment-name" dir="auto">
                  {attachment.name}
                </span>
                <span className="muted">{formatFileSize(attachment.size, locale)}</span>
              </a>
            )}
          </li>
        );
      })}
    </ul>
  );
}
