// Settings → Canned messages: the team's (editable by supervisors) and the agent's own.
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useT } from '../i18n/LocaleContext';
import type { CannedScope } from '../../../shared/domain';
import type { CannedItem } from '../../../shared/ipc/contract';
import { useReasonText } from '../i18n/reasonText';
import { useDeskMutation, useDeskQuery } from '../api/hooks';
import { deskKeyPrefix } from '../api/queryKeys';
import './canned.css';

interface Draft {
  id: string | null;
  scope: CannedScope;
  title: string;
  shortcut: string;
  category: string;
  body: string;
}

const EMPTY: Draft = { id: null, scope: 'personal', title: '', shortcut: '', category: '', body: '' };

export function CannedSettings() {
  const t = useT();
  const words = useReasonText();
  const queryClient = useQueryClient();
  const list = useDeskQuery('canned.list', {});
  const session = useDeskQuery('session.get', {});
  const supervisor = session.data?.agent.role === 'supervisor';
  const [editing, setEditing] = useState<Draft | null>(null);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: deskKeyPrefix('canned.list') });
  const save = useDeskMutation('canned.save', { onSuccess: () => { setEditing(null); refresh(); } });
  const remove = useDeskMutation('canned.delete', { onSuccess: refresh });
  const mayEdit = (c: CannedItem) => c.scope === 'personal' || supervisor;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (editing) save.mutate({ canned: editing });
  };

  if (editing) {
    const field = (name: keyof Omit<Draft, 'id' | 'scope'>, label: string, multiline = false) => (
      <label className="form-stack__field">
        {label}
        {multiline ? (
          <textarea className="input" rows={4} dir="auto" value={editing[name]} required onChange={(e) => setEditing({ ...editing, [name]: e.target.value })} data-testid={`canned-field-${name}`} />
        ) : (
          <input className="input" dir={name === 'shortcut' ? 'ltr' : 'auto'} value={editing[name]} required onChange={(e) => setEditing({ ...editing, [name]: name === 'shortcut' ? e.target.value.toLowerCase() : e.target.value })} data-testid={`canned-field-${name}`} />
        )}
      </label>
    );
    return (
      <form className="form-stack" onSubmit={submit} data-testid="canned-form">
        {field('title', t('canned.fields.title'))}
        {field('shortcut', t('canned.fields.shortcut'))}
        {field('category', t('canned.fields.category'))}
        {field('body', t('canned.fields.body'), true)}
        <p className="settings__hint">{t('canned.fields.variables', { example: '{{first_name | "there"}}, {{vehicle.registration}}, {{order.id}}, {{appointment.date}}' })}</p>
        <fieldset className="settings__group">
          <legend className="settings__legend">{t('canned.fields.scope')}</legend>
          {(['personal', 'team'] as const).map((scope) => (
            <label key={scope} className="settings__choice">
              <input type="radio" name="scope" checked={editing.scope === scope} disabled={scope === 'team' && !supervisor} onChange={() => setEditing({ ...editing, scope })} />
              {t(`canned.scope.${scope}`)}
            </label>
          ))}
        </fieldset>
        {save.isError ? (
          <p className="composer__error" role="alert">
            {words.error(save.error)}
          </p>
        ) : null}
        <div className="canned-settings__actions">
          <button type="button" className="button" onClick={() => setEditing(null)}>
            {t('customer.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={save.isPending} data-testid="canned-save">
            {t('canned.save')}
          </button>
        </div>
      </form>
    );
  }

  return (
    <div className="canned-settings" data-testid="canned-settings">
      <div className="canned-settings__top">
        <p className="settings__hint">{supervisor ? t('canned.supervisorHint') : t('canned.agentHint')}</p>
        <button type="button" className="button button--small button--primary" onClick={() => setEditing(EMPTY)} data-testid="canned-new">
          {t('canned.new')}
        </button>
      </div>
      <ul className="canned-settings__list">
        {(list.data ?? []).map((c) => (
          <li key={c.id} className="canned-settings__item" data-testid="canned-row" data-shortcut={c.shortcut}>
            <div className="canned-settings__text">
              <span className="canned-picker__shortcut" dir="ltr">/{c.shortcut}</span> <strong>{c.title}</strong>
              <span className="canned-settings__meta">
                {c.category} · {t(`canned.scope.${c.scope}`)}
              </span>
            </div>
            {mayEdit(c) ? (
              <span className="canned-settings__buttons">
                <button type="button" className="button button--small" onClick={() => setEditing({ id: c.id, scope: c.scope, title: c.title, shortcut: c.shortcut, category: c.category, body: c.body })}>
                  {t('canned.edit')}
                </button>
                <button type="button" className="button button--small" onClick={() => remove.mutate({ id: c.id })}>
                  {t('canned.delete')}
                </button>
              </span>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
