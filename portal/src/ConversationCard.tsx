// One conversation on the Messages page: what it is about, its channel, the last message with who
// wrote it, when, and how many team replies are unread. The whole card is one link.
import { useTranslation } from 'react-i18next';
import type { PortalConversation } from '../../shared/portal';
import { AppLink, type Navigate } from './AppLink';
import { ChannelBadge } from './ChannelBadge';
import { usePortal } from './context';
import { relativeTime } from './format';
import { ChannelIcon } from './icons';
import { LinkedRecordTitle } from './LinkedRecordTitle';

export function ConversationCard({ conversation, now, navigate }: { conversation: PortalConversation; now: number; navigate: Navigate }) {
  const { t } = useTranslation();
  const { locale } = usePortal();
  const last = conversation.lastMessage;
  return (
    <li>
      <AppLink
        to={{ page: 'thread', conversationId: conversation.id }}
        navigate={navigate}
        className={conversation.unreadCount > 0 ? 'card conversation-card unread' : 'card conversation-card'}
        testId="portal-conversation"
        data-conversation-id={conversation.id}
        data-unread={conversation.unreadCount}
      >
        <div className="card-top">
          <LinkedRecordTitle record={conversation.linkedRecord} />
          <ChannelBadge channel={conversation.channel} />
        </div>
        <div className="card-bottom">
          <p className="preview" data-testid="portal-conversation-preview">
            {last ? (
              <>
                <ChannelIcon channel={last.channel} label={t(`channel.${last.channel}`)} className="preview-channel" />
                <span className="preview-who">{last.from === 'staff' ? t('messages.fromTeam') : t('messages.fromYou')}</span>{' '}
                <span className="preview-text" dir="auto">{last.preview}</span>
              </>
            ) : (
              <span className="preview-text muted">{t('messages.noMessages')}</span>
            )}
          </p>
          <div className="card-meta">
            {last && (
              <time className="muted" dateTime={new Date(last.createdAt).toISOString()}>
                {relativeTime(last.createdAt, now, locale)}
              </time>
            )}
            {conversation.unreadCount > 0 && (
              <span className="unread-badge" data-testid="portal-unread-badge" aria-label={t('messages.unread', { count: conversation.unreadCount })}>
                {conversation.unreadCount > 99 ? '99+' : conversation.unreadCount}
              </span>
            )}
          </div>
        </div>
        {!conversation.open && <span className="closed-tag">{t('messages.closed')}</span>}
      </AppLink>
    </li>
  );
}
