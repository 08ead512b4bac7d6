// Turns the policy's decisions into notifications with text. The templates come from the renderer
// in the agent's language (`notifications.texts`); until a window has sent them, the English ones
// (shared/notifications.ts, the same object as the English catalog's) are used.
import {
  fillTemplate,
  listOfNames,
  type DeskNotification,
  type NotificationSettings,
  type NotificationTextKey,
  type NotificationTexts,
} from '../../../shared/notifications';
import type { Outgoing } from './policy';

/** Names the text needs, looked up in the cache after the events were applied. */
export interface Names {
  contact(conversationId: string): string;
  agent(agentId: string | null): string;
}

/** Customers a reminder names; more are counted ("and 97 more"). */
export const REMINDER_NAMES = 3;

export function soundFor(settings: NotificationSettings): DeskNotification['sound'] {
  return settings.sound === 'none' ? null : settings.sound;
}

export function toNotification(
  outgoing: Outgoing,
  texts: NotificationTexts,
  names: Names,
  settings: NotificationSettings,
): DeskNotification {
  const sound = soundFor(settings);
  const locale = texts.locale ?? 'en';
  if (outgoing.type === 'group') {
    const burst = outgoing.cause === 'burst';
    return {
      id: outgoing.id,
      kind: outgoing.cause,
      conversationId: null,
      title: burst ? texts.burstTitle : texts.catchUpTitle,
      body: fillTemplate(burst ? texts.burstBody : texts.catchUpBody, { count: new Intl.NumberFormat(locale).format(outgoing.count) }),
      sound,
    };
  }
  if (outgoing.type === 'reminder') {
    const ids = outgoing.conversationIds;
    const [first] = ids;
    // A flood of new conversations makes many due at once: name a few, count the rest.
    const named = ids.length > REMINDER_NAMES + 1 ? ids.slice(0, REMINDER_NAMES) : ids;
    const contact = listOfNames(named.map((id) => names.contact(id)), ids.length - named.length, texts);
    return {
      id: outgoing.id,
      kind: 'reminder',
      conversationId: first ?? null,
      title: texts.reminderTitle,
      body: fillTemplate(texts.reminderBody, { contact, count: new Intl.NumberFormat(locale).format(ids.length) }),
      sound,
    };
  }
  const { candidate } = outgoing;
  const values = {
    contact: names.contact(candidate.conversationId),
    agent: names.agent(candidate.agentId),
    preview: candidate.text ?? '',
    note: candidate.text ?? '',
  };
  const text = (title: NotificationTextKey, body: string) => ({
    id: candidate.id,
    kind: candidate.kind,
    conversationId: candidate.conversationId,
    title: fillTemplate(texts[title], values),
    body,
    sound,
  });
  switch (candidate.kind) {
    case 'assigned':
      return text('assignedTitle', fillTemplate(texts.assignedBody, values));
    case 'queued':
      return text('queuedTitle', fillTemplate(texts.queuedBody, values));
    case 'message':
      return text('messageTitle', values.preview);
    case 'mention':
      return text('mentionTitle', values.note);
    case 'transfer':
      return text('transferTitle', fillTemplate(candidate.text ? texts.transferBodyWithNote : texts.transferBody, values));
  }
}

export function testNotification(texts: NotificationTexts, settings: NotificationSettings, at: number): DeskNotification {
  return { id: `test:${at}`, kind: 'test', conversationId: null, title: texts.testTitle, body: texts.testBody, sound: soundFor(settings) };
}
