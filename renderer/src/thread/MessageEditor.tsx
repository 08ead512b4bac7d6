// Editing my own message in place: Enter saves, Shift+Enter adds a line, Escape cancels.
import { useState, type KeyboardEvent } from 'react';
import { useT } from '../i18n/LocaleContext';
import { MAX_MESSAGE_BODY } from '../../../shared/domain';
import type { ThreadMessage } from '../../../shared/ipc/contract';
import { useDeskMutation } from '../api/hooks';

export function MessageEditor({ message, onDone }: { message: ThreadMessage; onDone: () => void }) {
  const t = useT();
  const [body, setBody] = useState(message.body);
  const edit = useDeskMutation('message.edit');
  const save = () => {
    const text = body.trim();
    if (text === '' || text === message.body) return onDone();
    edit.mutate({ messageId: message.id, body: text }, { onSuccess: onDone });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onDone();
    } else if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      save();
    }
  };
  return (
    <div className="message-editor">
      <textarea
        className="message-editor__input"
        aria-label={t('thread.editLabel')}
        data-testid="edit-input"
        value={body}
        maxLength={MAX_MESSAGE_BODY}
        rows={Math.min(8, body.split('\n').length + 1)}
        autoFocus
        onChange={(event) => setBody(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <div className="message-editor__buttons">
        <button type="button" className="button button--small" onClick={onDone}>
          {t('thread.actions.cancel')}
        </button>
        <button type="button" className="button button--small button--primary" data-testid="edit-save" onClick={save} disabled={edit.isPending}>
          {t('thread.actions.save')}
        </button>
      </div>
    </div>
  );
}
