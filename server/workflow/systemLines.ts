// A system line's English body, built from its event: the one wording that API clients, logs and
// search see (the console words the event itself, in the agent's language).
import { type SystemEvent, type SystemEventArgs, type SystemEventCode, type SystemEventParams, systemEvent } from '../../shared/systemEvents';
import { AUTO_RESOLVE_REASON } from './settings';

const ENGLISH: { [C in SystemEventCode]: (p: SystemEventParams<C>) => string } = {
  accepted: (p) => `${p.agent} accepted the conversation`,
  transferredToAgent: (p) => `${p.agent} transferred the conversation to ${p.to}`,
  transferredToQueue: (p) => `${p.agent} transferred the conversation to the ${p.queue} queue`,
  resolved: (p) => `${p.agent} resolved the conversation: ${p.reason}`,
  reopened: (p) => `${p.agent} reopened the conversation`,
  setPending: (p) => `${p.agent} set the conversation to pending (waiting on the customer)`,
  setActive: (p) => `${p.agent} set the conversation back to active`,
  routed: (p) => `Assigned to ${p.to} by routing`,
  abandoned: () => 'Closed as abandoned: the customer left before an agent accepted',
  autoResolved: () => `Resolved automatically: ${AUTO_RESOLVE_REASON.toLowerCase()}`,
};

export interface SystemLine {
  body: string;
  event: SystemEvent;
}

/** The event and its English body, for `appendLine` or a seeded timeline. */
export function systemLine<C extends SystemEventCode>(code: C, ...params: SystemEventArgs<C>): SystemLine {
  const event = systemEvent(code, ...params);
  const english = ENGLISH[code] as (p: Record<string, string>) => string;
  return { body: english(event.params), event };
}
