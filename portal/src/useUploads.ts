// Files the customer attaches in the composer. Each is checked against the portal's limits before
// a byte is read (a refused file shows why and is never sent), then uploaded at once with its
// progress, so Send only waits for the last bytes. The same limits apply on the server.
import { useCallback, useRef, useState } from 'react';
import { type AttachmentRefusal, checkAttachment } from '../../shared/attachments';
import { MAX_ATTACHMENTS_PER_MESSAGE } from '../../shared/domain';
import { usePortal } from './context';

export interface PendingUpload {
  key: string;
  /** The id the file is uploaded under; sent with the message. */
  id: string;
  name: string;
  size: number;
  sent: number;
  state: 'uploading' | 'ready';
}

export type UploadRefusal = AttachmentRefusal | { code: 'tooMany'; max: number } | { code: 'uploadFailed'; name: string };

export function useUploads() {
  const { api } = usePortal();
  const [uploads, setUploads] = useState<PendingUpload[]>([]);
  const [refusals, setRefusals] = useState<UploadRefusal[]>([]);
  const counter = useRef(0);

  const patch = useCallback((key: string, change: Partial<PendingUpload>) => {
    setUploads((all) => all.map((u) => (u.key === key ? { ...u, ...change } : u)));
  }, []);

  const add = useCallback(
    (files: readonly File[], current: number) => {
      const refused: UploadRefusal[] = [];
      const accepted: PendingUpload[] = [];
      const started: { upload: PendingUpload; file: File }[] = [];
      for (const file of files) {
        const check = checkAttachment({ name: file.name, mimeType: file.type, size: file.size }, 'portal');
        if (!check.ok) refused.push(check.refusal);
        else if (current + accepted.length >= MAX_ATTACHMENTS_PER_MESSAGE) refused.push({ code: 'tooMany', max: MAX_ATTACHMENTS_PER_MESSAGE });
        else {
          const upload: PendingUpload = { key: `u${++counter.current}`, id: crypto.randomUUID(), name: file.name, size: file.size, sent: 0, state: 'uploading' };
          accepted.push(upload);
          started.push({ upload, file });
        }
      }
      setRefusals(refused);
      if (accepted.length === 0) return;
      setUploads((all) => [...all, ...accepted]);
      for (const { upload, file } of started) {
        api.upload(upload.id, file, (sent) => patch(upload.key, { sent })).then(
          () => patch(upload.key, { state: 'ready', sent: upload.size }),
          () => {
            setUploads((all) => all.filter((u) => u.key !== upload.key));
            setRefusals((r) => [...r, { code: 'uploadFailed', name: upload.name }]);
          },
        );
      }
    },
    [api, patch],
  );

  const remove = useCallback((key: string) => setUploads((all) => all.filter((u) => u.key !== key)), []);
  /** Clears the tray after the message carrying the files was handed over. */
  const clear = useCallback(() => {
    setUploads([]);
    setRefusals([]);
  }, []);
  const dismiss = useCallback(() => setRefusals([]), []);

  return { uploads, refusals, add, remove, clear, dismiss };
}
