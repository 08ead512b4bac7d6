// The quoted message above a reply: who wrote it and its first words. Clicking it scrolls to the
// original when it is loaded.
import { useT } from '../i18n/LocaleContext';
import type { ReplyTo } from '../../../shared/domain';
import { markdownToPlainText } from '../../../shared/text/markdown';
import { useDeskQuery } from '../api/hooks';
import { useThreadContext } from './threadContext';

export function quoteAuthor(replyTo: ReplyTo, contactName: string, agentName: string | null, t: (key: string) => string): string {
  if (replyTo.direction === 'inbound') return contactName;
  if (replyTo.direction === 'system') return t('thread.system');
  return agentName ?? t('thread.agent');
}

export function Quote({ replyTo }: { replyTo: ReplyTo }) {
  const t = useT();
  const { contactName } = useThreadContext();
  const session = useDeskQuery('session.get', {});
  const agentName = replyTo.authorAgentId !== null && replyTo.authorAgentId === session.data?.agent.id ? session.data.agent.name : null;
  const jump = () => {
    const original = document.querySelector<HTMLElement>(`[data-message-id="${CSS.escape(replyTo.messageId)}"]`);
    if (!original) return;
    original.scrollIntoView({ block: 'center', behavior: 'smooth' });
    original.classList.add('message--flash');
    window.setTimeout(() => original.classList.remove('message--flash'), 1_200);
  };
  return (
    <button type="button" className="quote" onClick={jump} data-testid="quote" aria-label={t('thread.quoteJump')}>
      <span className="quote__author">{quoteAuthor(replyTo, contactName, agentName, t)}</span>
      <span className="quote__text" dir="auto">{replyTo.excerpt ? markdownToPlainText(replyTo.excerpt) : t('thread.deleted')}</span>
    </button>
  );
}
