// Custom attributes, edited in place: Enter saves (through the outbox), Escape cancels.
import { useState, type FormEvent } from 'react';
import { useT } from '../i18n/LocaleContext';
import { ATTRIBUTE_NAME } from '../../../shared/domain';
import { useDeskMutation } from '../api/hooks';

export function Attributes({ contactId, attributes }: { contactId: string; attributes: Readonly<Record<string, string>> }) {
  const t = useT();
  const update = useDeskMutation('contact.update');
  const [editing, setEditing] = useState<string | null>(null);
  const [value, setValue] = useState('');
  const [adding, setAdding] = useState(false);
  const [newName, setNewName] = useState('');
  const save = (name: string, next: string | null) => update.mutate({ contactId, change: { op: 'setAttributes', attributes: { [name]: next } } });

  const submitEdit = (event: FormEvent) => {
    event.preventDefault();
    if (editing) save(editing, value.trim() === '' ? null : value.trim());
    setEditing(null);
  };
  const submitNew = (event: FormEvent) => {
    event.preventDefault();
    if (!ATTRIBUTE_NAME.test(newName) || value.trim() === '') return;
    save(newName, value.trim());
    setAdding(false);
    setNewName('');
    setValue('');
  };
  const entries = Object.entries(attributes).sort(([a], [b]) => a.localeCompare(b));
  return (
    <div className="attributes" data-testid="attributes">
      <dl className="attributes__list">
        {entries.map(([name, current]) => (
          <div key={name} className="attributes__row" data-attribute={name}>
            <dt className="attributes__name">{name.replace(/_/g, ' ')}</dt>
            <dd className="attributes__value">
              {editing === name ? (
                <form onSubmit={submitEdit}>
                  <input
                    className="input input--small"
                    aria-label={t('customer.attributeValue', { name })}
                    data-testid="attribute-input"
                    value={value}
                    autoFocus
                    onChange={(e) => setValue(e.target.value)}
                    onKeyDown={(e) => {
                      if (e.key === 'Escape') {
                        e.preventDefault();
                        setEditing(null);
                      }
                    }}
                    onBlur={() => setEditing(null)}
                    maxLength={500}
                  />
                </form>
              ) : (
                <button
                  type="button"
                  className="attributes__edit"
                  data-testid="attribute-edit"
                  title={t('customer.editAttribute')}
                  onClick={() => {
                    setEditing(name);
                    setValue(current);
                  }}
                >
                  {current}
                </button>
              )}
            </dd>
          </div>
        ))}
      </dl>
      {adding ? (
        <form className="attributes__new" onSubmit={submitNew}>
          <input className="input input--small" aria-label={t('customer.attributeName')} placeholder={t('customer.attributeName')} value={newName} autoFocus pattern={ATTRIBUTE_NAME.source} onChange={(e) => setNewName(e.target.value.toLowerCase())} />
          <input className="input input--small" aria-label={t('customer.attributeValueNew')} placeholder={t('customer.attributeValueNew')} value={value} onChange={(e) => setValue(e.target.value)} maxLength={500} />
          <button type="submit" className="button button--small">
            {t('customer.add')}
          </button>
          <button type="button" className="button button--small" onClick={() => setAdding(false)}>
            {t('customer.cancel')}
          </button>
        </form>
      ) : (
        <button type="button" className="link-button" onClick={() => { setAdding(true); setValue(''); }}>
          {t('customer.addAttribute')}
        </button>
      )}
    </div>
  );
}
