// Tags (predefined or custom, searchable) and workflow labels of one conversation. Every change
// applies at once and merges with changes other agents make meanwhile.
import { useState } from 'react';
import { useT } from '../i18n/LocaleContext';
import { MAX_TAG_LENGTH, WORKFLOW_LABELS } from '../../../shared/domain';
import { useDeskQuery } from '../api/hooks';
import { Dialog } from '../ui/Dialog';
import { useAction, useTeam } from './useWorkflow';
import './workflow.css';

export function TagsDialog({ conversationId, onClose }: { conversationId: string; onClose: () => void }) {
  const t = useT();
  const team = useTeam();
  const detail = useDeskQuery('conversation.get', { conversationId });
  const tag = useAction('conversation.tag');
  const [query, setQuery] = useState('');
  const tags = detail.data?.conversation.tags ?? [];
  const labels = detail.data?.conversation.labels ?? [];
  const has = (name: string) => tags.some((x) => x.toLowerCase() === name.toLowerCase());
  const typed = query.trim().slice(0, MAX_TAG_LENGTH);
  const suggestions = (team.data?.tags ?? []).filter((name) => !has(name) && name.toLowerCase().includes(typed.toLowerCase())).slice(0, 12);
  const add = (name: string) => {
    tag.run({ conversationId, addTags: [name] });
    setQuery('');
  };

  return (
    <Dialog
      title={t('workflow.tags.title')}
      onClose={onClose}
      testId="tags-dialog"
      footer={
        <button type="button" className="button button--primary" onClick={onClose}>
          {t('workflow.done')}
        </button>
      }
    >
      <fieldset className="field">
        <legend className="field__label">{t('workflow.tags.labels')}</legend>
        <div className="label-toggles">
          {WORKFLOW_LABELS.map((label) => (
            <label key={label} className={`label-toggle label-chip--${label}`} data-testid="label-toggle">
              <input
                type="checkbox"
                checked={labels.includes(label)}
                onChange={(e) => tag.run({ conversationId, ...(e.target.checked ? { addLabels: [label] } : { removeLabels: [label] }) })}
              />
              {t(`workflowLabel.${label}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field">
        <span className="field__label">{t('workflow.tags.tags')}</span>
        <div className="tag-chips" data-testid="conversation-tags">
          {tags.length === 0 ? <span className="dialog-hint">{t('workflow.tags.none')}</span> : null}
          {tags.map((name) => (
            <span key={name} className="tag-chip" dir="auto">
              {name}
              <button type="button" className="tag-chip__remove" aria-label={t('workflow.tags.remove', { tag: name })} onClick={() => tag.run({ conversationId, removeTags: [name] })}>
                ×
              </button>
            </span>
          ))}
        </div>
        <input
          className="field__input"
          type="text"
          data-testid="tag-search"
          aria-label={t('workflow.tags.search')}
          placeholder={t('workflow.tags.search')}
          value={query}
          maxLength={MAX_TAG_LENGTH}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && typed) {
              e.preventDefault();
              add(suggestions.find((s) => s.toLowerCase() === typed.toLowerCase()) ?? typed);
            }
          }}
        />
        <div className="tag-suggestions">
          {suggestions.map((name) => (
            <button key={name} type="button" className="tag-chip tag-chip--suggestion" onClick={() => add(name)} dir="auto">
              + {name}
            </button>
          ))}
          {typed && !has(typed) && !suggestions.some((s) => s.toLowerCase() === typed.toLowerCase()) ? (
            <button type="button" className="tag-chip tag-chip--suggestion" data-testid="tag-create" onClick={() => add(typed)}>
              {t('workflow.tags.create', { tag: typed })}
            </button>
          ) : null}
        </div>
      </div>
    </Dialog>
  );
}
