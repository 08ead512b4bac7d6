// The customer panel: who the customer is, how to reach them, what the conversation is about, and
// expandable sections with the backend's linked records, earlier conversations, loyalty and notes.
import { memo, type ReactNode, useState } from 'react';
import { Trans } from 'react-i18next';
import { EMPTY_PROFILE } from '../../../shared/domain';
import { useDeskQuery } from '../api/hooks';
import { useSteadyDetail } from '../api/useSteadyDetail';
import { useFormat, useT } from '../i18n/LocaleContext';
import { useSettings } from '../settings/useSettings';
import { ChannelBadge } from '../ui/ChannelBadge';
import { useWorkflow } from '../workflow/WorkflowContext';
import { Attributes } from './Attributes';
import { GivePointsDialog } from './GivePointsDialog';
import { LinkedRecords } from './LinkedRecords';
import { Notes } from './Notes';
import { formatDate } from './recordFormat';
import { Section } from './Section';
import './customer.css';

/** Up to two initials for the avatar, from the first and last word of the name. */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = words[0]?.[0] ?? '';
  const last = words.length > 1 ? (words.at(-1)?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}

interface CustomerPanelProps {
  conversationId: string;
  onOpenConversation: (conversationId: string) => void;
  onCollapse: () => void;
}

export const CustomerPanel = memo(function CustomerPanel({ conversationId, onOpenConversation, onCollapse }: CustomerPanelProps) {
  const t = useT();
  const format = useFormat();
  const { settings, update } = useSettings();
  const { openDialog } = useWorkflow();
  const [givingPoints, setGivingPoints] = useState(false);
  const detail = useSteadyDetail(conversationId);
  const contactId = detail.data?.contact.id ?? '';
  const others = useDeskQuery('contact.conversations', { contactId, exceptId: conversationId }, { enabled: contactId !== '' });
  if (!detail.data) return <aside className="customer" aria-label={t('customer.title')} aria-busy={detail.isPending} data-testid="customer-panel" />;

  const { contact, conversation, queue, assignee } = detail.data;
  const profile = contact.profile ?? EMPTY_PROFILE;
  const open = new Set(settings.customerSections);
  const toggle = (id: string) => update({ customerSections: open.has(id) ? [...open].filter((s) => s !== id) : [...open, id] });
  const none = <span className="customer__none">{t('customer.none')}</span>;
  const link = conversation.linkedRecord ?? null;
  const past = others.data ?? [];

  return (
    <aside className="customer" aria-label={t('customer.title')} data-testid="customer-panel">
      <button type="button" className="customer__collapse" onClick={onCollapse} aria-keyshortcuts="Control+I" title={t('customer.collapse')} data-testid="customer-collapse">
        <span aria-hidden="true">⟩</span>
        <span className="visually-hidden">{t('customer.collapse')}</span>
      </button>
      <div className="customer__card">
        <span className="customer__avatar" aria-hidden="true">
          {initialsOf(contact.name)}
        </span>
        <h2 className="customer__name" dir="auto">
          {contact.name}
        </h2>
        {profile.lifecycle ? (
          <span className={`badge badge--${profile.lifecycle}`} data-testid="customer-lifecycle">
            {t(`customer.lifecycle.${profile.lifecycle}`)}
          </span>
        ) : null}
        <p className="customer__about" data-testid="conversation-link">
          {link ? (
            <>
              <span className="customer__about-label">{t(`customer.about.${link.type}`)}</span> <span dir="ltr">{link.label}</span>
            </>
          ) : (
            t('customer.generalEnquiry')
          )}
        </p>
      </div>
      <dl className="customer__facts">
        <Fact label={t('customer.phone')}>
          {contact.phone ? (
            <a href={`tel:${contact.phone.replace(/[^+0-9]/g, '')}`} dir="ltr">
              {contact.phone}
            </a>
          ) : (
            none
          )}
        </Fact>
        <Fact label={t('customer.email')}>
          {contact.email ? (
            <a href={`mailto:${contact.email}`} dir="ltr">
              {contact.email}
            </a>
          ) : (
            none
          )}
        </Fact>
        {profile.address ? <Fact label={t('customer.address')}>
            <bdi>{profile.address}</bdi>
          </Fact> : null}
        <Fact label={t('customer.channel')}>
          <ChannelBadge channel={conversation.channel} withName />
        </Fact>
        {profile.identities.length > 0 ? (
          <Fact label={t('customer.identities')}>
            <ul className="customer__identities">
              {profile.identities.map((identity) => (
                <li key={`${identity.channel}:${identity.handle}`}>
                  <ChannelBadge channel={identity.channel} /> <span dir="ltr">{identity.handle}</span>
                </li>
              ))}
            </ul>
          </Fact>
        ) : null}
        <Fact label={t('customer.status')}>
          <span className={`status-pill status-pill--${conversation.status}`}>{t(`conversationStatus.${conversation.status}`)}</span>
        </Fact>
        <Fact label={t('customer.queue')}>{queue ? queue.name : none}</Fact>
        <Fact label={t('customer.assignee')}>{assignee ? assignee.name : <span className="customer__none">{t('customer.unassigned')}</span>}</Fact>
        <Fact label={t('customer.tags')}>
          <div className="customer__tags" data-testid="customer-tags">
            {conversation.labels.map((label) => (
              <span key={label} className={`label-chip label-chip--${label}`} data-label={label}>
                {t(`workflowLabel.${label}`)}
              </span>
            ))}
            {conversation.tags.map((tag) => (
              <span key={tag} className="tag-chip" dir="auto">
                {tag}
              </span>
            ))}
            {conversation.labels.length + conversation.tags.length === 0 ? <span className="customer__none">{t('customer.noTags')}</span> : null}
            <button type="button" className="button button--small" onClick={() => openDialog({ kind: 'tags', conversationId })} data-testid="customer-edit-tags">
              {t('customer.editTags')}
            </button>
          </div>
        </Fact>
        <Fact label={t('customer.since')}>{format.fullDate(contact.createdAt)}</Fact>
      </dl>
      <Section id="attributes" title={t('customer.sections.attributes')} count={Object.keys(profile.attributes).length} open={open.has('attributes')} onToggle={toggle}>
        <Attributes contactId={contact.id} attributes={profile.attributes} />
      </Section>
      <Section id="linked" title={t('customer.sections.linked')} count={profile.vehicles.length + profile.orders.length + profile.appointments.length} open={open.has('linked')} onToggle={toggle}>
        <LinkedRecords profile={profile} />
      </Section>
      <Section id="conversations" title={t('customer.sections.conversations')} count={past.length} open={open.has('conversations')} onToggle={toggle}>
        {past.length === 0 ? (
          <p className="customer__none">{t('customer.noConversations')}</p>
        ) : (
          <ul className="past">
            {past.map((p) => (
              <li key={p.id}>
                <button type="button" className="past__item" data-testid="past-conversation" onClick={() => onOpenConversation(p.id)}>
                  <span className="past__line">
                    <ChannelBadge channel={p.channel} />
                    <span className={`status-pill status-pill--${p.status}`}>{t(`conversationStatus.${p.status}`)}</span>
                    <span className="past__date">{formatDate(p.lastMessageAt, format.locale)}</span>
                  </span>
                  <span className="past__preview" dir="auto">
                    {p.subject ?? p.preview}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section id="loyalty" title={t('customer.sections.loyalty')} open={open.has('loyalty')} onToggle={toggle}>
        <div className="loyalty">
          <p className="loyalty__points" data-testid="loyalty-points">
            <Trans t={t} i18nKey="customer.points" count={profile.loyalty?.points ?? 0} components={{ strong: <strong /> }} />
            {profile.loyalty?.tier ? <span className="badge">{profile.loyalty.tier}</span> : null}
          </p>
          <button type="button" className="button button--small" onClick={() => setGivingPoints(true)} data-testid="give-points-open">
            {t('customer.givePoints.open')}
          </button>
        </div>
        {profile.vouchers.length > 0 ? (
          <ul className="vouchers">
            {profile.vouchers.map((v) => (
              <li key={v.id} className="voucher" data-testid="voucher" data-redeemed={v.redeemed}>
                <code className="voucher__code">{v.code}</code>
                <span>{v.description}</span>
                <span className="voucher__meta">
                  {v.redeemed ? t('customer.voucherRedeemed') : v.expiresAt !== null ? t('customer.voucherExpires', { date: formatDate(v.expiresAt, format.locale) }) : null}
                </span>
              </li>
            ))}
          </ul>
        ) : null}
      </Section>
      <Section id="notes" title={t('customer.sections.notes')} count={profile.notes.length} open={open.has('notes')} onToggle={toggle}>
        <Notes contactId={contact.id} notes={profile.notes} />
      </Section>
      {givingPoints ? <GivePointsDialog contactId={contact.id} name={contact.name} onClose={() => setGivingPoints(false)} /> : null}
    </aside>
  );
});

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="customer__fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
