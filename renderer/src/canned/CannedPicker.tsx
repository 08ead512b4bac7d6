// The canned-message picker above the composer: search (driven by the composer's text after "/",
// or its own box after Ctrl+/), category chips, arrows + Enter, and a preview with variables filled.
import { useId } from 'react';
import { useT } from '../i18n/LocaleContext';
import type { CannedItem } from '../../../shared/ipc/contract';
import { resolveTemplate, type TemplateContext } from '../../../shared/templates/variables';

interface CannedPickerProps {
  results: readonly CannedItem[];
  categories: readonly string[];
  category: string | null;
  onCategory: (category: string | null) => void;
  active: number;
  onActive: (index: number) => void;
  onChoose: (item: CannedItem) => void;
  context: () => TemplateContext;
  listId: string;
}

export function CannedPicker({ results, categories, category, onCategory, active, onActive, onChoose, context, listId }: CannedPickerProps) {
  const t = useT();
  const previewId = useId();
  const current = results[active] ?? null;
  const preview = current ? resolveTemplate(current.body, context()) : null;
  return (
    <div className="canned-picker" data-testid="canned-picker">
      <div className="canned-picker__categories" role="group" aria-label={t('canned.categories')}>
        <button type="button" className="chip" aria-pressed={category === null} onMouseDown={(e) => e.preventDefault()} onClick={() => onCategory(null)}>
          {t('canned.allCategories')}
        </button>
        {categories.map((c) => (
          <button key={c} type="button" className="chip" aria-pressed={category === c} data-testid="canned-category" onMouseDown={(e) => e.preventDefault()} onClick={() => onCategory(c)}>
            {c}
          </button>
        ))}
      </div>
      <div className="canned-picker__main">
        <ul id={listId} className="canned-picker__list" role="listbox" aria-label={t('canned.title')}>
          {results.map((item, index) => (
            <li
              key={item.id}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              className="canned-picker__item"
              data-testid="canned-item"
              data-shortcut={item.shortcut}
              onMouseEnter={() => onActive(index)}
              // Keep focus in the composer.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => onChoose(item)}
            >
              <span className="canned-picker__shortcut" dir="ltr">/{item.shortcut}</span>
              <span className="canned-picker__title">{item.title}</span>
              <span className="canned-picker__category">{item.category}</span>
            </li>
          ))}
          {results.length === 0 ? <li className="canned-picker__empty">{t('canned.none')}</li> : null}
        </ul>
        {preview ? (
          <div className="canned-picker__preview" id={previewId} data-testid="canned-preview" aria-live="polite">
            <p className="canned-picker__preview-text" dir="auto">{preview.text}</p>
            {preview.unresolved.length > 0 ? (
              <p className="canned-picker__preview-missing">{t('canned.missing', { names: preview.unresolved.join(', ') })}</p>
            ) : null}
          </div>
        ) : null}
      </div>
      <p className="canned-picker__hint">{t('canned.hint')}</p>
    </div>
  );
}
