// The in-thread search box: "3 of 12", next (older) and previous (newer) match, Esc closes.
import type { KeyboardEvent } from 'react';
import { useT } from '../i18n/LocaleContext';
import { ChevronIcon, CloseIcon, SearchIcon } from '../ui/icons';
import type { ThreadSearch } from './useThreadSearch';
import './search.css';

export function ThreadSearchBar({ search }: { search: ThreadSearch }) {
  const t = useT();
  if (!search.open) return null;

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      if (event.shiftKey) search.previous();
      else search.next();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      search.close();
    }
  };

  let count = '';
  if (search.searching) {
    count = search.total === 0 ? t('search.thread.none') : t('search.thread.count', { current: search.position + 1, total: search.total });
  }
  return (
    <div className="thread-search" role="search" data-testid="thread-search">
      <SearchIcon className="thread-search__icon" />
      <input
        ref={search.inputRef}
        className="thread-search__input"
        data-testid="thread-search-input"
        type="search"
        aria-label={t('search.thread.label')}
        placeholder={t('search.thread.placeholder')}
        value={search.query}
        onChange={(e) => search.setQuery(e.target.value)}
        onKeyDown={onKeyDown}
        spellCheck={false}
        autoComplete="off"
      />
      <span className="thread-search__count" data-testid="thread-search-count" aria-live="polite">
        {search.loadingMatch ? <span className="spinner" aria-hidden="true" /> : null}
        {count}
      </span>
      <button type="button" className="icon-button" data-testid="thread-search-next" onClick={search.next} disabled={search.total === 0} aria-label={t('search.thread.next')} title={t('search.thread.next')}>
        <ChevronIcon className="thread-search__up" />
      </button>
      <button type="button" className="icon-button" data-testid="thread-search-previous" onClick={search.previous} disabled={search.total === 0} aria-label={t('search.thread.previous')} title={t('search.thread.previous')}>
        <ChevronIcon className="thread-search__down" />
      </button>
      <button type="button" className="icon-button" data-testid="thread-search-close" onClick={search.close} aria-label={t('search.thread.close')} title={t('search.thread.close')}>
        <CloseIcon />
      </button>
    </div>
  );
}
