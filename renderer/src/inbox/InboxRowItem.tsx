import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { InboxRow } from '../../../shared/ipc/contract';
import { unreadBadge } from '../../../shared/text/badge';
import { useFormat } from '../i18n/LocaleContext';
import { ChannelBadge } from '../ui/ChannelBadge';

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
}

export const InboxRowItem = memo(function InboxRowItem({ row, now, open, highlighted, domId, onOpen }: InboxRowProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const badge = unreadBadge(row.unreadCount);
  const classes = ['inbox-row', row.unreadCount > 0 && 'inbox-row--unread', open && 'inbox-row--open', highlighted && 'inbox-row--highlighted']
    .filter(Boolean)
    .join(' ');

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
      onClick={() => onOpen(row.conversationId)}
    >
      <div className="inbox-row__top">
        <ChannelBadge channel={row.channel} />
        <span className="inbox-row__name" dir="auto">{row.contactName}</span>
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
    </div>
  );
});
