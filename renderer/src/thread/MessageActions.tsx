// The actions on a message, shown on hover or focus: react, reply (quote), and for my own
// messages edit and delete (with a confirmation).
import { useState } from 'react';
import { useT } from '../i18n/LocaleContext';
import type { ReactionEmoji } from '../../../shared/domain';
import type { ThreadMessage } from '../../../shared/ipc/contract';
import { useDeskMutation } from '../api/hooks';
import { PencilIcon, ReplyIcon, SmileIcon, TrashIcon } from '../ui/icons';
import { ReactionPicker, type ReactionGroup } from './Reactions';
import { useThreadContext } from './threadContext';

interface MessageActionsProps {
  message: ThreadMessage;
  own: boolean;
  reactions: readonly ReactionGroup[];
  onReact: (emoji: ReactionEmoji, on: boolean) => void;
  onEdit: () => void;
}

export function MessageActions({ message, own, reactions, onReact, onEdit }: MessageActionsProps) {
  const t = useT();
  const { replyTo } = useThreadContext();
  const [picking, setPicking] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const remove = useDeskMutation('message.delete');
  const mine = new Set(reactions.filter((r) => r.mine).map((r) => r.emoji));

  if (confirming) {
    return (
      <div className="message-actions message-actions--open" role="group" aria-label={t('thread.actions.label')}>
        <span className="message-actions__ask">{t('thread.actions.confirmDelete')}</span>
        <button
          type="button"
          className="button button--small button--danger"
          data-testid="confirm-delete"
          onClick={() => remove.mutate({ messageId: message.id }, { onSettled: () => setConfirming(false) })}
        >
          {t('thread.actions.delete')}
        </button>
        <button type="button" className="button button--small" onClick={() => setConfirming(false)}>
          {t('thread.actions.cancel')}
        </button>
      </div>
    );
  }

  return (
    <div className={picking ? 'message-actions message-actions--open' : 'message-actions'} role="group" aria-label={t('thread.actions.label')}>
      {picking ? (
        <ReactionPicker
          mine={mine}
          onPick={(emoji, on) => {
            onReact(emoji, on);
            setPicking(false);
          }}
        />
      ) : null}
      <button type="button" className="icon-button" title={t('thread.actions.react')} aria-label={t('thread.actions.react')} aria-expanded={picking} data-testid="action-react" onClick={() => setPicking(!picking)}>
        <SmileIcon />
      </button>
      <button type="button" className="icon-button" title={t('thread.actions.reply')} aria-label={t('thread.actions.reply')} data-testid="action-reply" onClick={() => replyTo(message)}>
        <ReplyIcon />
      </button>
      {own ? (
        <>
          <button type="button" className="icon-button" title={t('thread.actions.edit')} aria-label={t('thread.actions.edit')} data-testid="action-edit" onClick={onEdit}>
            <PencilIcon />
          </button>
          <button type="button" className="icon-button" title={t('thread.actions.delete')} aria-label={t('thread.actions.delete')} data-testid="action-delete" onClick={() => setConfirming(true)}>
            <TrashIcon />
          </button>
        </>
      ) : null}
    </div>
  );
}
