// Opening a link from a message: in the desktop app the main process validates it again and hands
// it to the system browser; in host mode the page opens it in a new tab without access back to us.
import { useCallback } from 'react';
import { safeLinkHref } from '../../../shared/text/markdown';
import { useDeskApi } from '../api/ApiContext';
import { useDeskQuery } from '../api/hooks';

export function useOpenLink(): (href: string) => void {
  const api = useDeskApi();
  const info = useDeskQuery('app.info', {}, { staleTime: Number.POSITIVE_INFINITY });
  const mode = info.data?.mode;
  return useCallback(
    (href: string) => {
      const safe = safeLinkHref(href);
      if (!safe) return;
      if (mode === 'electron') void api['link.open']({ url: safe });
      else window.open(safe, '_blank', 'noopener,noreferrer');
    },
    [api, mode],
  );
}
