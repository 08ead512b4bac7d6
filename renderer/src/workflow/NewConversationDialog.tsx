// New conversation / ad-hoc message: find a contact by name, phone or email, or use a new number
// or address; pick SMS, email or a WhatsApp template; write the first message. The conversation
// exists at once (the outbox sends it) and opens selected.
import { useId, useState } from 'react';
import { useT } from '../i18n/LocaleContext';
import type { Contact } from '../../../shared/domain';
import { renderTemplate, WHATSAPP_TEMPLATES, type WhatsAppTemplate, type WhatsAppTemplateParam } from '../../../shared/channels/whatsapp';
import { START_CHANNELS, type StartChannel } from '../../../shared/protocol';
import { useDeskMutation, useDeskQuery } from '../api/hooks';
import { useDebounced } from '../search/useDebounced';
import { useToasts } from '../toasts/ToastContext';
import { Dialog } from '../ui/Dialog';
import { newContactFrom } from './newContact';
import './workflow.css';

const SEARCH_DEBOUNCE_MS = 150;

export function NewConversationDialog({ onClose, onStarted }: { onClose: () => void; onStarted: (conversationId: string) => void }) {
  const t = useT();
  const toasts = useToasts();
  const session = useDeskQuery('session.get', {});
  const toId = useId();
  const [query, setQuery] = useState('');
  const [contact, setContact] = useState<Contact | null>(null);
  const [channel, setChannel] = useState<StartChannel>('sms');
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [template, setTemplate] = useState<WhatsAppTemplate>(WHATSAPP_TEMPLATES[0]!);
  const [edited, setEdited] = useState<Partial<Record<WhatsAppTemplateParam, string>>>({});
  const searched = useDebounced(query.trim(), SEARCH_DEBOUNCE_MS);
  const search = useDeskQuery('contacts.search', { query: searched }, { enabled: contact === null && searched.length >= 2 });
  const typedContact = contact === null ? newContactFrom(query) : null;
  const start = useDeskMutation('conversation.start', {
    onSuccess: ({ conversationId }) => {
      onClose();
      onStarted(conversationId);
    },
    onError: (error) => toasts.show({ message: { failed: 'workflow.actionFailed', error }, tone: 'error' }),
  });

  // Placeholders start from what is known (the contact's and the agent's names) and stay editable.
  const known: Partial<Record<WhatsAppTemplateParam, string>> = {
    customerName: contact?.name ?? '',
    agentName: session.data?.agent.name ?? '',
  };
  const params = template.params.map((p) => edited[p] ?? known[p] ?? '');
  const rendered = channel === 'whatsapp' ? renderTemplate(template, params) : null;
  const text = channel === 'whatsapp' ? (rendered?.ok ? rendered.body : '') : body.trim();
  const who = contact ? { contactId: contact.id } : typedContact;
  const fitsChannel =
    who !== null && (contact ? (channel === 'email' ? contact.email !== null : contact.phone !== null) : channel === 'email' ? 'email' in who : 'phone' in who);
  const ready = fitsChannel && text.length > 0 && !start.isPending;

  const submit = () => {
    if (!who || !ready) return;
    start.mutate({
      contact: who,
      channel,
      body: text,
      ...(channel === 'email' && subject.trim() ? { subject: subject.trim() } : {}),
      ...(channel === 'whatsapp' ? { template: { id: template.id, params } } : {}),
    });
  };

  return (
    <Dialog
      title={t('workflow.start.title')}
      onClose={onClose}
      testId="new-conversation-dialog"
      wide
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t('workflow.cancel')}
          </button>
          <button type="button" className="button button--primary" data-testid="start-submit" disabled={!ready} onClick={submit}>
            {t('workflow.start.submit')}
          </button>
        </>
      }
    >
      <div className="field">
        <span className="field__label" id={toId}>
          {t('workflow.start.to')}
        </span>
        {contact ? (
          <div className="picked-contact" data-testid="picked-contact">
            <span className="pick-list__name" dir="auto">
              {contact.name}
            </span>
            <span className="pick-list__meta" dir="ltr">
              {[contact.phone, contact.email].filter(Boolean).join(' · ')}
            </span>
            <button type="button" className="button button--small" onClick={() => setContact(null)}>
              {t('workflow.start.change')}
            </button>
          </div>
        ) : (
          <>
            <input
              className="field__input"
              type="text"
              data-testid="contact-search"
              aria-labelledby={toId}
              placeholder={t('workflow.start.search')}
              value={query}
              autoFocus
              onChange={(e) => setQuery(e.target.value)}
            />
            {(search.data?.length ?? 0) > 0 || typedContact ? (
              <div className="pick-list pick-list--compact">
                {(search.data ?? []).map((c) => (
                  <button key={c.id} type="button" className="pick-list__item" data-testid="contact-result" onClick={() => setContact(c)}>
                    <span className="pick-list__name" dir="auto">
                      {c.name}
                    </span>
                    <span className="pick-list__meta" dir="ltr">
                      {[c.phone, c.email].filter(Boolean).join(' · ')}
                    </span>
                  </button>
                ))}
                {typedContact ? (
                  <div className="pick-list__item pick-list__item--static" data-testid="new-contact">
                    {t('workflow.start.newContact', { address: query.trim() })}
                  </div>
                ) : null}
              </div>
            ) : null}
          </>
        )}
      </div>
      <div className="segmented" role="radiogroup" aria-label={t('workflow.start.channel')}>
        {START_CHANNELS.map((c) => (
          <button
            key={c}
            type="button"
            role="radio"
            aria-checked={channel === c}
            className="segmented__option"
            data-testid={`start-channel-${c}`}
            onClick={() => setChannel(c)}
          >
            {c === 'whatsapp' ? t('workflow.start.whatsappTemplate') : t(`channel.${c}`)}
          </button>
        ))}
      </div>
      {who !== null && !fitsChannel ? (
        <p className="dialog-hint dialog-hint--warn" role="alert">
          {t(channel === 'email' ? 'workflow.start.needsEmail' : 'workflow.start.needsPhone')}
        </p>
      ) : null}
      {channel === 'email' ? (
        <label className="field">
          <span className="field__label">{t('workflow.start.subject')}</span>
          <input className="field__input" data-testid="start-subject" value={subject} maxLength={500} onChange={(e) => setSubject(e.target.value)} />
        </label>
      ) : null}
      {channel === 'whatsapp' ? (
        <>
          <label className="field">
            <span className="field__label">{t('workflow.start.template')}</span>
            <select
              className="field__input"
              data-testid="start-template"
              value={template.id}
              onChange={(e) => setTemplate(WHATSAPP_TEMPLATES.find((x) => x.id === e.target.value) ?? template)}
            >
              {WHATSAPP_TEMPLATES.map((x) => (
                <option key={x.id} value={x.id}>
                  {t(`templates.names.${x.id}`)}
                </option>
              ))}
            </select>
          </label>
          <div className="field-row">
            {template.params.map((param, i) => (
              <label key={param} className="field">
                <span className="field__label">{t(`templates.params.${param}`)}</span>
                <input
                  className="field__input"
                  data-testid="start-template-param"
                  value={params[i]}
                  onChange={(e) => setEdited((old) => ({ ...old, [param]: e.target.value }))}
                />
              </label>
            ))}
          </div>
          <p className="template-preview" dir="auto" data-testid="start-template-preview">
            {rendered?.ok ? rendered.body : t('templates.fillAll')}
          </p>
        </>
      ) : (
        <label className="field">
          <span className="field__label">{t('workflow.start.message')}</span>
          <textarea className="field__input" data-testid="start-body" rows={4} value={body} onChange={(e) => setBody(e.target.value)} />
        </label>
      )}
    </Dialog>
  );
}
