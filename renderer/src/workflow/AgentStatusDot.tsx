import type { AgentStatus } from '../../../shared/domain';

/** Coloured dot for an agent's availability; the words are always next to it. */
export function AgentStatusDot({ status }: { status: AgentStatus }) {
  return <span className={`status-dot status-dot--${status}`} aria-hidden="true" />;
}
