import { memo } from 'react';
import type { InboxRow } from '../../../shared/ipc/contract';
import { unreadBadge } from '../../../shared/text/badge';
import { useFormat, useT } from '../i18n/LocaleContext';
import { ChannelBadge } from '../ui/ChannelBadge';
import { PinIcon } from '../ui/icons';

/**
 * Wraps customer-language text in a first-strong isolate so an English preview inside the Arabic
 * "You: …" prefix (or the reverse) keeps its own direction and punctuation.
 */
const isolate = (text: string) => `\u2068${text}\u2069`;

interface InboxRowProps {
  row: InboxRow;
  now: number;
  open: boolean;
  highlighted: boolean;
  domId: string;
  onOpen: (conversationId: string) => void;
  /** Accepts a queued conversation (and opens it). */
  onAccept: (conversationId: string) => void;
}

export const InboxRowItem = memo(function InboxRowItem({ row, now, open, highlighted, domId, onOpen, onAccept }: InboxRowProps) {
  const t = useT();
  const format = useFormat();
  const badge = unreadBadge(row.unreadCount);
  const classes = [
    'inbox-row',
    row.unreadCount > 0 && 'inbox-row--unread',
    open && 'inbox-row--open',
    highlighted && 'inbox-row--highlighted',
    row.labels.length > 0 && `inbox-row--label-${row.labels[0]}`,
  ]
    .filter(Boolean)
    .join(' ');
  const waiting = row.waitingSince !== null && (row.status === 'queued' || row.status === 'active' || row.status === 'pending');

  return (
    <div
      id={domId}
      role="option"
      aria-selected={open}
      className={classes}
      data-testid="inbox-row"
      data-conversation-id={row.conversationId}
      data-unread={row.unreadCount}
      data-channel={row.channel}
      data-status={row.status}
      data-pinned={row.pinned ? 'true' : undefined}
      data-labels={row.labels.join(' ')}
      onClick={() => onOpen(row.conversationId)}
    >
      <div className="inbox-row__top">
        <ChannelBadge channel={row.channel} />
        <span className="inbox-row__name" dir="auto">{row.contactName}</span>
        {row.pinned ? (
          <span className="inbox-row__pin" title={t('workflow.pinned')} data-testid="row-pinned">
            <PinIcon />
            <span className="visually-hidden">{t('workflow.pinned')}</span>
          </span>
        ) : null}
        <time className="inbox-row__time" dateTime={new Date(row.lastMessageAt).toISOString()} title={format.fullDate(row.lastMessageAt)}>
          {format.relative(row.lastMessageAt, now)}
        </time>
      </div>
      <div className="inbox-row__bottom">
        {row.draft ? (
          <span className="inbox-row__preview" dir="auto" data-testid="inbox-draft">
            <span className="inbox-row__draft">{t('inbox.draft')}</span> {row.draft}
          </span>
        ) : (
          <span className="inbox-row__preview" dir="auto">
            {row.subject ? (
              <span className="inbox-row__subject" data-testid="inbox-subject">
                {row.subject}
              </span>
            ) : null}
            {row.previewFromAgent ? t('inbox.you', { preview: isolate(row.preview) }) : row.preview}
          </span>
        )}
        {badge ? (
          <>
            <span className="inbox-row__badge" data-testid="unread-badge" aria-hidden="true">
              {badge}
            </span>
            <span className="visually-hidden">{t('inbox.unread', { count: row.unreadCount })}</span>
          </>
        ) : null}
      </div>
      <div className="inbox-row__meta">
        <span className={`status-pill status-pill--small status-pill--${row.status}`}>{t(`conversationStatus.${row.status}`)}</span>
        {row.labels.map((label) => (
          <span key={label} className={`label-chip label-chip--${label}`} data-testid="row-label" data-label={label}>
            {t(`workflowLabel.${label}`)}
          </span>
        ))}
        {/* Labels are what the list highlights; a tag shows when there is room for it. */}
        {(row.labels.length > 0 ? [] : row.tags.slice(0, 1)).map((tag) => (
          <span key={tag} className="tag-chip" dir="auto">
            {tag}
          </span>
        ))}
        <span className="inbox-row__spacer" />
        {waiting ? (
          <span className="inbox-row__waiting" data-testid="row-waiting" title={format.fullDate(row.waitingSince!)}>
            {t('workflow.waiting', { time: format.age(now - row.waitingSince!) })}
          </span>
        ) : null}
        {row.status === 'queued' ? (
          <button
            type="button"
            className="button button--small button--primary inbox-row__accept"
            data-testid="row-accept"
            onClick={(event) => {
              event.stopPropagation();
              onAccept(row.conversationId);
            }}
          >
            {t('workflow.accept')}
          </button>
        ) : null}
      </div>
    </div>
  );
});
