import { useId, type ReactNode } from 'react';
import { useT } from '../i18n/LocaleContext';
import type { InboxView } from '../../../shared/ipc/contract';
import { InboxIcon } from '../ui/icons';
import { useWorkflow } from '../workflow/WorkflowContext';
import { InboxFilters } from './InboxFilters';
import { InboxList } from './InboxList';
import { InboxTabs } from './InboxTabs';
import type { InboxControls } from './useInboxControls';
import type { useInbox } from './useInbox';
import './inbox.css';

interface InboxPanelProps {
  tenantName: string;
  view: InboxView;
  onViewChange: (view: InboxView) => void;
  inbox: ReturnType<typeof useInbox>;
  controls: InboxControls;
  openId: string | null;
  highlightedId: string | null;
  onOpen: (conversationId: string) => void;
  /** The global search box, shown above the views. */
  search?: ReactNode;
}

export function InboxPanel({ tenantName, view, onViewChange, inbox, controls, openId, highlightedId, onOpen, search }: InboxPanelProps) {
  const t = useT();
  const { openDialog, accept } = useWorkflow();
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
        onShowRows={inbox.showRows}
        openId={openId}
        highlightedId={highlightedId}
        onOpen={onOpen}
        onAccept={accept}
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
        <button
          type="button"
          className="button button--small button--primary inbox-panel__new"
          data-testid="new-conversation"
          aria-keyshortcuts="c"
          onClick={() => openDialog({ kind: 'new' })}
        >
          {t('workflow.start.open')}
        </button>
      </header>
      {search}
      <InboxTabs view={view} onChange={onViewChange} panelId={listId} />
      <InboxFilters state={controls.filters} onChange={controls.setFilters} sort={controls.sort} onSortChange={controls.setSort} />
      <div className="inbox-panel__summary" data-testid="inbox-summary" aria-live="polite">
        <span data-testid="inbox-total">{inbox.total === null ? '' : t('inboxBar.summary', { count: inbox.total })}</span>
        {inbox.needAttention ? (
          <span className="inbox-panel__attention" data-testid="inbox-attention">
            {t('inboxBar.needAttention', { count: inbox.needAttention })}
          </span>
        ) : null}
      </div>
      <div className="inbox-panel__body" role="tabpanel" aria-labelledby={`inbox-tab-${view}`}>
        {body}
      </div>
    </section>
  );
}
