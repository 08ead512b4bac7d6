// Files the agent attaches in the composer (picker, drag-and-drop, paste). Each is checked
// against the channel's limits first: a refused file is never read and its reason is shown; an
// accepted one is handed to the core in chunks and becomes sendable once all chunks are there.
import { useCallback, useRef, useState } from 'react';
import { ATTACHMENT_CHUNK_BYTES, checkAttachment, type AttachmentRefusal } from '../../../shared/attachments';
import type { Channel } from '../../../shared/domain';
import { MAX_ATTACHMENTS_PER_MESSAGE } from '../../../shared/domain';
import { useDeskApi } from '../api/ApiContext';
import { callDesk } from '../api/call';

export interface PendingFile {
  key: string;
  name: string;
  size: number;
  /** Set once the core has all its bytes. */
  attachmentId: string | null;
  state: 'reading' | 'ready' | 'failed';
  read: number;
}

export type Refusal = AttachmentRefusal | { code: 'tooMany'; max: number } | { code: 'readFailed'; name: string };

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const step = 0x8000;
  for (let i = 0; i < bytes.length; i += step) binary += String.fromCharCode(...bytes.subarray(i, i + step));
  return btoa(binary);
}

export function useAttachments(conversationId: string, channel: Channel) {
  const api = useDeskApi();
  const [files, setFiles] = useState<PendingFile[]>([]);
  const [refusals, setRefusals] = useState<Refusal[]>([]);
  const counter = useRef(0);

  const patch = useCallback((key: string, change: Partial<PendingFile>) => {
    setFiles((all) => all.map((f) => (f.key === key ? { ...f, ...change } : f)));
  }, []);

  const stage = useCallback(
    async (file: File, key: string) => {
      try {
        const { attachmentId } = await callDesk(api, 'attachment.stage', { conversationId, name: file.name, mimeType: file.type, size: file.size });
        for (let index = 0, offset = 0; offset < file.size; index++, offset += ATTACHMENT_CHUNK_BYTES) {
          const bytes = new Uint8Array(await file.slice(offset, offset + ATTACHMENT_CHUNK_BYTES).arrayBuffer());
          await callDesk(api, 'attachment.chunk', { attachmentId, index, data: toBase64(bytes) });
          patch(key, { read: Math.min(file.size, offset + bytes.length) });
        }
        patch(key, { attachmentId, state: 'ready' });
      } catch {
        patch(key, { state: 'failed' });
        setRefusals((r) => [...r, { code: 'readFailed', name: file.name }]);
      }
    },
    [api, conversationId, patch],
  );

  /** Checks and starts reading `picked`; refused files are reported, not added. */
  const add = useCallback(
    (picked: readonly File[], current: number) => {
      const refused: Refusal[] = [];
      const accepted: { file: File; key: string }[] = [];
      for (const file of picked) {
        const check = checkAttachment({ name: file.name, mimeType: file.type, size: file.size }, channel);
        if (!check.ok) refused.push(check.refusal);
        else if (current + accepted.length >= MAX_ATTACHMENTS_PER_MESSAGE) refused.push({ code: 'tooMany', max: MAX_ATTACHMENTS_PER_MESSAGE });
        else accepted.push({ file, key: `f${++counter.current}` });
      }
      setRefusals(refused);
      if (accepted.length === 0) return;
      setFiles((all) => [...all, ...accepted.map(({ file, key }) => ({ key, name: file.name, size: file.size, attachmentId: null, state: 'reading' as const, read: 0 }))]);
      for (const { file, key } of accepted) void stage(file, key);
    },
    [channel, stage],
  );

  const remove = useCallback((key: string) => setFiles((all) => all.filter((f) => f.key !== key)), []);
  /** Drops the files that were sent; files attached meanwhile stay. */
  const sent = useCallback((keys: readonly string[]) => {
    setFiles((all) => all.filter((f) => !keys.includes(f.key)));
    setRefusals([]);
  }, []);
  const dismissRefusals = useCallback(() => setRefusals([]), []);

  return { files, refusals, add, remove, sent, dismissRefusals };
}
