// Tells the others the agent is typing: once when typing starts, again every few seconds while it
// goes on (the server forgets an indicator nobody renews), and "stopped" on send, blur or clear.
import { useCallback, useEffect, useRef } from 'react';
import { useDeskApi } from '../api/ApiContext';

const RENEW_MS = 3_000;

export function useTypingSignal(conversationId: string) {
  const api = useDeskApi();
  const lastSent = useRef(0);
  const typing = useRef(false);

  const signal = useCallback(
    (value: boolean) => {
      typing.current = value;
      lastSent.current = value ? Date.now() : 0;
      void api['activity.typing']({ conversationId, typing: value });
    },
    [api, conversationId],
  );

  const stop = useCallback(() => {
    if (typing.current) signal(false);
  }, [signal]);

  const changed = useCallback(
    (text: string) => {
      if (text.trim() === '') return stop();
      if (!typing.current || Date.now() - lastSent.current > RENEW_MS) signal(true);
    },
    [signal, stop],
  );

  useEffect(() => stop, [stop]);
  return { changed, stop };
}
