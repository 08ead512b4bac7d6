import { useState, type FormEvent } from 'react';
import type { ContactNote } from '../../../shared/domain';
import { useDeskMutation, useDeskQuery } from '../api/hooks';
import { useFormat, useT } from '../i18n/LocaleContext';

export function Notes({ contactId, notes }: { contactId: string; notes: readonly ContactNote[] }) {
  const t = useT();
  const format = useFormat();
  const update = useDeskMutation('contact.update');
  const [body, setBody] = useState('');
  const conversation = useDeskQuery('session.get', {});
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (body.trim() === '') return;
    update.mutate({ contactId, change: { op: 'addNote', body: body.trim() } });
    setBody('');
  };
  const self = conversation.data?.agent;
  return (
    <div className="notes">
      <ul className="notes__list">
        {[...notes].reverse().map((n) => (
          <li key={n.id} className="notes__item" data-testid="contact-note">
            <p className="notes__body" dir="auto">
              {n.body}
            </p>
            <span className="notes__meta">
              {n.authorAgentId && n.authorAgentId === self?.id ? `${self.name} · ` : ''}
              {format.fullDate(n.createdAt)}
            </span>
          </li>
        ))}
      </ul>
      <form className="notes__new" onSubmit={submit}>
        <input className="input input--small" aria-label={t('customer.addNote')} placeholder={t('customer.addNote')} value={body} maxLength={5_000} onChange={(e) => setBody(e.target.value)} data-testid="contact-note-input" />
      </form>
    </div>
  );
}
