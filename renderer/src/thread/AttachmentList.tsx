// A message's files: images inline, everything else as a download link with name and size.
import { useState } from 'react';
import type { Attachment } from '../../../shared/domain';
import { useDeskApi } from '../api/ApiContext';
import { useFormat, useT } from '../i18n/LocaleContext';
import { downloadAttachment, useAttachmentDataUrl } from './attachmentData';
import { formatFileSize } from '../../../shared/attachments';

function InlineImage({ attachment }: { attachment: Attachment }) {
  const t = useT();
  const image = useAttachmentDataUrl(attachment, true);
  if (image.data) {
    return <img className="attachment__image" src={image.data} alt={attachment.name} data-testid="attachment-image" />;
  }
  return (
    <span className="attachment__image attachment__image--loading" role={image.isError ? 'alert' : 'status'}>
      {image.isError ? t('attachments.loadFailed', { name: attachment.name }) : t('attachments.loading')}
    </span>
  );
}

function FileLink({ attachment }: { attachment: Attachment }) {
  const t = useT();
  const api = useDeskApi();
  const format = useFormat();
  const [state, setState] = useState<'idle' | 'busy' | 'failed'>('idle');
  const save = () => {
    setState('busy');
    downloadAttachment(api, attachment).then(
      () => setState('idle'),
      () => setState('failed'),
    );
  };
  return (
    <button type="button" className="attachment__file" onClick={save} disabled={state === 'busy'} data-testid="attachment-file">
      <span className="attachment__file-name" dir="auto">{attachment.name}</span>
      <span className="attachment__file-size">{formatFileSize(attachment.size, format.locale)}</span>
      <span className="attachment__file-action">
        {state === 'busy' ? t('attachments.downloading') : state === 'failed' ? t('attachments.downloadFailed') : t('attachments.download')}
      </span>
    </button>
  );
}

export function AttachmentList({ attachments }: { attachments: readonly Attachment[] }) {
  if (attachments.length === 0) return null;
  return (
    <ul className="attachments">
      {attachments.map((a) => (
        <li key={a.id} className="attachment">
          {a.kind === 'image' ? <InlineImage attachment={a} /> : <FileLink attachment={a} />}
        </li>
      ))}
    </ul>
  );
}
