// The grouped results of the global search: conversations, messages, contacts, then the server's
// hits once asked for. Each selectable row is an option of the search box's listbox.
import type { ReactNode } from 'react';
import type { SearchMessageHit, SearchResults } from '../../../shared/ipc/contract';
import { useFormat, useT } from '../i18n/LocaleContext';
import { useNow } from '../inbox/useNow';
import { ChannelBadge } from '../ui/ChannelBadge';
import { Highlight } from './Highlight';
import { searchOptions, type SearchOption } from './options';

interface ServerState {
  asked: boolean;
  online: boolean;
  hits: readonly SearchMessageHit[] | undefined;
  loading: boolean;
  failed: boolean;
  run: () => void;
}

interface Props {
  listId: string;
  local: SearchResults | undefined;
  /** The results shown answer an earlier search than what is typed: its answer is on its way. */
  stale: boolean;
  failed: boolean;
  activeKey: string | null;
  onChoose: (option: SearchOption) => void;
  onHover: (key: string) => void;
  server: ServerState;
}

export function SearchResultsList({ listId, local, stale, failed, activeKey, onChoose, onHover, server }: Props) {
  const t = useT();
  const format = useFormat();
  const now = useNow();
  const byKey = new Map(searchOptions(local, server.hits).map((o) => [o.key, o]));

  const option = (key: string, children: ReactNode, className = '') => {
    const o = byKey.get(key);
    if (!o) return <li key={key} className={`search-result search-result--static ${className}`}>{children}</li>;
    return (
      <li
        key={key}
        id={`${listId}-${key}`}
        role="option"
        aria-selected={activeKey === key}
        className={`search-result ${className}`}
        data-testid="search-result"
        data-group={o.group}
        data-conversation-id={o.conversationId}
        data-message-id={o.messageId ?? ''}
        // Keep focus in the search box: choosing must not blur it first.
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => onChoose(o)}
        onMouseMove={() => activeKey !== key && onHover(key)}
      >
        {children}
      </li>
    );
  };

  const time = (at: number) => (
    <time className="search-result__time" dateTime={new Date(at).toISOString()} title={format.fullDate(at)}>
      {format.relative(at, now)}
    </time>
  );

  const messageRow = (m: SearchMessageHit, prefix: 'm' | 's') =>
    option(
      `${prefix}:${m.messageId}`,
      <>
        <div className="search-result__line">
          <ChannelBadge channel={m.channel} />
          <span className="search-result__title" dir="auto">{m.contactName || t('search.unknownContact')}</span>
          {m.kind === 'note' ? <span className="search-result__tag">{t('thread.note')}</span> : null}
          {m.source === 'server' ? <span className="search-result__tag search-result__tag--server" data-testid="server-badge">{t('search.serverBadge')}</span> : null}
          {time(m.createdAt)}
        </div>
        <p className="search-result__snippet" dir="auto">
          <Highlight value={m.snippet} />
        </p>
      </>,
    );

  const conversations = local?.conversations ?? [];
  const messages = local?.messages ?? [];
  const contacts = local?.contacts ?? [];
  const nothing = local !== undefined && conversations.length + messages.length + contacts.length === 0;

  return (
    <div className="search-results">
      <ul
        id={listId}
        role="listbox"
        aria-label={t('search.results')}
        aria-busy={stale}
        className={`search-results__list${stale ? ' search-results__list--stale' : ''}`}
      >
        {conversations.length > 0 ? <GroupHeading label={t('search.groups.conversations')} /> : null}
        {conversations.map((c) =>
          option(
            `c:${c.conversationId}`,
            <>
              <div className="search-result__line">
                <ChannelBadge channel={c.channel} />
                <span className="search-result__title" dir="auto">
                  <Highlight value={c.contactName} />
                </span>
                <span className={`search-result__status search-result__status--${c.status}`}>{t(`conversationStatus.${c.status}`)}</span>
                {time(c.lastMessageAt)}
              </div>
              <p className="search-result__snippet" dir="auto">
                {c.subject ? <Highlight value={c.subject} /> : t(`search.reason.${c.reason}`)}
              </p>
            </>,
          ),
        )}
        {messages.length > 0 ? <GroupHeading label={t('search.groups.messages')} /> : null}
        {messages.map((m) => messageRow(m, 'm'))}
        {contacts.length > 0 ? <GroupHeading label={t('search.groups.contacts')} /> : null}
        {contacts.map((k) =>
          option(
            `k:${k.contactId}`,
            <>
              <div className="search-result__line">
                <span className="search-result__title" dir="auto">
                  <Highlight value={k.name} />
                </span>
                {k.conversationId === null ? <span className="search-result__tag">{t('search.noConversation')}</span> : null}
              </div>
              <p className="search-result__snippet search-result__snippet--contact">
                {k.phone ? (
                  <span dir="ltr">
                    <Highlight value={k.phone} />
                  </span>
                ) : null}
                {k.email ? (
                  <span dir="ltr">
                    <Highlight value={k.email} />
                  </span>
                ) : null}
              </p>
            </>,
          ),
        )}
        {server.hits && server.hits.length > 0 ? <GroupHeading label={t('search.groups.server')} /> : null}
        {server.hits?.map((m) => messageRow(m, 's'))}
      </ul>
      {failed ? (
        <p className="search-results__state" role="alert">{t('search.failed')}</p>
      ) : stale && (local === undefined || nothing) ? (
        <p className="search-results__state" aria-busy="true">{t('search.searching')}</p>
      ) : nothing ? (
        <p className="search-results__state" data-testid="search-empty">{t('search.noLocalResults')}</p>
      ) : null}
      <div className="search-results__server" data-testid="search-server">
        {!server.asked ? (
          <button type="button" className="button button--small" data-testid="search-server-button" onMouseDown={(e) => e.preventDefault()} onClick={server.run}>
            {t('search.server.run')}
          </button>
        ) : !server.online ? (
          <p className="search-results__state" role="status" data-testid="search-server-offline">{t('search.server.offline')}</p>
        ) : server.loading ? (
          <p className="search-results__state" aria-busy="true">{t('search.server.searching')}</p>
        ) : server.failed ? (
          <p className="search-results__state" role="alert">{t('search.server.failed')}</p>
        ) : server.hits && server.hits.length === 0 ? (
          <p className="search-results__state">{t('search.server.none')}</p>
        ) : null}
      </div>
    </div>
  );
}

function GroupHeading({ label }: { label: string }) {
  return (
    <li role="presentation" className="search-results__group">
      {label}
    </li>
  );
}
