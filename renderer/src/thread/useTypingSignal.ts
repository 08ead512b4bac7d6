// Tells the others the agent is typing (shared/typingSignal.ts decides when), and that the agent
// stopped when the conversation is left.
import { useEffect, useMemo } from 'react';
import { createTypingSignal, type TypingSignal } from '../../../shared/typingSignal';
import { useDeskApi } from '../api/ApiContext';

export function useTypingSignal(conversationId: string): TypingSignal {
  const api = useDeskApi();
  const signal = useMemo(() => createTypingSignal((typing) => void api['activity.typing']({ conversationId, typing })), [api, conversationId]);
  useEffect(() => () => signal.stop(), [signal]);
  return signal;
}
