// When to tell the other side someone is typing: once when typing starts, again every few seconds
// while it goes on (the server forgets an indicator nobody renews), and "stopped" when the text is
// cleared or sent. Pure: the caller passes how to send and what time it is.
export const TYPING_RENEW_MS = 3_000;

export interface TypingSignal {
  /** The text in the box changed. */
  changed(text: string): void;
  /** Sent, left or closed: stop, if typing was announced. */
  stop(): void;
}

export function createTypingSignal(send: (typing: boolean) => void, now: () => number = Date.now): TypingSignal {
  let typing = false;
  let lastSent = 0;
  const signal = (value: boolean) => {
    typing = value;
    lastSent = value ? now() : 0;
    send(value);
  };
  const stop = () => {
    if (typing) signal(false);
  };
  return {
    changed(text) {
      if (text.trim() === '') return stop();
      if (!typing || now() - lastSent > TYPING_RENEW_MS) signal(true);
    },
    stop,
  };
}
