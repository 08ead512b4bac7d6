// What a system line in a timeline records (accepted, transferred, resolved, ...), as a code plus
// parameters: the backend stores it next to the line's English body (kept for API clients, logs
// and search) and the console words it in the agent's language (`systemEvents.<code>` in every
// locale). Parameters are tenant data (agent and queue names, closure reasons), inserted as given.
// A code this build does not know, or one missing a parameter, shows the stored body instead.
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

export type SystemEventParams<C extends SystemEventCode> = Record<(typeof SYSTEM_EVENTS)[C][number], string>;
/** The parameters after the code: none for an event without any. */
export type SystemEventArgs<C extends SystemEventCode> = (typeof SYSTEM_EVENTS)[C] extends readonly [] ? [] : [SystemEventParams<C>];

/** An event with its parameters checked against the list at compile time. */
export function systemEvent<C extends SystemEventCode>(code: C, ...params: SystemEventArgs<C>): SystemEvent {
  return { code, params: (params[0] ?? {}) as Record<string, string> };
}

/** An event this build can word: a known code with every parameter present. */
export function knownSystemEvent(value: SystemEvent | null | undefined): { code: SystemEventCode; params: Record<string, string> } | null {
  if (!value || !Object.hasOwn(SYSTEM_EVENTS, value.code)) return null;
  const code = value.code as SystemEventCode;
  const names: readonly string[] = SYSTEM_EVENTS[code];
  if (!names.every((name) => typeof value.params[name] === 'string')) return null;
  return { code, params: value.params };
}
