import type { TemplateContext } from '../../../shared/templates/variables';
import { useDeskQuery } from '../api/hooks';
import { useFormat } from '../i18n/LocaleContext';

/** What template variables are filled from in this conversation (read when a template is used). */
export function useTemplateContext(conversationId: string): () => TemplateContext {
  const detail = useDeskQuery('conversation.get', { conversationId });
  const session = useDeskQuery('session.get', {});
  const { locale } = useFormat();
  // Read while rendering: a query none of whose fields were read re-renders its component on
  // every change of its state, the start and end of each refetch included.
  const contact = detail.data?.contact ?? null;
  const conversation = detail.data?.conversation ?? null;
  const agentName = session.data?.agent.name ?? '';
  return () => ({ contact, conversation, agentName, locale, now: Date.now() });
}
