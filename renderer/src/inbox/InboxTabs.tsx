import { INBOX_VIEWS, type InboxView } from '../../../shared/ipc/contract';
import { useDeskQuery } from '../api/hooks';
import { useFormat, useT } from '../i18n/LocaleContext';

export function InboxTabs({ view, onChange, panelId }: { view: InboxView; onChange: (view: InboxView) => void; panelId: string }) {
  const t = useT();
  const format = useFormat();
  const counts = useDeskQuery('inbox.counts', {});

  return (
    <div className="inbox-tabs" role="tablist" aria-label={t('inbox.views')}>
      {INBOX_VIEWS.map((tab, index) => (
        <button
          key={tab}
          type="button"
          role="tab"
          id={`inbox-tab-${tab}`}
          className="inbox-tabs__tab"
          aria-selected={tab === view}
          aria-controls={panelId}
          aria-keyshortcuts={String(index + 1)}
          tabIndex={tab === view ? 0 : -1}
          data-testid={`inbox-tab-${tab}`}
          onClick={() => onChange(tab)}
        >
          {t(`inbox.view.${tab}`)}
          {/* Compact past 9,999 so the count fits its tab; the exact number is in the tooltip. */}
          <span className="inbox-tabs__count" data-testid="inbox-tab-count" title={counts.data ? format.number(counts.data[tab]) : undefined}>
            {counts.data ? format.count(counts.data[tab]) : '–'}
          </span>
        </button>
      ))}
    </div>
  );
}
