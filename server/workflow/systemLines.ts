// A system line's English body, built from its event: the one wording that API clients, logs and
// search see (the console words the event itself, in the agent's language).
import {
  type SYSTEM_EVENTS,
  type SystemEvent,
  type SystemEventArgs,
  type SystemEventCode,
  knownSystemEvent,
  systemEvent,
} from '../../shared/systemEvents';
import { AUTO_RESOLVE_REASON } from './settings';

/** Every parameter as a string: an agent the event could not name reads "An agent" / "an agent" here, and only here. */
type Worded<C extends SystemEventCode> = Record<(typeof SYSTEM_EVENTS)[C][number], string>;

const ENGLISH: { [C in SystemEventCode]: (p: Worded<C>) => string } = {
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

/** In English, an agent left out of an event: the subject of the sentence, or whom it went to. */
const UNKNOWN_AGENT = { agent: 'An agent', to: 'an agent' } as const;

export interface SystemLine {
  body: string;
  event: SystemEvent;
}

/** The English body of an event this backend wrote. */
export function systemLineBody(event: SystemEvent): string {
  const known = knownSystemEvent(event);
  if (!known) throw new Error(`Not a system event this backend words: ${event.code}`);
  const params: Record<string, string> = { ...known.params };
  for (const name of known.unknownAgents) params[name] = UNKNOWN_AGENT[name];
  return (ENGLISH[known.code] as (p: Record<string, string>) => string)(params);
}

/** The event and its English body, for `appendLine` or a seeded timeline. */
export function systemLine<C extends SystemEventCode>(code: C, ...params: SystemEventArgs<C>): SystemLine {
  const event = systemEvent(code, ...params);
  return { body: systemLineBody(event), event };
}
