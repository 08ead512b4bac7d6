// Upload progress of the open conversation's pending messages, from the core's `upload` pushes.
import { useEffect, useState } from 'react';
import { useDeskApi } from '../api/ApiContext';

export function useUploads(conversationId: string): ReadonlyMap<string, number> {
  const api = useDeskApi();
  const [progress, setProgress] = useState<ReadonlyMap<string, number>>(() => new Map());
  useEffect(() => {
    setProgress(new Map());
    return api.on('upload', (u) => {
      if (u.conversationId !== conversationId) return;
      setProgress((before) => new Map(before).set(u.entryId, u.total === 0 ? 1 : u.sent / u.total));
    });
  }, [api, conversationId]);
  return progress;
}
