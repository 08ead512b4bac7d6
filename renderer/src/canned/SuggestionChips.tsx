import { useMemo } from 'react';
import { useT } from '../i18n/LocaleContext';
import type { CannedItem } from '../../../shared/ipc/contract';
import { suggestReplies } from '../../../shared/templates/suggest';

/** One-click suggested replies for the customer's last message. */
export function SuggestionChips({ message, canned, onChoose }: { message: string; canned: readonly CannedItem[]; onChoose: (item: CannedItem) => void }) {
  const t = useT();
  const suggestions = useMemo(() => suggestReplies(message, canned, 3), [message, canned]);
  if (suggestions.length === 0) return null;
  return (
    <div className="suggestions" role="group" aria-label={t('canned.suggested')} data-testid="suggestions">
      <span className="suggestions__label">{t('canned.suggested')}</span>
      {suggestions.map((item) => (
        <button key={item.id} type="button" className="chip chip--suggestion" data-testid="suggestion" data-shortcut={item.shortcut} title={item.body} onClick={() => onChoose(item)}>
          {item.title}
        </button>
      ))}
    </div>
  );
}
