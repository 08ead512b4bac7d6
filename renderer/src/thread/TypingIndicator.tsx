import { useT } from '../i18n/LocaleContext';
import type { ConversationActivity } from '../../../shared/ipc/contract';

/** "Maria is typing…" under the timeline; announced politely to screen readers. */
export function TypingIndicator({ typing }: { typing: ConversationActivity['typing'] }) {
  const t = useT();
  const names = typing.map((x) => x.name).filter((n) => n !== '');
  return (
    <div className="typing" aria-live="polite" data-testid="typing-indicator">
      {names.length > 0 ? (
        <>
          <span className="typing__dots" aria-hidden="true">
            <span />
            <span />
            <span />
          </span>
          {t('thread.typing', { names: names.join(', '), count: names.length })}
        </>
      ) : null}
    </div>
  );
}
