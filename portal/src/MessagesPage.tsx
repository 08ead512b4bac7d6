// "Messages": the customer's conversations, most recent first, updated live. Without any, the
// compose view takes the page.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ComposeView } from './ComposeView';
import { ConversationCard } from './ConversationCard';
import { useLiveLoad, useNow, usePortal } from './context';
import { PlusIcon } from './icons';
import { pathOf, type Route } from './routes';
import { LoadFailure, Loading } from './states';

export function MessagesPage({ navigate }: { navigate(route: Route): void }) {
  const { t } = useTranslation();
  const { api } = usePortal();
  const now = useNow();
  const list = useLiveLoad('conversations', useCallback(() => api.conversations(), [api]), () => true);

  if (list.state === 'loading') return <Loading />;
  if (list.state === 'error') return <LoadFailure onRetry={list.reload} />;
  if (list.data.length === 0) return <ComposeView navigate={navigate} />;
  return (
    <main className="page" data-testid="portal-messages">
      <header className="page-header">
        <div>
          <h1 tabIndex={-1}>{t('messages.title')}</h1>
          <p className="subtitle">{t('messages.subtitle')}</p>
        </div>
        <a
          className="button primary"
          href={pathOf(api.tenant, { page: 'compose' })}
          data-testid="portal-new-message"
          onClick={(event) => {
            event.preventDefault();
            navigate({ page: 'compose' });
          }}
        >
          <PlusIcon />
          <span>{t('messages.newMessage')}</span>
        </a>
      </header>
      <ul className="conversation-list" aria-label={t('messages.list')}>
        {list.data.map((conversation) => {
          const route: Route = { page: 'thread', conversationId: conversation.id };
          return <ConversationCard key={conversation.id} conversation={conversation} now={now} href={pathOf(api.tenant, route)} onOpen={() => navigate(route)} />;
        })}
      </ul>
    </main>
  );
}
