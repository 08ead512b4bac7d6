// A conversation's details without what changes with every message, for the views that show who
// the conversation is with and where it stands (header, workflow bar, customer panel). The details
// are refetched for each new message; without these fields the answer is usually the same as the
// last one, so those views keep the same object and do not render again.
import type { Conversation } from '../../../shared/domain';
import type { ConversationDetail } from '../../../shared/ipc/contract';
import { useDeskQuery } from './hooks';

const PER_MESSAGE_FIELDS = ['lastMessageAt', 'lastMessagePreview', 'lastMessageDirection', 'lastInboundAt', 'waitingSince', 'seq'] as const satisfies readonly (keyof Conversation)[];
type PerMessageField = (typeof PER_MESSAGE_FIELDS)[number];

export type SteadyDetail = Omit<ConversationDetail, 'conversation'> & { conversation: Omit<Conversation, PerMessageField> };

export function steadyDetail(detail: ConversationDetail): SteadyDetail {
  const conversation: Partial<Conversation> = { ...detail.conversation };
  for (const field of PER_MESSAGE_FIELDS) delete conversation[field];
  return { ...detail, conversation: conversation as SteadyDetail['conversation'] };
}

export function useSteadyDetail(conversationId: string) {
  return useDeskQuery('conversation.get', { conversationId }, { select: steadyDetail });
}
