// The inbox's sort order and filters: channel, status, tag (searchable), label, agent, queue, date
// range and unread only. Collapsed to one line until the agent opens it.
import { useId, useState } from 'react';
import { useT } from '../i18n/LocaleContext';
import { CHANNELS, CONVERSATION_STATUSES, type ConversationStatus, WORKFLOW_LABELS, type WorkflowLabel } from '../../../shared/domain';
import { INBOX_SORTS, type InboxSort } from '../../../shared/ipc/contract';
import { useTeam } from '../workflow/useWorkflow';
import { activeCount, DATE_RANGES, type DateRange, type FilterState, NO_FILTERS } from './filters';

interface InboxFiltersProps {
  state: FilterState;
  onChange: (state: FilterState) => void;
  sort: InboxSort;
  onSortChange: (sort: InboxSort) => void;
}

export function InboxFilters({ state, onChange, sort, onSortChange }: InboxFiltersProps) {
  const t = useT();
  // Read during render so that only a change to the team renders the bar again, not each refetch.
  const team = useTeam().data;
  const [open, setOpen] = useState(false);
  const tagListId = useId();
  const count = activeCount(state);
  const set = <K extends keyof FilterState>(key: K, value: FilterState[K]) => onChange({ ...state, [key]: value });
  const orNull = (value: string) => (value === '' ? null : value);

  return (
    <div className="inbox-filters" data-testid="inbox-filters">
      <div className="inbox-filters__bar">
        <button
          type="button"
          className="button button--small"
          aria-expanded={open}
          data-testid="filters-toggle"
          onClick={() => setOpen(!open)}
        >
          {count > 0 ? t('inboxBar.filters.toggleCount', { count }) : t('inboxBar.filters.toggle')}
        </button>
        <label className="inbox-filters__check">
          <input type="checkbox" data-testid="filter-unread" checked={state.unreadOnly} onChange={(e) => set('unreadOnly', e.target.checked)} />
          {t('inboxBar.filters.unreadOnly')}
        </label>
        <label className="inbox-filters__sort">
          <span className="visually-hidden">{t('inboxBar.sort.label')}</span>
          <select className="inbox-filters__select" data-testid="inbox-sort" value={sort} onChange={(e) => onSortChange(e.target.value as InboxSort)}>
            {INBOX_SORTS.map((s) => (
              <option key={s} value={s}>
                {t(`inboxBar.sort.${s}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {open ? (
        <div className="inbox-filters__panel">
          <div className="inbox-filters__channels" role="group" aria-label={t('inboxBar.filters.channel')}>
            {CHANNELS.map((channel) => {
              const on = state.channels.includes(channel);
              return (
                <button
                  key={channel}
                  type="button"
                  className="filter-chip"
                  aria-pressed={on}
                  data-testid={`filter-channel-${channel}`}
                  onClick={() => set('channels', on ? state.channels.filter((c) => c !== channel) : [...state.channels, channel])}
                >
                  {t(`channel.${channel}`)}
                </button>
              );
            })}
          </div>
          <div className="inbox-filters__grid">
            <label className="inbox-filters__field">
              <span>{t('inboxBar.filters.status')}</span>
              <select className="inbox-filters__select" data-testid="filter-status" value={state.status ?? ''} onChange={(e) => set('status', orNull(e.target.value) as ConversationStatus | null)}>
                <option value="">{t('inboxBar.filters.any')}</option>
                {CONVERSATION_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t(`conversationStatus.${s}`)}
                  </option>
                ))}
              </select>
            </label>
            <label className="inbox-filters__field">
              <span>{t('inboxBar.filters.label')}</span>
              <select className="inbox-filters__select" data-testid="filter-label" value={state.label ?? ''} onChange={(e) => set('label', orNull(e.target.value) as WorkflowLabel | null)}>
                <option value="">{t('inboxBar.filters.any')}</option>
                {WORKFLOW_LABELS.map((l) => (
                  <option key={l} value={l}>
                    {t(`workflowLabel.${l}`)}
                  </option>
                ))}
              </select>
            </label>
            <label className="inbox-filters__field">
              <span>{t('inboxBar.filters.tag')}</span>
              <input
                className="inbox-filters__select"
                type="search"
                list={tagListId}
                data-testid="filter-tag"
                placeholder={t('inboxBar.filters.tagPlaceholder')}
                value={state.tag ?? ''}
                onChange={(e) => set('tag', orNull(e.target.value.trim()))}
              />
              <datalist id={tagListId}>
                {(team?.tags ?? []).map((tag) => (
                  <option key={tag} value={tag} />
                ))}
              </datalist>
            </label>
            <label className="inbox-filters__field">
              <span>{t('inboxBar.filters.agent')}</span>
              <select className="inbox-filters__select" data-testid="filter-agent" value={state.assigneeId ?? ''} onChange={(e) => set('assigneeId', orNull(e.target.value))}>
                <option value="">{t('inboxBar.filters.any')}</option>
                {(team?.agents ?? []).map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name}
                  </option>
                ))}
              </select>
            </label>
            <label className="inbox-filters__field">
              <span>{t('inboxBar.filters.queue')}</span>
              <select className="inbox-filters__select" data-testid="filter-queue" value={state.queueId ?? ''} onChange={(e) => set('queueId', orNull(e.target.value))}>
                <option value="">{t('inboxBar.filters.any')}</option>
                {(team?.queues ?? []).map((q) => (
                  <option key={q.id} value={q.id}>
                    {q.name}
                  </option>
                ))}
              </select>
            </label>
            <label className="inbox-filters__field">
              <span>{t('inboxBar.filters.date')}</span>
              <select className="inbox-filters__select" data-testid="filter-range" value={state.range} onChange={(e) => set('range', e.target.value as DateRange)}>
                {DATE_RANGES.map((r) => (
                  <option key={r} value={r}>
                    {t(`inboxBar.filters.range.${r}`)}
                  </option>
                ))}
              </select>
            </label>
            {state.range === 'custom' ? (
              <>
                <label className="inbox-filters__field">
                  <span>{t('inboxBar.filters.from')}</span>
                  <input className="inbox-filters__select" type="date" value={state.from} onChange={(e) => set('from', e.target.value)} />
                </label>
                <label className="inbox-filters__field">
                  <span>{t('inboxBar.filters.to')}</span>
                  <input className="inbox-filters__select" type="date" value={state.to} onChange={(e) => set('to', e.target.value)} />
                </label>
              </>
            ) : null}
          </div>
          {count > 0 ? (
            <button type="button" className="link-button" data-testid="filters-clear" onClick={() => onChange(NO_FILTERS)}>
              {t('inboxBar.filters.clear')}
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
