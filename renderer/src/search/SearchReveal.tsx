// Hands a chosen search result from the global search to the thread that opens for it: which
// message to bring into view, and the query to highlight there.
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';

export interface RevealTarget {
  conversationId: string;
  messageId: string;
  query: string;
}

interface RevealValue {
  target: RevealTarget | null;
  reveal: (target: RevealTarget) => void;
  clear: () => void;
}

const RevealContext = createContext<RevealValue | null>(null);

export function SearchRevealProvider({ children }: { children: ReactNode }) {
  const [target, setTarget] = useState<RevealTarget | null>(null);
  const value = useMemo<RevealValue>(() => ({ target, reveal: setTarget, clear: () => setTarget(null) }), [target]);
  return <RevealContext.Provider value={value}>{children}</RevealContext.Provider>;
}

const none: RevealValue = { target: null, reveal: () => undefined, clear: () => undefined };

/** Outside a provider (a thread rendered alone in a test) nothing is ever revealed. */
export const useSearchReveal = (): RevealValue => useContext(RevealContext) ?? none;
