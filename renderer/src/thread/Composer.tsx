import { useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent, type KeyboardEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_MESSAGE_BODY } from '../../../shared/domain';
import { errorCode } from '../api/call';
import { useDeskMutation } from '../api/hooks';
import { deskKeyPrefix } from '../api/queryKeys';
import { isSendPress } from '../settings/sendKey';
import { useSettings } from '../settings/useSettings';
import { useCommands } from '../workspace/commands';
import { SendIcon } from '../ui/icons';
import './composer.css';

interface ComposerProps {
  conversationId: string;
  contactName: string;
  inputRef: Ref<HTMLTextAreaElement>;
  /** Unsent text per conversation, so switching conversations keeps what the agent typed. */
  drafts: Map<string, string>;
}

export function Composer({ conversationId, contactName, inputRef, drafts }: ComposerProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [body, setBody] = useState(() => drafts.get(conversationId) ?? '');
  const errorId = useId();
  const { settings } = useSettings();
  const { isMac } = useCommands();
  const send = useDeskMutation('message.send', {
    // The core has written the pending row by the time it answers; refetch without waiting for
    // the change notice so the message shows at once.
    onSettled: () => queryClient.invalidateQueries({ queryKey: deskKeyPrefix('thread.get', { conversationId }) }),
  });

  const update = (text: string) => {
    setBody(text);
    if (text) drafts.set(conversationId, text);
    else drafts.delete(conversationId);
  };

  const canSend = body.trim().length > 0 && !send.isPending;

  const submit = () => {
    if (!canSend) return;
    const text = body;
    update('');
    send.mutate({ conversationId, body: text }, { onError: () => update(text) });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (isSendPress(event, settings.sendKey, isMac) && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit();
  };

  const label = t('composer.label', { name: contactName });
  return (
    <form className="composer" onSubmit={onSubmit}>
      <div className="composer__box">
        <textarea
          ref={inputRef}
          className="composer__input"
          data-testid="composer-input"
          aria-label={label}
          aria-keyshortcuts="r"
          aria-describedby={send.isError ? errorId : undefined}
          placeholder={t('composer.placeholder')}
          rows={2}
          maxLength={MAX_MESSAGE_BODY}
          value={body}
          onChange={(event) => update(event.target.value)}
          onKeyDown={onKeyDown}
        />
        <button type="submit" className="button button--primary composer__send" data-testid="composer-send" disabled={!canSend}>
          <SendIcon />
          {t('composer.send')}
        </button>
      </div>
      {send.isError ? (
        <p id={errorId} className="composer__error" role="alert">
          {t(`errors.${errorCode(send.error)}`)}
        </p>
      ) : null}
    </form>
  );
}
