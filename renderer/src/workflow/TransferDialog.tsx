// Transfer to an agent (each shown with status and load against capacity) or to a queue (it
// re-enters routing), with an optional note the recipient reads in the timeline.
import { useState } from 'react';
import { MAX_NOTE_LENGTH } from '../../../shared/protocol';
import { useDeskQuery } from '../api/hooks';
import { useFormat, useT } from '../i18n/LocaleContext';
import { Dialog } from '../ui/Dialog';
import { AgentStatusDot } from './AgentStatusDot';
import { useAction, useTeam } from './useWorkflow';
import './workflow.css';

type Target = { kind: 'agent'; agentId: string } | { kind: 'queue'; queueId: string };

export function TransferDialog({ conversationId, onClose }: { conversationId: string; onClose: () => void }) {
  const t = useT();
  const format = useFormat();
  const team = useTeam();
  const detail = useDeskQuery('conversation.get', { conversationId });
  const [mode, setMode] = useState<'agent' | 'queue'>('agent');
  const [target, setTarget] = useState<Target | null>(null);
  const [note, setNote] = useState('');
  const transfer = useAction('conversation.transfer', onClose);
  const assigneeId = detail.data?.conversation.assigneeId ?? null;
  const queueId = detail.data?.conversation.queueId ?? null;

  const submit = () => {
    if (!target) return;
    transfer.run({ conversationId, to: target, ...(note.trim() ? { note: note.trim() } : {}) });
  };

  return (
    <Dialog
      title={t('workflow.transfer.title')}
      onClose={onClose}
      testId="transfer-dialog"
      wide
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t('workflow.cancel')}
          </button>
          <button type="button" className="button button--primary" data-testid="transfer-submit" disabled={!target || transfer.pending} onClick={submit}>
            {t('workflow.transfer.submit')}
          </button>
        </>
      }
    >
      <div className="segmented" role="radiogroup" aria-label={t('workflow.transfer.to')}>
        {(['agent', 'queue'] as const).map((m) => (
          <button
            key={m}
            type="button"
            role="radio"
            aria-checked={mode === m}
            className="segmented__option"
            data-testid={`transfer-mode-${m}`}
            onClick={() => {
              setMode(m);
              setTarget(null);
            }}
          >
            {t(`workflow.transfer.mode.${m}`)}
          </button>
        ))}
      </div>
      <div className="pick-list" role="radiogroup" aria-label={t(`workflow.transfer.mode.${mode}`)}>
        {mode === 'agent'
          ? (team.data?.agents ?? []).map((agent) => {
              const current = agent.id === assigneeId;
              const full = agent.load >= agent.capacity;
              return (
                <label key={agent.id} className="pick-list__item" data-testid="transfer-agent" data-agent-name={agent.name} data-disabled={current || undefined}>
                  <input
                    type="radio"
                    name="transfer-target"
                    disabled={current}
                    checked={target?.kind === 'agent' && target.agentId === agent.id}
                    onChange={() => setTarget({ kind: 'agent', agentId: agent.id })}
                  />
                  <AgentStatusDot status={agent.status} />
                  <span className="pick-list__name">{agent.name}</span>
                  <span className="pick-list__meta">{current ? t('workflow.transfer.current') : t(`agentStatus.${agent.status}`)}</span>
                  <span className={full ? 'pick-list__load pick-list__load--full' : 'pick-list__load'}>
                    {t('workflow.transfer.load', { load: format.number(agent.load), capacity: format.number(agent.capacity) })}
                  </span>
                </label>
              );
            })
          : (team.data?.queues ?? []).map((queue) => (
              <label key={queue.id} className="pick-list__item" data-testid="transfer-queue" data-queue-name={queue.name}>
                <input
                  type="radio"
                  name="transfer-target"
                  checked={target?.kind === 'queue' && target.queueId === queue.id}
                  onChange={() => setTarget({ kind: 'queue', queueId: queue.id })}
                />
                <span className="pick-list__name">{queue.name}</span>
                <span className="pick-list__meta">
                  {queue.id === queueId ? t('workflow.transfer.currentQueue') : t(`workflow.routing.${queue.routing}`)}
                </span>
              </label>
            ))}
      </div>
      <label className="field">
        <span className="field__label">{t('workflow.transfer.note')}</span>
        <textarea
          className="field__input"
          data-testid="transfer-note"
          rows={3}
          maxLength={MAX_NOTE_LENGTH}
          value={note}
          placeholder={t('workflow.transfer.notePlaceholder')}
          onChange={(e) => setNote(e.target.value)}
        />
      </label>
    </Dialog>
  );
}
