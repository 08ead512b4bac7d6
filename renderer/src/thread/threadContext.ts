// What every message in an open thread needs from around it: who I am (own messages can be
// edited and deleted), the customer's name, and how to start a reply that quotes a message.
import { createContext, useContext } from 'react';
import type { ThreadMessage } from '../../../shared/ipc/contract';

export interface ThreadContextValue {
  selfId: string;
  contactName: string;
  /** Quote `message` in the composer. */
  replyTo: (message: ThreadMessage) => void;
  /** Upload progress (0..1) of pending messages with files, by message id. */
  uploads: ReadonlyMap<string, number>;
}

export const ThreadContext = createContext<ThreadContextValue>({
  selfId: '',
  contactName: '',
  replyTo: () => undefined,
  uploads: new Map(),
});

export const useThreadContext = () => useContext(ThreadContext);
