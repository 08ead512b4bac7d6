// The workflow bar of the open conversation: accept, pending, transfer, resolve, tags and labels,
// pin; who has it; the conversation it follows; and, when another agent won an accept race, who.
import { memo, useEffect } from 'react';
import { isClosed } from '../../../shared/workflow/transitions';
import type { SteadyDetail } from '../api/useSteadyDetail';
import { useFormat, useT } from '../i18n/LocaleContext';
import { PinIcon } from '../ui/icons';
import { useWorkflow } from './WorkflowContext';
import { useAction } from './useWorkflow';
import './workflow.css';

export const ConversationActions = memo(function ConversationActions({ detail, selfId }: { detail: SteadyDetail; selfId: string }) {
  const t = useT();
  const format = useFormat();
  const { openDialog, openConversation, accept, attempted, settle } = useWorkflow();
  const { conversation, pinned, previous, assignee } = detail;
  const id = conversation.id;
  const setStatus = useAction('conversation.setStatus');
  const pin = useAction('conversation.pin');
  const closed = isClosed(conversation.status);
  const takenByOther = assignee !== null && assignee.id !== selfId;
  const lostRace = takenByOther && conversation.status !== 'queued' && attempted.has(id);
  // Won only once the server agreed: until then the hold is this window's own guess, which a
  // refusal rolls back to the agent who was first.
  const wonAccept = assignee?.id === selfId && !detail.acceptWaiting;
  useEffect(() => {
    if (wonAccept) settle(id);
  }, [wonAccept, id, settle]);

  return (
    <div className="conversation-actions" data-testid="conversation-actions">
      {lostRace ? (
        <p className="conversation-actions__lost" role="alert" data-testid="accept-lost">
          {t('workflow.acceptLost', { name: assignee.name })}
        </p>
      ) : null}
      <div className="conversation-actions__buttons">
        {conversation.status === 'queued' ? (
          <button type="button" className="button button--small button--primary" data-testid="action-accept" aria-keyshortcuts="a" onClick={() => accept(id)}>
            {t('workflow.accept')}
          </button>
        ) : null}
        {conversation.status === 'active' || conversation.status === 'pending' ? (
          <button
            type="button"
            className="button button--small"
            data-testid="action-pending"
            aria-pressed={conversation.status === 'pending'}
            onClick={() => setStatus.run({ conversationId: id, status: conversation.status === 'pending' ? 'active' : 'pending' })}
          >
            {conversation.status === 'pending' ? t('workflow.markActive') : t('workflow.markPending')}
          </button>
        ) : null}
        {!closed ? (
          <>
            <button
              type="button"
              className="button button--small"
              data-testid="action-transfer"
              aria-keyshortcuts="Control+T"
              onClick={() => openDialog({ kind: 'transfer', conversationId: id })}
            >
              {t('workflow.transfer.open')}
            </button>
            <button
              type="button"
              className="button button--small"
              data-testid="action-resolve"
              aria-keyshortcuts="Control+R"
              onClick={() => openDialog({ kind: 'resolve', conversationId: id })}
            >
              {t('workflow.resolve.open')}
            </button>
          </>
        ) : null}
        <button type="button" className="button button--small" data-testid="action-tags" aria-keyshortcuts="t" onClick={() => openDialog({ kind: 'tags', conversationId: id })}>
          {t('workflow.tags.open')}
        </button>
        <button
          type="button"
          className="button button--small"
          data-testid="action-pin"
          aria-pressed={pinned}
          aria-keyshortcuts="p"
          onClick={() => pin.run({ conversationId: id, pinned: !pinned })}
        >
          <PinIcon />
          {pinned ? t('workflow.unpin') : t('workflow.pin')}
        </button>
        <span className="conversation-actions__owner" data-testid="assignee">
          {assignee ? t('workflow.assignedTo', { name: assignee.id === selfId ? t('workflow.you') : assignee.name }) : t('workflow.unassigned')}
        </span>
      </div>
      {closed || previous || conversation.previousConversationId || conversation.labels.length > 0 || conversation.tags.length > 0 ? (
        <div className="conversation-actions__info">
          {conversation.labels.map((label) => (
            <span key={label} className={`label-chip label-chip--${label}`} data-testid="thread-label">
              {t(`workflowLabel.${label}`)}
            </span>
          ))}
          {conversation.tags.map((tag) => (
            <span key={tag} className="tag-chip" dir="auto" data-testid="thread-tag">
              {tag}
            </span>
          ))}
          {closed ? (
            <span className="conversation-actions__closed" data-testid="closure-reason">
              {conversation.closureReason
                ? t('workflow.closedBecause', { reason: conversation.closureReason })
                : t(`conversationStatus.${conversation.status}`)}
            </span>
          ) : null}
          {previous ? (
            <button type="button" className="link-button" data-testid="previous-conversation" onClick={() => openConversation(previous.id)}>
              {t('workflow.previous', { when: format.fullDate(previous.lastMessageAt) })}
            </button>
          ) : conversation.previousConversationId ? (
            <span className="conversation-actions__closed" data-testid="previous-conversation-missing">
              {t('workflow.previousOlder')}
            </span>
          ) : null}
        </div>
      ) : null}
    </div>
  );
});

/** Replaces the composer in a resolved or abandoned conversation. */
export function ClosedBar({ conversationId }: { conversationId: string }) {
  const t = useT();
  const reopen = useAction('conversation.reopen');
  return (
    <div className="thread-closed" data-testid="thread-readonly">
      <p className="thread-closed__text">{t('workflow.readOnly')}</p>
      <button
        type="button"
        className="button button--primary"
        data-testid="action-reopen"
        aria-keyshortcuts="o"
        disabled={reopen.pending}
        onClick={() => reopen.run({ conversationId })}
      >
        {t('workflow.reopen')}
      </button>
    </div>
  );
}
