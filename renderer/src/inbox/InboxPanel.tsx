import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { InboxView } from '../../../shared/ipc/contract';
import { InboxIcon } from '../ui/icons';
import { InboxList } from './InboxList';
import { InboxTabs } from './InboxTabs';
import type { useInbox } from './useInbox';
import './inbox.css';

interface InboxPanelProps {
  tenantName: string;
  view: InboxView;
  onViewChange: (view: InboxView) => void;
  inbox: ReturnType<typeof useInbox>;
  openId: string | null;
  highlightedId: string | null;
  onOpen: (conversationId: string) => void;
  /** The global search box, shown above the views. */
  search?: ReactNode;
}

export function InboxPanel({ tenantName, view, onViewChange, inbox, openId, highlightedId, onOpen, search }: InboxPanelProps) {
  const { t } = useTranslation();
  const listId = useId();

  let body;
  if (inbox.isPending) body = <div className="inbox-panel__state" aria-busy="true">{t('app.loading')}</div>;
  else if (inbox.isError) body = <div className="inbox-panel__state" role="alert">{t('inbox.loadError')}</div>;
  else if (inbox.rows.length === 0) body = <div className="inbox-panel__state">{t(`inbox.empty.${view}`)}</div>;
  else
    body = (
      <InboxList
        id={listId}
        labelledBy={`inbox-tab-${view}`}
        rows={inbox.rows}
        hasMore={inbox.hasNextPage}
        loadingMore={inbox.isFetchingNextPage}
        loadMore={inbox.fetchNextPage}
        openId={openId}
        highlightedId={highlightedId}
        onOpen={onOpen}
      />
    );

  return (
    <section className="inbox-panel" aria-label={t('inbox.title')}>
      <header className="inbox-panel__header">
        <span className="inbox-panel__logo">
          <InboxIcon />
        </span>
        <div className="inbox-panel__titles">
          <h1 className="inbox-panel__title">{t('inbox.title')}</h1>
          <span className="inbox-panel__tenant">{tenantName}</span>
        </div>
      </header>
      {search}
      <InboxTabs view={view} onChange={onViewChange} panelId={listId} />
      <div className="inbox-panel__body" role="tabpanel" aria-labelledby={`inbox-tab-${view}`}>
        {body}
      </div>
    </section>
  );
}
