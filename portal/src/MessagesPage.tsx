// "Messages": the customer's conversations, most recent first, updated live. Without any, the
// compose view takes the page.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { AppLink, type Navigate } from './AppLink';
import { ComposeView } from './ComposeView';
import { ConversationCard } from './ConversationCard';
import { useLiveLoad, useNow, usePortal } from './context';
import { PlusIcon } from './icons';
import { LoadFailure, Loading } from './states';

export function MessagesPage({ navigate }: { navigate: Navigate }) {
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
        <AppLink to={{ page: 'compose' }} navigate={navigate} className="button primary" testId="portal-new-message">
          <PlusIcon />
          <span>{t('messages.newMessage')}</span>
        </AppLink>
      </header>
      <ul className="conversation-list" aria-label={t('messages.list')}>
        {list.data.map((conversation) => (
          <ConversationCard key={conversation.id} conversation={conversation} now={now} navigate={navigate} />
        ))}
      </ul>
    </main>
  );
}
