// A system line in the agent's language: its event (shared/systemEvents.ts) worded with the names
// it carries as they are, and an agent the backend could not name as "an agent" in that language;
// a line without an event this build knows shows its stored English body.
import type { TFunction } from 'i18next';
import type { Message } from '../../../shared/domain';
import { knownSystemEvent } from '../../../shared/systemEvents';

export function systemLineText(t: TFunction, message: Pick<Message, 'body' | 'event'>): string {
  const known = knownSystemEvent(message.event);
  if (!known) return message.body;
  const unnamed = Object.fromEntries(known.unknownAgents.map((name) => [name, t(`systemEventNames.${name}`)]));
  return t(`systemEvents.${known.code}`, { ...known.params, ...unnamed });
}
