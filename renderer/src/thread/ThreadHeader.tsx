import { useTranslation } from 'react-i18next';
import type { ConversationDetail } from '../../../shared/ipc/contract';
import { ChannelBadge } from '../ui/ChannelBadge';

export function ThreadHeader({ detail }: { detail: ConversationDetail }) {
  const { t } = useTranslation();
  const { conversation, contact } = detail;
  return (
    <header className="thread-header">
      <div className="thread-header__titles">
        <h2 className="thread-header__name" dir="auto">{contact.name}</h2>
        {conversation.subject ? <span className="thread-header__subject" dir="auto">{conversation.subject}</span> : null}
      </div>
      <ChannelBadge channel={conversation.channel} withName />
      <span className={`status-pill status-pill--${conversation.status}`}>{t(`conversationStatus.${conversation.status}`)}</span>
    </header>
  );
}
