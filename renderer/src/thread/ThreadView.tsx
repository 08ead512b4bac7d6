import { type DragEvent, memo, type Ref, useCallback, useMemo, useState } from 'react';
import { useT } from '../i18n/LocaleContext';
import type { ThreadMessage } from '../../../shared/ipc/contract';
import { isClosed } from '../../../shared/workflow/transitions';
import { useDeskQuery } from '../api/hooks';
import { useSteadyDetail } from '../api/useSteadyDetail';
import { ThreadSearchBar } from '../search/ThreadSearchBar';
import { useThreadSearch } from '../search/useThreadSearch';
import { ClosedBar, ConversationActions } from '../workflow/ConversationActions';
import { Composer } from './Composer';
import { MessageTimeline } from './MessageTimeline';
import { ThreadContext, type ThreadContextValue } from './threadContext';
import { ThreadHeader } from './ThreadHeader';
import { TypingIndicator } from './TypingIndicator';
import { useActivity } from './useActivity';
import { useMarkRead } from './useMarkRead';
import { useThread } from './useThread';
import { useUploads } from './useUploads';
import './thread.css';

interface ThreadViewProps {
  conversationId: string;
  composerRef: Ref<HTMLTextAreaElement>;
}

/** The customer's newest text, which the composer's suggestions answer. */
function lastInboundText(messages: readonly ThreadMessage[]): string {
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i]!;
    if (m.direction === 'inbound' && m.kind === 'text') return m.body;
  }
  return '';
}

export const ThreadView = memo(function ThreadView({ conversationId, composerRef }: ThreadViewProps) {
  const t = useT();
  const detail = useDeskQuery('conversation.get', { conversationId });
  // The header and the workflow bar get the details without what changes with every message.
  const steady = useSteadyDetail(conversationId);
  const session = useDeskQuery('session.get', {});
  const thread = useThread(conversationId);
  const activity = useActivity(conversationId);
  const uploads = useUploads(conversationId);
  const search = useThreadSearch(conversationId, thread);
  useMarkRead(conversationId, thread.messages, thread.isSuccess);
  const [quoting, setQuoting] = useState<{ conversationId: string; message: ThreadMessage } | null>(null);
  const [dropped, setDropped] = useState<{ files: File[]; at: number } | null>(null);
  const [dragging, setDragging] = useState(false);

  const contactName = detail.data?.contact.name ?? '';
  const selfId = session.data?.agent.id ?? '';
  const replyTo = useCallback(
    (message: ThreadMessage) => {
      setQuoting({ conversationId, message });
      document.querySelector<HTMLTextAreaElement>('[data-testid="composer-input"]')?.focus();
    },
    [conversationId],
  );
  const clearQuote = useCallback(() => setQuoting(null), []);
  const context = useMemo<ThreadContextValue>(() => ({ selfId, contactName, replyTo, uploads }), [selfId, contactName, replyTo, uploads]);

  const hasFiles = (event: DragEvent) => event.dataTransfer.types.includes('Files');
  const onDragOver = (event: DragEvent) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  };
  const onDrop = (event: DragEvent) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    setDragging(false);
    setDropped({ files: [...event.dataTransfer.files], at: Date.now() });
  };

  const conversation = detail.data?.conversation;
  const lastInbound = useMemo(() => lastInboundText(thread.messages), [thread.messages]);
  return (
    <ThreadContext.Provider value={context}>
      <section
        className={dragging ? 'thread thread--dragging' : 'thread'}
        data-testid="thread"
        data-conversation-id={conversationId}
        aria-label={t('thread.label', { name: contactName })}
        onDragOver={onDragOver}
        onDragLeave={(event) => {
          if (event.currentTarget === event.target) setDragging(false);
        }}
        onDrop={onDrop}
      >
        {steady.data ? (
          <ThreadHeader detail={steady.data} online={activity.data?.customerOnline ?? false} />
        ) : (
          <div className="thread-header thread-header--placeholder" />
        )}
        {steady.data ? <ConversationActions detail={steady.data} selfId={selfId} /> : null}
        <ThreadSearchBar search={search} />
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
        <TypingIndicator typing={activity.data?.typing ?? []} />
        {dragging ? <div className="thread__drop" aria-hidden="true">{t('attachments.dropHere')}</div> : null}
        {conversation && isClosed(conversation.status) ? (
          <ClosedBar conversationId={conversationId} />
        ) : conversation ? (
          <Composer
            key={conversationId}
            conversationId={conversationId}
            contactName={contactName}
            channel={conversation.channel}
            lastInboundAt={conversation.lastInboundAt}
            inputRef={composerRef}
            lastInbound={lastInbound}
            quoting={quoting?.conversationId === conversationId ? quoting.message : null}
            clearQuote={clearQuote}
            dropped={dropped}
          />
        ) : null}
      </section>
    </ThreadContext.Provider>
  );
});

export function NoConversation() {
  const t = useT();
  return (
    <section className="thread thread--none">
      <div className="thread__none">
        <h2 className="thread__none-title">{t('thread.noSelection.title')}</h2>
        <p className="thread__none-body">{t('thread.noSelection.body')}</p>
      </div>
    </section>
  );
}
