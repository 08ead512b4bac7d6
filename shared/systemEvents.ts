// What a system line in a timeline records (accepted, transferred, resolved, ...), as a code plus
// parameters: the backend stores it next to the line's English body (kept for API clients, logs
// and search) and the console words it in the agent's language (`systemEvents.<code>` in every
// locale). Parameters are tenant data (agent and queue names, closure reasons), inserted as given.
// An agent whose name the backend does not know is left out of the event rather than named in
// English: the console words that case itself (`systemEventNames.<param>`). A code this build does
// not know, or one missing any other parameter, shows the stored body instead.
import { z } from 'zod';

/** Every event with the names of its parameters. Each code has a `systemEvents.<code>` key in every locale. */
export const SYSTEM_EVENTS = {
  accepted: ['agent'],
  transferredToAgent: ['agent', 'to'],
  transferredToQueue: ['agent', 'queue'],
  resolved: ['agent', 'reason'],
  reopened: ['agent'],
  setPending: ['agent'],
  setActive: ['agent'],
  routed: ['to'],
  abandoned: [],
  // The reason is the backend's own (AUTO_RESOLVE_REASON), not tenant data: the key words it.
  autoResolved: [],
} as const satisfies Record<string, readonly string[]>;

export type SystemEventCode = keyof typeof SYSTEM_EVENTS;
export const SYSTEM_EVENT_CODES = Object.keys(SYSTEM_EVENTS) as SystemEventCode[];

/** On the wire and in storage: any code (a newer backend may know more), validated loosely. */
export const systemEventSchema = z.object({
  code: z.string().min(1).max(64),
  params: z.record(z.string().max(64), z.string().max(1_000)).default({}),
});
export type SystemEvent = z.infer<typeof systemEventSchema>;

/** Parameters that name an agent: null (left out of the event) when the backend does not know the name. */
export const AGENT_NAME_PARAMS = ['agent', 'to'] as const;
export type AgentNameParam = (typeof AGENT_NAME_PARAMS)[number];
const isAgentNameParam = (name: string): name is AgentNameParam => (AGENT_NAME_PARAMS as readonly string[]).includes(name);

export type SystemEventParams<C extends SystemEventCode> = {
  [N in (typeof SYSTEM_EVENTS)[C][number]]: N extends AgentNameParam ? string | null : string;
};
/** The parameters after the code: none for an event without any. */
export type SystemEventArgs<C extends SystemEventCode> = (typeof SYSTEM_EVENTS)[C] extends readonly [] ? [] : [SystemEventParams<C>];

/** An event with its parameters checked against the list at compile time; unknown names are left out. */
export function systemEvent<C extends SystemEventCode>(code: C, ...params: SystemEventArgs<C>): SystemEvent {
  const given = Object.entries((params[0] ?? {}) as Record<string, string | null>);
  return { code, params: Object.fromEntries(given.filter((entry): entry is [string, string] => entry[1] !== null)) };
}

/** A known event's parameters; an agent name is missing when the backend did not know it. */
export interface KnownSystemEvent {
  code: SystemEventCode;
  params: Record<string, string>;
  /** The agent-name parameters the event leaves out, for the console to word as "an agent". */
  unknownAgents: AgentNameParam[];
}

/** An event this build can word: a known code with every parameter present but unknown agent names. */
export function knownSystemEvent(value: SystemEvent | null | undefined): KnownSystemEvent | null {
  if (!value || !Object.hasOwn(SYSTEM_EVENTS, value.code)) return null;
  const code = value.code as SystemEventCode;
  const names: readonly string[] = SYSTEM_EVENTS[code];
  const missing = names.filter((name) => typeof value.params[name] !== 'string');
  if (!missing.every(isAgentNameParam)) return null;
  return { code, params: value.params, unknownAgents: missing };
}
