import type { TemplateContext } from '../../../shared/templates/variables';
import { useDeskQuery } from '../api/hooks';
import { useFormat } from '../i18n/LocaleContext';

/** What template variables are filled from in this conversation (read when a template is used). */
export function useTemplateContext(conversationId: string): () => TemplateContext {
  const detail = useDeskQuery('conversation.get', { conversationId });
  const session = useDeskQuery('session.get', {});
  const { locale } = useFormat();
  return () => ({
    contact: detail.data?.contact ?? null,
    conversation: detail.data?.conversation ?? null,
    agentName: session.data?.agent.name ?? '',
    locale,
    now: Date.now(),
  });
}
