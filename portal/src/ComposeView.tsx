// "Need help?": the first message of a new conversation. Sending starts the conversation and
// opens its thread; if it fails, the text stays with a retry (same id, so never sent twice).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BackLink, type Navigate } from './AppLink';
import { Composer } from './Composer';
import { usePortal } from './context';
import { PendingBubble, type Pending } from './PendingBubble';

export function ComposeView({ navigate, canGoBack = false }: { navigate: Navigate; canGoBack?: boolean }) {
  const { t } = useTranslation();
  const { api } = usePortal();
  const [pending, setPending] = useState<Pending | null>(null);

  const send = (attempt: Pending) => {
    setPending({ ...attempt, state: 'sending' });
    api.send(null, { clientId: attempt.clientId, text: attempt.text, attachmentIds: attempt.attachmentIds }).then(
      (result) => navigate({ page: 'thread', conversationId: result.conversationId }, { replace: true }),
      () => setPending({ ...attempt, state: 'failed' }),
    );
  };

  return (
    <main className="page compose" data-testid="portal-compose">
      {canGoBack && <BackLink navigate={navigate} />}
      <section className="card compose-card" aria-labelledby="compose-title">
        <h1 id="compose-title" tabIndex={-1}>{t('compose.title')}</h1>
        <p className="subtitle">{t('compose.body')}</p>
        {pending ? (
          <ul className="timeline compact">
            <PendingBubble pending={pending} onRetry={() => send(pending)} />
          </ul>
        ) : (
          <Composer placeholder={t('compose.placeholder')} rows={5} autoFocus onSend={(outgoing) => send({ ...outgoing, clientId: crypto.randomUUID(), state: 'sending' })} />
        )}
      </section>
    </main>
  );
}
