import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeskQuery } from '../api/hooks';
import { useFormat } from '../i18n/LocaleContext';
import { ChannelBadge } from '../ui/ChannelBadge';
import './customer.css';

/** Up to two initials for the avatar, from the first and last word of the name. */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = words[0]?.[0] ?? '';
  const last = words.length > 1 ? (words.at(-1)?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}

export function CustomerPanel({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const detail = useDeskQuery('conversation.get', { conversationId });
  if (!detail.data) return <aside className="customer" aria-label={t('customer.title')} aria-busy={detail.isPending} data-testid="customer-panel" />;

  const { contact, conversation, queue, assignee } = detail.data;
  const none = <span className="customer__none">{t('customer.none')}</span>;
  return (
    <aside className="customer" aria-label={t('customer.title')} data-testid="customer-panel">
      <div className="customer__card">
        <span className="customer__avatar" aria-hidden="true">
          {initialsOf(contact.name)}
        </span>
        <h2 className="customer__name" dir="auto">{contact.name}</h2>
      </div>
      <dl className="customer__facts">
        <Fact label={t('customer.phone')}>{contact.phone ? <span dir="ltr">{contact.phone}</span> : none}</Fact>
        <Fact label={t('customer.email')}>{contact.email ? <span dir="ltr">{contact.email}</span> : none}</Fact>
        <Fact label={t('customer.channel')}>
          <ChannelBadge channel={conversation.channel} withName />
        </Fact>
        <Fact label={t('customer.status')}>
          <span className={`status-pill status-pill--${conversation.status}`}>{t(`conversationStatus.${conversation.status}`)}</span>
        </Fact>
        <Fact label={t('customer.queue')}>{queue ? queue.name : none}</Fact>
        <Fact label={t('customer.assignee')}>{assignee ? assignee.name : <span className="customer__none">{t('customer.unassigned')}</span>}</Fact>
        <Fact label={t('customer.since')}>{format.fullDate(contact.createdAt)}</Fact>
      </dl>
    </aside>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="customer__fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
