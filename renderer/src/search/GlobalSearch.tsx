// The search box above the inbox: searches the cache as the agent types and lists conversations,
// messages and contacts with their matches marked; arrows and Enter open a result, scrolled to the
// message. Filters narrow every group; "Search all history on the server" adds the backend's hits.
// The previous search's results stay on screen, dimmed, until the answer to what is typed arrives
// (freshness.ts): Enter pressed meanwhile waits for that answer and opens its result.
import { useEffect, useEffectEvent, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useT } from '../i18n/LocaleContext';
import type { SearchFilters, SearchResults } from '../../../shared/ipc/contract';
import { createMatcher } from '../../../shared/search/highlight';
import { parseQuery } from '../../../shared/search/query';
import { useDeskQuery } from '../api/hooks';
import { useCommand } from '../workspace/commands';
import { CloseIcon, FilterIcon, SearchIcon } from '../ui/icons';
import { SearchFilterBar, hasFilters } from './SearchFilterBar';
import { SearchResultsList } from './SearchResultsList';
import { enterAction, isCurrent, pendingEnter, sameAsked, type Asked } from './freshness';
import { moveActive, searchOptions, type SearchOption } from './options';
import { hitsAsShown } from './systemLineMatches';
import { useDebounced } from './useDebounced';
import { useSearchReveal } from './SearchReveal';
import './search.css';

const LOCAL_LIMIT = 20;
const SERVER_LIMIT = 30;
const DEBOUNCE_MS = 60;

export function GlobalSearch({ onOpen }: { onOpen: (conversationId: string) => void }) {
  const t = useT();
  const listId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<SearchFilters>({});
  const [showFilters, setShowFilters] = useState(false);
  const [expanded, setExpanded] = useState(false);
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const [serverFor, setServerFor] = useState<string | null>(null);
  // The search an Enter was pressed for while the results shown did not answer it yet.
  const [enterFor, setEnterFor] = useState<Asked | null>(null);
  const { reveal } = useSearchReveal();

  const filterKey = JSON.stringify(filters);
  const typed: Asked = { text: query.trim(), filters: filterKey };
  const text = useDebounced(typed.text, DEBOUNCE_MS);
  const settled: Asked = { text, filters: filterKey };
  const searching = text !== '';
  const local = useDeskQuery('search.local', { query: text, filters, limit: LOCAL_LIMIT }, { enabled: searching });
  // The latest local results and the search they answer: kept on screen while the next one runs.
  const [answer, setAnswer] = useState<{ asked: Asked; results: SearchResults } | null>(null);
  if (local.data && (local.data !== answer?.results || !sameAsked(settled, answer.asked))) setAnswer({ asked: settled, results: local.data });
  const current = isCurrent(typed, settled, answer?.asked ?? null);
  const connection = useDeskQuery('connection.get', {});
  const online = connection.data?.status === 'online';
  const serverAsked = serverFor === `${text}\n${filterKey}`;
  const server = useDeskQuery('search.server', { query: text, filters, limit: SERVER_LIMIT }, { enabled: searching && serverAsked && online, retry: false, staleTime: 60_000 });

  // System lines as the agent reads them, in their language (see systemLineMatches.ts), marked
  // for the search their results answer.
  const answeredText = answer?.asked.text ?? '';
  const localMatcher = useMemo(() => createMatcher(parseQuery(answeredText)), [answeredText]);
  const matcher = useMemo(() => createMatcher(parseQuery(text)), [text]);
  const localShown = useMemo(() => answer && { ...answer.results, messages: hitsAsShown(answer.results.messages, t, localMatcher) }, [answer, t, localMatcher]);
  const serverHits = useMemo(
    () => (serverAsked && server.data ? hitsAsShown(server.data.messages, t, matcher) : undefined),
    [serverAsked, server.data, t, matcher],
  );
  const options = useMemo(() => searchOptions(localShown ?? undefined, serverHits), [localShown, serverHits]);
  const activeIndex = options.findIndex((o) => o.key === activeKey);
  const active = activeIndex >= 0 ? activeIndex : options.length > 0 ? 0 : -1;
  const panelOpen = expanded && searching;

  const focusBox = () => {
    inputRef.current?.focus();
    inputRef.current?.select();
    setExpanded(true);
  };
  useCommand('search', focusBox);
  useCommand('searchQuick', focusBox);

  const choose = (option: SearchOption) => {
    onOpen(option.conversationId);
    // The thread marks what the result was found for: a dimmed local result answers an earlier search.
    const foundFor = option.group === 'server' ? text : answeredText;
    if (option.messageId !== null) reveal({ conversationId: option.conversationId, messageId: option.messageId, query: foundFor });
    setExpanded(false);
  };

  // An Enter pressed before the results answered what is typed opens the active result of the
  // answer once it is there; anything else typed (cleared, other filters) drops it.
  const enterSettles = useEffectEvent((pressedFor: Asked) => {
    const action = pendingEnter(pressedFor, typed, current);
    if (action === 'wait') return;
    setEnterFor(null);
    const option = options[active];
    if (action === 'open' && option) choose(option);
  });
  useEffect(() => {
    if (enterFor) enterSettles(enterFor);
  }, [enterFor, current, options, typed.text, filterKey]);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setExpanded(true);
      const next = moveActive(options.length, active, event.key === 'ArrowDown' ? 1 : -1);
      setActiveKey(options[next]?.key ?? null);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const action = enterAction(panelOpen, current);
      const option = options[active];
      if (action === 'expand') setExpanded(true);
      else if (action === 'wait') setEnterFor(typed);
      else if (option) choose(option);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      setEnterFor(null);
      if (panelOpen) setExpanded(false);
      else if (query !== '') setQuery('');
      else inputRef.current?.blur();
    }
  };

  const activeOption = options[active];
  return (
    <div className="global-search" data-testid="global-search">
      <div className="global-search__box">
        <SearchIcon className="global-search__icon" />
        <input
          ref={inputRef}
          className="global-search__input"
          data-testid="global-search-input"
          type="search"
          role="combobox"
          aria-label={t('search.label')}
          aria-expanded={panelOpen}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={panelOpen && activeOption ? `${listId}-${activeOption.key}` : undefined}
          placeholder={t('search.placeholder')}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActiveKey(null);
            setExpanded(true);
          }}
          onFocus={() => setExpanded(true)}
          onKeyDown={onKeyDown}
          spellCheck={false}
          autoComplete="off"
        />
        {query !== '' ? (
          <button type="button" className="global-search__clear" onClick={() => { setQuery(''); inputRef.current?.focus(); }} aria-label={t('search.clear')}>
            <CloseIcon />
          </button>
        ) : null}
        <button
          type="button"
          className={`global-search__filters-toggle${hasFilters(filters) ? ' global-search__filters-toggle--on' : ''}`}
          aria-expanded={showFilters}
          aria-label={t('search.filters.toggle')}
          title={t('search.filters.toggle')}
          data-testid="search-filters-toggle"
          onClick={() => setShowFilters((v) => !v)}
        >
          <FilterIcon />
        </button>
      </div>
      {showFilters ? <SearchFilterBar filters={filters} onChange={(f) => { setFilters(f); setExpanded(true); }} /> : null}
      {panelOpen ? (
        <div className="global-search__panel" data-testid="search-results" data-stale={current ? undefined : 'true'}>
          <SearchResultsList
            listId={listId}
            local={localShown ?? undefined}
            stale={!current}
            failed={local.isError}
            activeKey={activeOption?.key ?? null}
            onChoose={choose}
            onHover={setActiveKey}
            server={{
              asked: serverAsked,
              online,
              hits: serverHits,
              loading: server.isFetching,
              failed: server.isError,
              run: () => setServerFor(`${text}\n${filterKey}`),
            }}
          />
        </div>
      ) : null}
    </div>
  );
}

