// The agent's own availability (Available / Busy / Away), synced to the whole team: Busy and Away
// receive no new conversations from routing.
import { useT } from '../i18n/LocaleContext';
import { AGENT_STATUSES, type AgentStatus } from '../../../shared/domain';
import { AgentStatusDot } from './AgentStatusDot';
import { useAction, useTeam } from './useWorkflow';
import './workflow.css';

export function AgentStatusSelect({ agentId }: { agentId: string }) {
  const t = useT();
  const team = useTeam();
  const setStatus = useAction('agent.setStatus');
  const status = team.data?.agents.find((a) => a.id === agentId)?.status ?? 'available';
  return (
    <label className="agent-status" data-testid="agent-status">
      <AgentStatusDot status={status} />
      <span className="visually-hidden">{t('agentStatus.label')}</span>
      <select
        className="agent-status__select"
        data-testid="agent-status-select"
        value={status}
        onChange={(e) => setStatus.run({ status: e.target.value as AgentStatus })}
      >
        {AGENT_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`agentStatus.${s}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
