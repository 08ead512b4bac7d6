import { memo } from 'react';
import { useT } from '../i18n/LocaleContext';
import type { SteadyDetail } from '../api/useSteadyDetail';
import { ChannelBadge } from '../ui/ChannelBadge';

export const ThreadHeader = memo(function ThreadHeader({ detail, online }: { detail: SteadyDetail; online: boolean }) {
  const t = useT();
  const { conversation, contact } = detail;
  return (
    <header className="thread-header">
      <div className="thread-header__titles">
        <h2 className="thread-header__name" dir="auto">
          <bdi>{contact.name}</bdi>
          <span className={online ? 'presence presence--online' : 'presence'} data-testid="presence" data-online={online ? 'true' : 'false'}>
            <span className="presence__dot" aria-hidden="true" />
            {online ? t('thread.presence.online') : t('thread.presence.offline')}
          </span>
        </h2>
        {conversation.subject ? (
          <span className="thread-header__subject" dir="auto" data-testid="thread-subject">
            {conversation.subject}
          </span>
        ) : null}
      </div>
      <ChannelBadge channel={conversation.channel} withName />
      <span className={`status-pill status-pill--${conversation.status}`}>{t(`conversationStatus.${conversation.status}`)}</span>
    </header>
  );
});
