// The text box of the compose view and the thread: Enter sends, Shift+Enter starts a new line, a
// counter shows the length against the limit. Sending hands the text over and clears the box; the
// caller keeps it (as a pending message) until the server has it.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PORTAL_MAX_TEXT } from '../../shared/portal';
import { useFormat } from './context';
import { SendIcon } from './icons';

export interface ComposerProps {
  placeholder: string;
  onSend(text: string): void;
  autoFocus?: boolean;
  /** Rows the box starts with. */
  rows?: number;
}

export function Composer({ placeholder, onSend, autoFocus = false, rows = 1 }: ComposerProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const [text, setText] = useState('');
  const hintId = useId();
  const counterId = useId();
  const length = [...text].length;
  const tooLong = length > PORTAL_MAX_TEXT;
  const canSend = text.trim().length > 0 && !tooLong;

  const send = () => {
    if (!canSend) return;
    onSend(text.trim());
    setText('');
  };

  return (
    <form
      className="composer"
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
    >
      <textarea
        className="composer-input"
        dir="auto"
        data-testid="portal-composer-input"
        aria-label={t('composer.label')}
        aria-describedby={`${hintId} ${counterId}`}
        aria-invalid={tooLong}
        placeholder={placeholder}
        value={text}
        rows={rows}
        autoFocus={autoFocus}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
            event.preventDefault();
            send();
          }
        }}
      />
      <div className="composer-bar">
        <span id={hintId} className="composer-hint">
          {tooLong ? <span className="composer-error">{t('composer.tooLong', { max: format.number(PORTAL_MAX_TEXT) })}</span> : t('composer.hint')}
        </span>
        <span id={counterId} className={tooLong ? 'composer-counter over' : 'composer-counter'} data-testid="portal-composer-counter" aria-live="polite">
          {t('composer.counter', { length: format.number(length), max: format.number(PORTAL_MAX_TEXT) })}
        </span>
        <button type="submit" className="button primary" data-testid="portal-composer-send" disabled={!canSend}>
          <SendIcon />
          <span>{t('composer.send')}</span>
        </button>
      </div>
    </form>
  );
}
