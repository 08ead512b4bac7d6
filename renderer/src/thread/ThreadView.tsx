import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeskQuery } from '../api/hooks';
import { Composer } from './Composer';
import { MessageTimeline } from './MessageTimeline';
import { ThreadHeader } from './ThreadHeader';
import { useMarkRead } from './useMarkRead';
import { useThread } from './useThread';
import './thread.css';

interface ThreadViewProps {
  conversationId: string;
  composerRef: Ref<HTMLTextAreaElement>;
  drafts: Map<string, string>;
}

export function ThreadView({ conversationId, composerRef, drafts }: ThreadViewProps) {
  const { t } = useTranslation();
  const detail = useDeskQuery('conversation.get', { conversationId });
  const thread = useThread(conversationId);
  useMarkRead(conversationId, thread.messages, thread.isSuccess);

  const contactName = detail.data?.contact.name ?? '';
  return (
    <section className="thread" data-testid="thread" data-conversation-id={conversationId} aria-label={t('thread.label', { name: contactName })}>
      {detail.data ? <ThreadHeader detail={detail.data} /> : <div className="thread-header thread-header--placeholder" />}
      {/* A failed refetch keeps the messages already shown; only a thread never loaded is an error. */}
      {thread.data ? (
        <MessageTimeline
          messages={thread.messages}
          hasOlder={thread.hasNextPage}
          loadingOlder={thread.isFetchingNextPage}
          olderFailed={thread.isFetchNextPageError}
          loadOlder={thread.loadOlder}
        />
      ) : thread.isError ? (
        <p className="thread__state" role="alert">
          {t('thread.loadError')}
        </p>
      ) : (
        <p className="thread__state" aria-busy="true">
          {t('app.loading')}
        </p>
      )}
      <Composer key={conversationId} conversationId={conversationId} contactName={contactName} inputRef={composerRef} drafts={drafts} />
    </section>
  );
}

export function NoConversation() {
  const { t } = useTranslation();
  return (
    <section className="thread thread--none">
      <div className="thread__none">
        <h2 className="thread__none-title">{t('thread.noSelection.title')}</h2>
        <p className="thread__none-body">{t('thread.noSelection.body')}</p>
      </div>
    </section>
  );
}
