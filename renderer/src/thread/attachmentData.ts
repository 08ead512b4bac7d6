// Attachment bytes come from the core in base64 chunks (the IPC bridge carries bounded frames);
// chunks are a multiple of 3 bytes, so their base64 strings concatenate into one data URL. The
// CSP allows data: images only: nothing remote is ever loaded into the page.
import { useQuery } from '@tanstack/react-query';
import type { Attachment } from '../../../shared/domain';
import type { DeskApi } from '../../../shared/ipc/contract';
import { useDeskApi } from '../api/ApiContext';
import { callDesk } from '../api/call';

export async function readAttachmentDataUrl(api: DeskApi, attachment: Attachment): Promise<string> {
  const first = await callDesk(api, 'attachment.read', { attachmentId: attachment.id, index: 0 });
  const parts = [first.data];
  for (let index = 1; index < first.chunks; index++) {
    parts.push((await callDesk(api, 'attachment.read', { attachmentId: attachment.id, index })).data);
  }
  return `data:${attachment.mimeType};base64,${parts.join('')}`;
}

/** An image's data URL, loaded once and dropped from memory a minute after it leaves the screen. */
export function useAttachmentDataUrl(attachment: Attachment, enabled: boolean) {
  const api = useDeskApi();
  return useQuery({
    queryKey: ['attachment', attachment.id],
    queryFn: () => readAttachmentDataUrl(api, attachment),
    enabled,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 60_000,
    retry: 1,
  });
}

/** Saves a file through the browser's download, named as it was sent. */
export async function downloadAttachment(api: DeskApi, attachment: Attachment): Promise<void> {
  const url = await readAttachmentDataUrl(api, attachment);
  const a = document.createElement('a');
  a.href = url;
  a.download = attachment.name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
}
