// Filters that combine with the search: channel, status, agent and a date range (local days).
import { useT } from '../i18n/LocaleContext';
import { CHANNELS, CONVERSATION_STATUSES } from '../../../shared/domain';
import type { SearchFilters } from '../../../shared/ipc/contract';
import { useDeskQuery } from '../api/hooks';
import { dayInputValue, dayStart } from './dates';

export const hasFilters = (f: SearchFilters) => Object.values(f).some((v) => v !== undefined);

export function SearchFilterBar({ filters, onChange }: { filters: SearchFilters; onChange: (next: SearchFilters) => void }) {
  const t = useT();
  const agents = useDeskQuery('agents.list', {});
  const set = <K extends keyof SearchFilters>(key: K, value: SearchFilters[K] | undefined) => {
    const next = { ...filters };
    if (value === undefined) delete next[key];
    else next[key] = value;
    onChange(next);
  };
  const pick = (value: string) => (value === '' ? undefined : value);

  return (
    <div className="search-filters" data-testid="search-filters" role="group" aria-label={t('search.filters.label')}>
      <select aria-label={t('search.filters.channel')} data-testid="search-filter-channel" value={filters.channel ?? ''} onChange={(e) => set('channel', pick(e.target.value) as SearchFilters['channel'])}>
        <option value="">{t('search.filters.anyChannel')}</option>
        {CHANNELS.map((c) => (
          <option key={c} value={c}>
            {t(`channel.${c}`)}
          </option>
        ))}
      </select>
      <select aria-label={t('search.filters.status')} data-testid="search-filter-status" value={filters.status ?? ''} onChange={(e) => set('status', pick(e.target.value) as SearchFilters['status'])}>
        <option value="">{t('search.filters.anyStatus')}</option>
        {CONVERSATION_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`conversationStatus.${s}`)}
          </option>
        ))}
      </select>
      <select aria-label={t('search.filters.agent')} data-testid="search-filter-agent" value={filters.assigneeId ?? ''} onChange={(e) => set('assigneeId', pick(e.target.value))}>
        <option value="">{t('search.filters.anyAgent')}</option>
        {(agents.data ?? []).map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}
          </option>
        ))}
      </select>
      <label className="search-filters__date">
        <span>{t('search.filters.from')}</span>
        <input type="date" data-testid="search-filter-from" value={dayInputValue(filters.from)} onChange={(e) => set('from', dayStart(e.target.value, 0))} />
      </label>
      <label className="search-filters__date">
        <span>{t('search.filters.to')}</span>
        <input type="date" data-testid="search-filter-to" value={dayInputValue(filters.to, -1)} onChange={(e) => set('to', dayStart(e.target.value, 1))} />
      </label>
      {hasFilters(filters) ? (
        <button type="button" className="button button--small button--ghost" onClick={() => onChange({})}>
          {t('search.filters.clear')}
        </button>
      ) : null}
    </div>
  );
}
