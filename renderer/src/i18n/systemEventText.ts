// A system line in the agent's language: its event (shared/systemEvents.ts) worded with the names
// it carries as they are; a line without an event this build knows shows its stored English body.
import type { TFunction } from 'i18next';
import type { Message } from '../../../shared/domain';
import { knownSystemEvent } from '../../../shared/systemEvents';

export function systemLineText(t: TFunction, message: Pick<Message, 'body' | 'event'>): string {
  const known = knownSystemEvent(message.event);
  return known ? t(`systemEvents.${known.code}`, known.params) : message.body;
}
